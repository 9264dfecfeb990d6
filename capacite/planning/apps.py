from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "capacite.planning"
    label = "planning"
    verbose_name = _("Scénarios, budget et trésorerie")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.planning.demo import build_planning_demo
        from capacite.planning.services import home_planning

        register_demo_builder(60, "planning", build_planning_demo)
        register_nav(NavItem(50, _("Scénarios"), "planning:scenarios"))
        register_nav(NavItem(52, _("Tour de table financier"), "planning:funding"))
        register_nav(NavItem(53, _("Plan de trésorerie"), "planning:treasury"))
        register_home_panel(HomePanel(50, "planning/panel_home.html", "planning:scenarios",
                                      lambda request: {"planning": home_planning(request.cite)}))
