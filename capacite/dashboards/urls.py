from django.urls import path

from capacite.dashboards import views, views_network, views_opening

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapport/", views.report, name="report"),
    path("qualite/", views.quality, name="quality"),
    path("horaires/", views_opening.opening_hours, name="opening_hours"),
    path("horaires/export.xlsx", views_opening.export_xlsx, name="opening_hours_xlsx"),
    path("horaires/export.csv", views_opening.export_csv, name="opening_hours_csv"),
    path("reseau/", views_network.cite_network, name="network"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export.csv", views.export_csv, name="export_csv"),
]
