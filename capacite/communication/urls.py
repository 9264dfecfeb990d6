from django.urls import path

from capacite.communication import views

app_name = "communication"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("ajouter/", views.action_add, name="action_add"),
    path("<int:action_id>/", views.action_edit, name="action_edit"),
    path("<int:action_id>/supprimer/", views.action_delete, name="action_delete"),
]
