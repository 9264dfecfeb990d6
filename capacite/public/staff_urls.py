from django.urls import path

from capacite.public import staff_views

app_name = "publishing"

urlpatterns = [
    path("", staff_views.settings, name="settings"),
]
