from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "capacite.roadmap"
    label = "roadmap"
    verbose_name = _("Feuille de route")

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from django.utils import timezone

        from capacite.core.models import Cite
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.roadmap.services import create_roadmap, home_summary

        def give_new_cite_its_roadmap(sender, instance, created, raw=False, **kwargs):
            if created and not raw:
                create_roadmap(cite=instance)

        post_save.connect(
            give_new_cite_its_roadmap, sender=Cite, weak=False, dispatch_uid="roadmap_new_cite"
        )
        register_nav(NavItem(10, _("Feuille de route"), "roadmap:roadmap"))
        register_nav(NavItem(11, _("Rétro-planning"), "roadmap:backplan"))
        register_nav(NavItem(12, _("Points de vigilance"), "roadmap:vigilance"))
        register_home_panel(
            HomePanel(
                10,
                "roadmap/panel_home.html",
                "roadmap:roadmap",
                lambda request: {
                    "summary": home_summary(cite=request.cite, today=timezone.localdate())
                },
            )
        )
