"""URLs for anonymous visitors: the questionnaire's links and the kiosk."""

from django.urls import path

from capacite.activity import public_views

survey_patterns = ([
    path("<str:survey_token>/", public_views.answer, name="answer"),
    path("<str:survey_token>/merci/", public_views.thanks, name="thanks"),
], "survey")

kiosk_patterns = ([
    path("", public_views.start, name="start"),
    path("activer/<str:activation>/", public_views.activate, name="activate"),
    path("documentation/", public_views.documentation, name="documentation"),
    path("questionnaire/", public_views.kiosk_survey, name="survey"),
    path("usage/", public_views.use, name="use"),
], "kiosk")
