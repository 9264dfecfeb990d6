from django.urls import path

from capacite.activity import views

app_name = "activity"

urlpatterns = [
    path("comptage/", views.tally, name="tally"),
    path("comptage/etat/", views.tally_state, name="tally_state"),
    path("comptage/annuler/", views.tally_undo, name="tally_undo"),
]
