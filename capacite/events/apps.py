from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "capacite.events"
    label = "events"
    verbose_name = _("Programme d'événements")

    def ready(self) -> None:
        from capacite.core.demo import register_demo_builder
        from capacite.core.navigation import NavItem, register_nav
        from capacite.events.demo import build_events_demo

        register_demo_builder(61, "events", build_events_demo)
        register_nav(NavItem(41, _("Événements"), "events:events"))
