from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "capacite.governance"
    label = "governance"
    verbose_name = _("Gouvernance")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.governance.demo import build_governance_demo
        from capacite.governance.services import home_alerts

        register_nav(NavItem(30, _("Instances"), "governance:bodies"))
        register_nav(NavItem(31, _("Réunions et décisions"), "governance:meetings"))
        register_nav(NavItem(32, _("Ateliers"), "governance:workshops"))
        register_nav(NavItem(33, _("Structure juridique"), "governance:legal"))
        register_home_panel(
            HomePanel(30, "governance/panel_home.html", "governance:bodies",
                      lambda request: {"alerts": home_alerts()})
        )
        register_demo_builder(30, "governance", build_governance_demo)
