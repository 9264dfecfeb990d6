from django.urls import path

from capacite.public import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/<int:event_id>.ics", views.event_ics, name="event_ics"),
    path("documentation/", views.documentation, name="documentation"),
]
