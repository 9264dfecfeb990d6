"""Root URLs. Every name here and in the apps' urls.py is declared in core/permissions.py."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from capacite.activity import public_urls as activity_public
from capacite.core import accounts

handler500 = "capacite.core.views.server_error"
handler400 = "capacite.core.views.bad_request"  # a busy database: 503 « réessayez »

account_patterns = [
    path(
        "connexion/",
        accounts.LoginView.as_view(),
        name="login",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path(
        "mot-de-passe/change/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("mot-de-passe/oubli/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mot-de-passe/oubli/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/fait/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("compte/", include(account_patterns)),
    path("langue/", set_language, name="set_language"),
    path("c/<slug:cite_slug>/feuille-de-route/", include("capacite.roadmap.urls")),
    path("c/<slug:cite_slug>/territoire/", include("capacite.territory.urls")),
    path("c/<slug:cite_slug>/partenaires/", include("capacite.partners.urls")),
    path("c/<slug:cite_slug>/gouvernance/", include("capacite.governance.urls")),
    path("c/<slug:cite_slug>/offre/", include("capacite.offer.urls")),
    path("c/<slug:cite_slug>/equipe/", include("capacite.staffing.urls")),
    path("c/<slug:cite_slug>/travaux/", include("capacite.jobs.urls")),
    path("c/<slug:cite_slug>/examen-label/",
         include(("capacite.review.urls", "review"), namespace="review")),
    path("autorite/", include(("capacite.review.urls_authority", "authority"),
                              namespace="authority")),
    path("c/<slug:cite_slug>/documentation/", include("capacite.documentation.urls")),
    path("c/<slug:cite_slug>/evenements/", include("capacite.events.urls")),
    path("c/<slug:cite_slug>/communication/", include("capacite.communication.urls")),
    path("c/<slug:cite_slug>/pages-publiques/", include("capacite.public.staff_urls")),
    path("public/<slug:public_slug>/", include("capacite.public.urls")),
    path("c/<slug:cite_slug>/diagnostic/", include("capacite.diagnosis.urls")),
    path("c/<slug:cite_slug>/locaux/", include("capacite.premises.urls")),
    path("c/<slug:cite_slug>/planification/", include("capacite.planning.urls")),
    path("c/<slug:cite_slug>/label/", include("capacite.label.urls")),
    path("c/<slug:cite_slug>/activite/", include("capacite.activity.urls")),
    path("c/<slug:cite_slug>/tableaux-de-bord/", include("capacite.dashboards.urls")),
    path("reseau/", include("capacite.dashboards.urls_network")),
    path("q/", include(activity_public.survey_patterns)),
    path("borne/", include(activity_public.kiosk_patterns)),
    path("", include("capacite.people.urls")),
    path("", include("capacite.core.urls")),
]
