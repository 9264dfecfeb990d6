from django.urls import path

from capacite.label import views

app_name = "label"

urlpatterns = [
    path("", views.checklist, name="checklist"),
    path("criteres/<int:declaration_id>/", views.declaration_edit, name="declaration_edit"),
    path("criteres/<int:declaration_id>/document/", views.declaration_file,
         name="declaration_file"),
    path("dossier/", views.dossier, name="dossier"),
    path("dossier/recit/<int:narrative_id>/", views.narrative_edit, name="narrative_edit"),
    path("dossier/generer/", views.generate, name="generate"),
]
