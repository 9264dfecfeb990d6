from django.urls import path

from capacite.diagnosis import views

app_name = "diagnosis"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("indicateurs/ajouter/", views.indicator_add, name="indicator_add"),
    path("indicateurs/<int:indicator_id>/", views.indicator_edit, name="indicator_edit"),
    path("indicateurs/<int:indicator_id>/supprimer/", views.indicator_delete,
         name="indicator_delete"),
    path("indicateurs/importer/", views.import_indicators, name="import"),
    path("indicateurs/export.csv", views.export_csv, name="export_csv"),
    path("indicateurs/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("analyse/", views.narrative_edit, name="narrative_edit"),
    path("offre-existante/", views.offer_map, name="offer_map"),
    path("offre-existante/<int:organisation_id>/", views.offer_map_edit, name="offer_map_edit"),
]
