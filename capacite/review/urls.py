"""Inside a Cité: c/<slug>/examen-label/… (namespace review)."""

from django.urls import path

from capacite.review.views import cite

urlpatterns = [
    path("", cite.cite_review, name="cite_review"),
    path("depots/<int:submission_id>/", cite.submission_detail, name="submission"),
    path("depots/<int:submission_id>/fichier/", cite.submission_file, name="submission_file"),
    path("depots/<int:submission_id>/decision/", cite.decision_create, name="decision_create"),
    path("decisions/<int:label_decision_id>/", cite.decision_detail, name="decision"),
    path("decisions/<int:label_decision_id>/modifier/", cite.decision_edit, name="decision_edit"),
    path("decisions/<int:label_decision_id>/lettre.pdf", cite.decision_letter,
         name="decision_letter"),
    path("decisions/<int:label_decision_id>/nouvelle-reserve/", cite.reserve_add,
         name="reserve_add"),
    path("reserves/<int:reserve_id>/", cite.reserve_detail, name="reserve"),
    path("reserves/<int:reserve_id>/demander-la-levee/", cite.reserve_lift, name="reserve_lift"),
    path("reserves/<int:reserve_id>/statuer/", cite.reserve_rule, name="reserve_rule"),
    path("reserves/<int:reserve_id>/justificatif/", cite.reserve_evidence,
         name="reserve_evidence"),
]
