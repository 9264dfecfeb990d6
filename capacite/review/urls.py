"""Inside a Cité: c/<slug>/examen-label/… (namespace review)."""

from django.urls import path

from capacite.review.views import cite, followup

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
    # The network's follow-up (issue 16).
    path("avis/", followup.opinions, name="opinions"),
    path("avis/<int:opinion_id>/", followup.opinion_detail, name="opinion"),
    path("avis/<int:opinion_id>/document/", followup.opinion_file, name="opinion_file"),
    path("reseau/", followup.network, name="network"),
    path("reseau/<int:network_link_id>/", followup.network_link_edit,
         name="network_link_edit"),
]
