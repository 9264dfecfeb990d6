from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosisConfig(AppConfig):
    name = "capacite.diagnosis"
    label = "diagnosis"
    verbose_name = _("Diagnostic du territoire")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.diagnosis.demo import build_diagnosis_demo
        from capacite.diagnosis.services import register_indicator_import

        register_demo_builder(50, "diagnosis", build_diagnosis_demo)
        register_nav(NavItem(22, _("Diagnostic"), "diagnosis:overview"))
        register_nav(NavItem(23, _("Offre existante"), "diagnosis:offer_map"))
        register_indicator_import()
