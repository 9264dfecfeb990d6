from django.urls import path

from capacite.governance.views import bodies, files, legal, meetings, seance, workshops

app_name = "governance"

urlpatterns = [
    path("instances/", bodies.body_list, name="bodies"),
    path("instances/nouvelle/", bodies.body_create, name="body_create"),
    path("instances/<int:body_id>/", bodies.body_detail, name="body_detail"),
    path("instances/<int:body_id>/modifier/", bodies.body_edit, name="body_edit"),
    path("membres/<int:member_id>/modifier/", bodies.member_edit, name="member_edit"),
    path("membres/<int:member_id>/retirer/", bodies.member_remove, name="member_remove"),
    path("instances/<int:body_id>/nouvelle-reunion/", meetings.meeting_create,
         name="meeting_create"),
    path("reunions/", meetings.meeting_list, name="meetings"),
    path("reunions/<int:meeting_id>/", meetings.meeting_detail, name="meeting_detail"),
    path("reunions/<int:meeting_id>/modifier/", meetings.meeting_edit, name="meeting_edit"),
    path("reunions/<int:meeting_id>/nouveau-point/", meetings.item_create, name="item_create"),
    path("points/<int:item_id>/", meetings.item_edit, name="item_edit"),
    path("points/<int:item_id>/supprimer/", meetings.item_delete, name="item_delete"),
    path("reunions/<int:meeting_id>/envoyer/", meetings.meeting_send, name="meeting_send"),
    path("reunions/<int:meeting_id>/seance/", seance.seance, name="seance"),
    path("reunions/<int:meeting_id>/invitation.ics", files.meeting_ics, name="meeting_ics"),
    path("reunions/<int:meeting_id>/ordre-du-jour.pdf", files.agenda_pdf, name="agenda_pdf"),
    path("reunions/<int:meeting_id>/compte-rendu.pdf", files.minutes_pdf, name="minutes_pdf"),
    path("documents/<int:document_id>/", files.agenda_document, name="agenda_document"),
    path("decisions/", meetings.decision_list, name="decisions"),
    path("decisions/<int:decision_id>/", meetings.decision_edit, name="decision_edit"),
    path("ateliers/", workshops.workshop_list, name="workshops"),
    path("ateliers/nouveau/", workshops.workshop_create, name="workshop_create"),
    path("ateliers/<int:group_id>/", workshops.workshop_detail, name="workshop_detail"),
    path("ateliers/<int:group_id>/modifier/", workshops.workshop_edit, name="workshop_edit"),
    path("ateliers/seances/<int:session_id>/supprimer/", workshops.session_delete,
         name="session_delete"),
    path("structure-juridique/", legal.legal, name="legal"),
    path("structure-juridique/statuts/<int:statute_id>/", files.statute_file, name="statute_file"),
    path("structure-juridique/statuts/<int:statute_id>/supprimer/", legal.statute_delete,
         name="statute_delete"),
    path("structure-juridique/validations/<int:step_id>/", legal.step_edit, name="step_edit"),
]
