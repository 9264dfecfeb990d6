"""Account views that differ from Django's: a login throttled by client address, a new
password that lifts a login lock-out."""

from axes.utils import reset as reset_failed_logins
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from capacite.core.throttle import note_failure, throttled


class LoginView(auth_views.LoginView):
    """Django's login, refused for a while to a client address with too many failed logins
    (capacite/core/throttle.py) before the attempt reaches the per-account lock-out."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if throttled(request):
            return render(request, "registration/throttled.html", {
                "minutes": settings.LOGIN_LOCKOUT_MINUTES}, status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code != 302:
            note_failure(request)
        return response


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
