from django.urls import path

from capacite.territory import views

app_name = "territory"

urlpatterns = [
    path("", views.cite_territory, name="cite_territory"),
]
