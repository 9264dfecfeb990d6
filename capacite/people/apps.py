from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "capacite.people"
    label = "people"
    verbose_name = _("Personnes et accès")

    def ready(self) -> None:
        from capacite.core.navigation import NavItem, register_nav

        register_nav(NavItem(91, _("Membres et accès"), "people:members"))
