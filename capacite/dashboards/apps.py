from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """What is read from the open Cité's activity: dashboards, territory reach (issue 15)."""

    name = "capacite.dashboards"
    verbose_name = _("Tableaux de bord")

    def ready(self) -> None:
        from capacite.core.navigation import NavItem, register_nav

        register_nav(NavItem(39, _("Tableaux de bord"), "dashboards:dashboard"))
        register_nav(NavItem(40, _("Horaires et affluence"), "dashboards:opening_hours"))
        from capacite.core.demo import register_demo_builder
        from capacite.dashboards import jobs  # noqa: F401 - registers the "activity_report" job
        from capacite.dashboards.demo import build_quality_demo

        register_demo_builder(97, "quality", build_quality_demo)
