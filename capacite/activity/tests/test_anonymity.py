"""Visitors are anonymous by construction: no field of this app can hold who they are or when
exactly they came. The test reads every field of every model of the app, so a field added
tomorrow is checked the day it is added."""

import re

from django.apps import apps
from django.db import models

# The one free-text field the app has, and why it is allowed: a Cité's open question, off by
# default, whose answers are scrubbed of names, e-mails and phones before storage.
ALLOWED_TEXT = {("SurveyAnswer", "text")}
# A category value computed by the database from the visits (`rollups.py`), never typed.
COMPUTED_TEXT = {("VisitMonth", "value")}
# Text fields filled by staff, never by or about a visitor.
STAFF_TEXT = {("Survey", "title"), ("SurveyQuestion", "text"), ("SurveyQuestion", "choices"),
              ("Kiosk", "name"), ("Kiosk", "key"), ("AllowedLink", "label"),
              ("AllowedLink", "url"), ("SurveyLink", "token"), ("SurveyAnswer", "choice")}
IDENTIFYING_NAME = re.compile(r"name|mail|phone|tel|ip|address|agent|comment|note|remark",
                              re.IGNORECASE)


def activity_fields():
    for model in apps.get_app_config("activity").get_models():
        for field in model._meta.get_fields():
            if field.concrete:
                yield model, field


def test_no_field_can_hold_an_exact_time():
    timed = [(m.__name__, f.name) for m, f in activity_fields()
             if isinstance(f, (models.DateTimeField, models.TimeField, models.DurationField))]
    assert timed == []


def test_no_field_can_hold_an_ip_address_or_an_email():
    typed = [(m.__name__, f.name) for m, f in activity_fields()
             if isinstance(f, (models.GenericIPAddressField, models.EmailField))]
    assert typed == []


def test_free_text_exists_only_where_allowed_and_staff_typed():
    texts = {(m.__name__, f.name) for m, f in activity_fields()
             if isinstance(f, (models.CharField, models.TextField, models.JSONField))
             and not f.choices}
    assert texts == ALLOWED_TEXT | STAFF_TEXT | COMPUTED_TEXT


def test_no_field_is_named_for_identifying_data_except_staff_labels():
    named = sorted((m.__name__, f.name) for m, f in activity_fields()
                   if IDENTIFYING_NAME.search(f.name)
                   and (m.__name__, f.name) not in STAFF_TEXT)
    assert named == []


def test_visits_and_responses_link_to_no_person():
    user_model = apps.get_model("auth", "User")
    linked = [(m.__name__, f.name) for m, f in activity_fields()
              if f.is_relation and f.related_model is user_model]
    assert linked == []


def test_a_visit_carries_a_day_and_a_half_hour_slot_only():
    visit = apps.get_model("activity", "Visit")
    day, slot = visit._meta.get_field("day"), visit._meta.get_field("slot")
    assert isinstance(day, models.DateField) and not isinstance(day, models.DateTimeField)
    assert isinstance(slot, models.PositiveSmallIntegerField)
