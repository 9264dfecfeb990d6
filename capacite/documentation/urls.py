from django.urls import path

from capacite.documentation import views

app_name = "documentation"

urlpatterns = [
    path("", views.resources, name="resources"),
    path("ajouter/", views.resource_add, name="resource_add"),
    path("<int:resource_id>/", views.resource_edit, name="resource_edit"),
    path("<int:resource_id>/supprimer/", views.resource_delete, name="resource_delete"),
    path("themes/", views.themes, name="themes"),
    path("themes/<int:theme_id>/", views.theme_edit, name="theme_edit"),
    path("themes/<int:theme_id>/supprimer/", views.theme_delete, name="theme_delete"),
]
