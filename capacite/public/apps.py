from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "capacite.public"
    label = "public"
    verbose_name = _("Pages publiques")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.public.demo import build_public_demo

        register_demo_builder(63, "public", build_public_demo)
        register_nav(NavItem(43, _("Pages publiques"), "publishing:settings"))
