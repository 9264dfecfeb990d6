"""Account views that differ from Django's: a new password lifts a login lock-out."""

from axes.utils import reset as reset_failed_logins
from django.contrib.auth import views as auth_views


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password through the e-mailed link also unlocks the account.

    The lock-out page sends people here; without this, they would set a password and still be
    locked out until the cool-off ends.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_failed_logins(username=form.user.get_username())
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form):
        response = super().form_valid(form)
        reset_failed_logins(username=form.user.get_username())
        return response
