from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "capacite.territory"
    label = "territory"
    verbose_name = _("Territoire")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.territory.services import build_territory_demo

        register_nav(NavItem(20, _("Territoire"), "territory:cite_territory"))
        register_demo_builder(10, "territory", build_territory_demo)
