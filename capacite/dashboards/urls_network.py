"""The label authority's benchmark of the network, outside any Cité: reseau/… (namespace
network)."""

from django.urls import path

from capacite.dashboards import views_network

app_name = "network"

urlpatterns = [
    path("", views_network.authority_network, name="benchmarks"),
]
