from django.urls import path

from capacite.label import views, views_fonctionnement

app_name = "label"

urlpatterns = [
    path("", views.checklist, name="checklist"),
    path("criteres/<int:declaration_id>/", views.declaration_edit, name="declaration_edit"),
    path("criteres/<int:declaration_id>/document/", views.declaration_file,
         name="declaration_file"),
    path("dossier/", views.dossier, name="dossier"),
    path("dossier/recit/<int:narrative_id>/", views.narrative_edit, name="narrative_edit"),
    path("dossier/generer/", views.generate, name="generate"),
    # The label fonctionnement (issue 16).
    path("fonctionnement/conformite/", views_fonctionnement.conformity_page,
         name="conformity"),
    path("fonctionnement/ecarts/<int:gap_answer_id>/", views_fonctionnement.gap_answer,
         name="gap_answer"),
    path("fonctionnement/chiffres-du-label-projet/", views_fonctionnement.snapshot_manual,
         name="snapshot_manual"),
    path("fonctionnement/actions-experimentales/", views_fonctionnement.experiments,
         name="experiments"),
    path("fonctionnement/actions-experimentales/nouvelle/", views_fonctionnement.experiment_add,
         name="experiment_add"),
    path("fonctionnement/actions-experimentales/<int:experimental_action_id>/",
         views_fonctionnement.experiment_edit, name="experiment_edit"),
    path("fonctionnement/actions-experimentales/<int:experimental_action_id>/supprimer/",
         views_fonctionnement.experiment_delete, name="experiment_delete"),
]
