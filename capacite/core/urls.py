from django.urls import path

from capacite.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:cite_slug>/", views.cite_home, name="cite_home"),
    path("c/<slug:cite_slug>/projet/", views.cite_project, name="cite_project"),
    path("c/<slug:cite_slug>/parametres/", views.cite_settings, name="cite_settings"),
    path("c/<slug:cite_slug>/toutes-les-pages/", views.all_pages, name="all_pages"),
]
