from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "capacite.core"
    label = "core"
    verbose_name = _("Cités et rôles")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from capacite.core.middleware import AbsoluteSessionExpiryMiddleware
        from capacite.core.navigation import NavItem, register_nav

        register_nav(NavItem(90, _("Paramètres de la Cité"), "core:cite_settings"))

        def remember_login_time(sender, request, user, **kwargs):
            import time

            if request is not None and hasattr(request, "session"):
                request.session[AbsoluteSessionExpiryMiddleware.KEY] = time.time()

        user_logged_in.connect(
            remember_login_time, weak=False, dispatch_uid="capacite_login_time"
        )
        connect_text_cleaning()
        from capacite.core import files

        files.connect()  # a replaced or removed upload leaves the disk (issue 13)


def connect_text_cleaning() -> None:
    """Every text a model of capacite (or a user account) saves goes through the one cleaning
    rule (`capacite/lib/text.py`), whichever form, import or command it came from (issue 13)."""
    from django.db.models.signals import pre_save

    from capacite.lib.text import clean_instance_texts, install_form_cleaning

    install_form_cleaning()

    def clean_before_save(sender, instance, **kwargs):
        if sender.__module__.startswith(("capacite.", "django.contrib.auth.")):
            clean_instance_texts(sender, instance)

    pre_save.connect(clean_before_save, weak=False, dispatch_uid="capacite_clean_texts")
