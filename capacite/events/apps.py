from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "capacite.events"
    label = "events"
    verbose_name = _("Programme d'événements")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.events.demo import build_events_demo
        from capacite.events.services import home_panel

        register_demo_builder(61, "events", build_events_demo)
        register_nav(NavItem(41, _("Événements"), "events:events"))
        register_home_panel(HomePanel(41, "events/panel_home.html", "events:events", home_panel))
