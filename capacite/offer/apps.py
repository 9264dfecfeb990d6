from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfferConfig(AppConfig):
    name = "capacite.offer"
    label = "offer"
    verbose_name = _("Offre de service")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.offer.demo import build_offer_demo
        from capacite.offer.services import home_offer_summary

        register_demo_builder(40, "offer", build_offer_demo)
        register_nav(NavItem(30, _("Pôles de conseil"), "offer:poles"))
        register_nav(NavItem(31, _("Sites et horaires"), "offer:sites"))
        register_home_panel(HomePanel(30, "offer/panel_home.html", "offer:sites",
                                      lambda request: {"offer": home_offer_summary()}))
