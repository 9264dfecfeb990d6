"""Contacts as personal data: export of one person's data, and erasure that reaches history."""

import csv
import io

import pytest
from django.db import connection
from django_scopes import scope

from capacite.partners.models import Contact, Interaction
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def make_contact(world):
    org = organisation(world, "CIO de Rivemont")
    client = client_for(world)
    client.post(url(world, "contact_add", organisation_id=org.pk), {
        "name": "Gaëlle Tristan", "function": "Directrice", "email": "g.tristan@cio.invalid",
        "phone": "01 02 03 04 05", "version": 0})
    with scope(cite=world.cite):
        contact = Contact.objects.get(organisation=org)
    client.post(url(world, "contact_edit", contact_id=contact.pk), {
        "name": "Gaëlle Tristan-Morel", "function": "Directrice",
        "email": "g.tristan@cio.invalid", "phone": "01 02 03 04 05", "version": 1})
    return client, org, contact


def test_one_contacts_data_is_exported_as_csv_with_its_interactions(world):
    client, org, contact = make_contact(world)
    with scope(cite=world.cite):
        interaction = Interaction.objects.create(
            cite=world.cite, organisation=org, occurred_on="2027-02-03", summary="=Rendez-vous")
        interaction.contacts.set([contact])
    response = client.get(url(world, "contact_export", contact_id=contact.pk))
    assert response["Content-Disposition"] == (
        'attachment; filename="donnees-gaelle-tristan-morel.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Champ", "Valeur"], ["Nom", "Gaëlle Tristan-Morel"], ["Fonction", "Directrice"],
        ["Courriel professionnel", "g.tristan@cio.invalid"],
        ["Téléphone professionnel", "01 02 03 04 05"], ["Organisation", "CIO de Rivemont"],
        ["Échange", "03/02/2027 — Rencontre — =Rendez-vous"],
    ]


def test_erasure_removes_the_name_from_the_row_and_every_historical_record(world):
    client, org, contact = make_contact(world)
    history_table = Contact.history.model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {history_table} WHERE name LIKE %s",
                       ["%Tristan%"])
        assert cursor.fetchone()[0] == 2  # creation and edit
    response = client.post(url(world, "contact_erase", contact_id=contact.pk),
                           {"confirmer": "oui"})
    assert response.status_code == 302
    for table, key in ((Contact._meta.db_table, "id"), (history_table, "id")):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {table} WHERE {key} = %s", [contact.pk])
            rows = cursor.fetchall()
        assert rows
        for row in rows:
            text = " ".join(str(value) for value in row)
            assert "Tristan" not in text and "g.tristan" not in text and "01 02 03" not in text
    contact.refresh_from_db()
    assert contact.erased_at is not None
    assert str(contact) == "personne effacée"
    page = client.get(url(world, "organisation_detail", organisation_id=org.pk)).content.decode()
    assert "personne effacée" in page and "Tristan" not in page


def test_erasure_asks_for_confirmation_first(world):
    client, _org, contact = make_contact(world)
    response = client.post(url(world, "contact_erase", contact_id=contact.pk), {})
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.erased_at is None
