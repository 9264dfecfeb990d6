from django.urls import path

from capacite.activity import staff_views, views

app_name = "activity"

urlpatterns = [
    path("comptage/", views.tally, name="tally"),
    path("comptage/etat/", views.tally_state, name="tally_state"),
    path("comptage/annuler/", views.tally_undo, name="tally_undo"),
    path("participations/", staff_views.attendance, name="attendance"),
    path("historique/", staff_views.import_history, name="import_history"),
    path("questionnaires/", staff_views.surveys, name="surveys"),
    path("questionnaires/<int:survey_id>/", staff_views.survey, name="survey"),
    path("questionnaires/liens/<int:survey_link_id>/affiche-a4.pdf", staff_views.survey_poster,
         {"paper": "a4"}, name="survey_poster_a4"),
    path("questionnaires/liens/<int:survey_link_id>/affiche-a5.pdf", staff_views.survey_poster,
         {"paper": "a5"}, name="survey_poster_a5"),
    path("bornes/", staff_views.kiosks, name="kiosks"),
    path("bornes/<int:kiosk_id>/activation/", staff_views.kiosk_activation,
         name="kiosk_activation"),
    path("bornes/liens/<int:allowed_link_id>/retirer/", staff_views.allowed_link_delete,
         name="allowed_link_delete"),
]
