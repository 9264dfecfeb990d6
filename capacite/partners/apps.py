from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "capacite.partners"
    label = "partners"
    verbose_name = _("Acteurs et partenariat")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from capacite.core.demo import register_demo_builder
        from capacite.core.models import Cite
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.partners.demo import build_partners_demo
        from capacite.partners.services import seed_publics
        from capacite.partners.views.overview import home_panel_context

        def give_new_cite_its_publics(sender, instance, created, raw=False, **kwargs):
            if created and not raw:
                seed_publics(instance)

        post_save.connect(give_new_cite_its_publics, sender=Cite, weak=False,
                          dispatch_uid="partners_new_cite_publics")
        register_nav(NavItem(20, _("Partenaires"), "partners:organisations"))
        register_nav(NavItem(21, _("Couverture"), "partners:coverage"))
        register_home_panel(HomePanel(20, "partners/panel_home.html", "partners:alerts",
                                      home_panel_context))
        register_demo_builder(20, "partners", build_partners_demo)
