from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StaffingConfig(AppConfig):
    name = "capacite.staffing"
    label = "staffing"
    verbose_name = _("Équipe et plannings")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.staffing import jobs  # noqa: F401  (registers the "roster_solve" job)
        from capacite.staffing.demo import build_staffing_demo

        register_demo_builder(60, "staffing", build_staffing_demo)
        register_nav(NavItem(60, pgettext_lazy("team page", "Équipe"), "staffing:team"))
        register_nav(NavItem(61, _("Plannings"), "staffing:rosters"))
        register_nav(NavItem(62, _("Mon planning"), "staffing:my_schedule"))
        register_nav(NavItem(63, _("Heures des partenaires"), "staffing:partner_hours"))
