"""Unbounded lists and texts (issue 13, point 20): a long list comes a page at a time, and a
free text is bounded to what a person writes."""

from datetime import date, timedelta

import pytest
from django import forms
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.lib.text import FREE_TEXT_MAX, ONE_LINE_MAX
from capacite.partners.models import Organisation
from capacite.partners.models_activity import Interaction
from capacite.testing import client_for


class Note(forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)
    short = forms.CharField(max_length=5000, widget=forms.Textarea)


def test_a_free_text_past_what_a_person_writes_is_refused_with_its_length():
    form = Note({"title": "x" * (ONE_LINE_MAX + 1), "body": "y" * (FREE_TEXT_MAX + 1),
                 "short": "z"})
    assert not form.is_valid()
    assert form.errors["title"] == ["Ce texte fait 1\u202f001 caractères : 1\u202f000 au plus."]
    assert form.errors["body"] == ["Ce texte fait 20\u202f001 caractères : 20\u202f000 au plus."]
    assert Note({"title": "x" * ONE_LINE_MAX, "body": "y" * FREE_TEXT_MAX,
                 "short": "z"}).is_valid()


@pytest.mark.django_db
def test_an_organisation_s_exchanges_come_fifty_at_a_time(world):
    with scope(cite=world.cite):
        organisation = Organisation.objects.create(cite=world.cite, name="Mission locale")
        Interaction.objects.bulk_create(
            Interaction(cite=world.cite, organisation=organisation, kind="meeting",
                        occurred_on=date(2026, 1, 1) + timedelta(days=n), summary=f"Échange n° {n}")
            for n in range(120))
    url = reverse("partners:organisation_detail", args=[world.cite.slug, organisation.pk])
    client = client_for(world, Role.PROJECT_LEAD)
    first = client.get(url).content.decode()
    assert first.count("Échange n° ") == 50
    assert "Échange n° 119" in first and "Échange n° 69" not in first
    assert "Page 1 sur 3 (120 éléments)" in first
    last = client.get(url + "?echanges=3").content.decode()
    assert last.count("Échange n° ") == 20 and "Échange n° 0<" in last
    odd = client.get(url + "?echanges=²").content.decode()
    assert "Page 1 sur 3" in odd
