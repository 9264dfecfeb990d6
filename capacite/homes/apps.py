from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomesConfig(AppConfig):
    """The home of each role: panels registered for the homes of `core.homes.Home`.

    This app reads every domain app (like `label` and `public`) and owns no model. Another app
    adds a panel to a role's home the same way, from its own `ready()`: the activity tallies to
    the reception's (order below 10 puts it first), this week's activity to the director's.
    """

    name = "capacite.homes"
    label = "homes"
    verbose_name = _("Accueils par rôle")

    def ready(self) -> None:
        from capacite.core.homes import Home
        from capacite.core.navigation import HomePanel, register_home_panel
        from capacite.homes.panels import network, operations, partnership

        def panel(order, template, url_name, context, *homes):  # type: ignore[no-untyped-def]
            register_home_panel(HomePanel(order, f"homes/{template}.html", url_name, context,
                                          frozenset(homes)))

        panel(10, "today_opening", "offer:sites", operations.today_opening,
              Home.RECEPTION, Home.DIRECTOR)
        panel(20, "on_duty", "staffing:team", operations.on_duty_today,
              Home.RECEPTION, Home.DIRECTOR)
        panel(30, "events_today", "events:events", operations.events_today,
              Home.RECEPTION, Home.DIRECTOR)
        panel(15, "week_staffing", "staffing:rosters", operations.week_staffing, Home.DIRECTOR)
        panel(16, "label_deadline", "roadmap:backplan", operations.label_deadline,
              Home.DIRECTOR)
        # The project lead deposits the dossier: once the Cité has opened, the same warnings.
        panel(16, "label_deadline", "roadmap:backplan", operations.label_deadline_once_open,
              Home.PROJECT)
        panel(10, "my_week", "staffing:my_schedule", operations.my_week, Home.ADVISER)
        panel(20, "my_events", "events:events", operations.my_events, Home.ADVISER)
        panel(30, "documentation", "documentation:resources", operations.documentation,
              Home.ADVISER)
        panel(10, "our_commitments", "partners:organisations", partnership.our_commitments,
              Home.PARTNER)
        panel(20, "expected_of_us", "partners:organisations", partnership.expected_of_us,
              Home.PARTNER)
        panel(30, "our_stance", "partners:organisations", partnership.our_stance, Home.PARTNER)
        panel(10, "sponsor_page", "roadmap:roadmap", partnership.sponsor_page, Home.SPONSOR)
        panel(10, "authority_queue", None, network.authority_queue, Home.NETWORK)
        panel(20, "network", None, network.network, Home.NETWORK)
        panel(10, "published_cites", None, network.published_cites, Home.FRONT_DOOR)
