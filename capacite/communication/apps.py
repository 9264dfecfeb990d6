from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "capacite.communication"
    label = "communication"
    verbose_name = _("Plan de communication")

    def ready(self) -> None:
        from capacite.communication.demo import build_communication_demo
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav

        register_demo_builder(62, "communication", build_communication_demo)
        register_nav(NavItem(42, _("Communication"), "communication:plan"))
