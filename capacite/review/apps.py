from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "capacite.review"
    label = "review"
    verbose_name = _("Examen par l'autorité de label")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import HomePanel, NavItem, register_home_panel, register_nav
        from capacite.review.demo import build_review_demo
        from capacite.review.services import home_context

        register_nav(NavItem(80, _("Examen du label"), "review:cite_review"))
        register_home_panel(
            HomePanel(5, "review/panel_home.html", "review:cite_review", home_context))
        register_demo_builder(90, "review", build_review_demo)
