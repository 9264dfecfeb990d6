from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentationConfig(AppConfig):
    name = "capacite.documentation"
    label = "documentation"
    verbose_name = _("Documentation")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.documentation.demo import build_documentation_demo

        register_demo_builder(60, "documentation", build_documentation_demo)
        register_nav(NavItem(40, _("Documentation"), "documentation:resources"))
