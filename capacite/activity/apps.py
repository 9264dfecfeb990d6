from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    """The open Cité's capture side: visit tallies, kiosks, questionnaires, headcounts."""

    name = "capacite.activity"
    label = "activity"
    verbose_name = _("Activité de la Cité ouverte")

    def ready(self) -> None:
        from capacite.activity import panels
        from capacite.activity.demo import build_activity_demo
        from capacite.activity.services import import_history
        from capacite.core.demo import register_demo_builder
        from capacite.core.homes import Home
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.lib.importers import Importer, register_importer

        # After the offer (40), partners (20) and events (61): it reads their rows. And after
        # the label fonctionnement (95), the last builder to change a site's opening hours (the
        # main site's Saturday closes two hours earlier): visits are drawn inside the hours the
        # offer app holds once the demo is built, never inside hours it changes afterwards.
        register_demo_builder(96, "activity", build_activity_demo)
        register_nav(NavItem(45, _("Comptage des passages"), "activity:tally"))
        register_nav(NavItem(46, _("Questionnaires de satisfaction"), "activity:surveys"))
        register_nav(NavItem(47, _("Bornes"), "activity:kiosks"))
        register_nav(NavItem(47, _("Participations et documentation"), "activity:attendance"))
        register_nav(NavItem(48, _("Historique des passages"), "activity:import_history"))
        register_importer(Importer("visits", _("passages anonymes d'avant capacite (CSV ou "
                                               "XLSX), tout ou rien"), import_history))
        # Order 5 puts the tally first on the reception's home.
        register_home_panel(HomePanel(5, "activity/panel_tally.html", "activity:tally",
                                      panels.tally_panel, frozenset({Home.RECEPTION})))
        register_home_panel(HomePanel(12, "activity/panel_counts.html", "activity:tally",
                                      panels.counts_panel,
                                      frozenset({Home.DIRECTOR, Home.ADVISER})))
