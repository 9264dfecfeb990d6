from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PremisesConfig(AppConfig):
    name = "capacite.premises"
    label = "premises"
    verbose_name = _("Locaux")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.premises.demo import build_premises_demo

        register_demo_builder(55, "premises", build_premises_demo)
        register_nav(NavItem(34, _("Locaux"), "premises:overview"))
        register_nav(NavItem(35, _("Espaces aménagés"), "premises:spaces"))
