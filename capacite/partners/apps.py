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
        # The partners' pages are the « Partenariat » group of the menu (issue 19: no third
        # level of tabs inside the pages).
        for label, url_name in ((_("Organisations"), "partners:organisations"),
                                (_("Couverture"), "partners:coverage"),
                                (_("Positions dans le temps"), "partners:stance_chart"),
                                (_("Qui fait quoi"), "partners:who_does_what"),
                                (_("Sans lettre d'intention"), "partners:without_letter"),
                                (_("Publics servis"), "partners:publics"),
                                (_("Alertes"), "partners:alerts"),
                                (_("Importer"), "partners:import")):
            register_nav(NavItem(20, label, url_name))
        register_home_panel(HomePanel(20, "partners/panel_home.html", "partners:alerts",
                                      home_panel_context))
        register_demo_builder(20, "partners", build_partners_demo)
