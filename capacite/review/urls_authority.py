"""The authority's own pages, outside any Cité: autorite/… (namespace authority)."""

from django.urls import path

from capacite.review.views import authority

urlpatterns = [
    path("", authority.queue, name="queue"),
    path("commissions/", authority.sessions, name="sessions"),
    path("commissions/<int:committee_id>/", authority.session_detail, name="session"),
]
