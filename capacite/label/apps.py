from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelConfig(AppConfig):
    name = "capacite.label"
    label = "label"
    verbose_name = _("Label")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.label.demo import build_label_demo
        from capacite.label.services import home_panel

        register_nav(NavItem(60, _("Critères du label"), "label:checklist"))
        register_nav(NavItem(61, _("Dossiers du label"), "label:dossier"))
        register_nav(NavItem(62, _("Label fonctionnement"), "label:conformity"))
        register_home_panel(HomePanel(15, "label/panel_home.html", "label:checklist",
                                      home_panel))
        register_demo_builder(90, "label", build_label_demo)
        from capacite.label.demo_fonctionnement import build_fonctionnement_demo

        register_demo_builder(95, "label_fonctionnement", build_fonctionnement_demo)
        from capacite.label import jobs  # noqa: F401 - registers the "dossier" job kind
        from capacite.label.vigilance_rules import register

        register()
