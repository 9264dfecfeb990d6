from django.urls import path

from capacite.events import views

app_name = "events"

urlpatterns = [
    path("", views.events, name="events"),
    path("ajouter/", views.event_add, name="event_add"),
    path("<int:event_id>/", views.event_edit, name="event_edit"),
    path("<int:event_id>/supprimer/", views.event_delete, name="event_delete"),
]
