"""Bodies, agendas, documents, sending the agenda with its invitation, the meetings list."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from capacite.governance.models import AgendaDocument, Body, BodyMember, Meeting
from capacite.governance.tests.helpers import committee, lead, text, url
from capacite.testing_files import ics_events

pytestmark = pytest.mark.django_db


def test_a_new_body_shows_the_guide_frequency_until_one_is_set(world):
    client = lead(world)
    response = client.post(url(world, "body_create"), {
        "kind": "technical", "name": "Comité de suivi technique", "frequency": "",
        "missions": "", "version": 0})
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "<dt>Fréquence</dt><dd>Au regard des besoins</dd>" in page


def test_a_member_is_added_with_its_contact_and_removed(world):
    c = committee(world)
    client = lead(world)
    with scope(cite=world.cite):
        contact = c.region.contacts.get()
    response = client.post(url(world, "body_detail", body_id=c.body.pk), {
        "action": "add_member", "organisation": c.agglo.pk, "contact": contact.pk, "role": "",
        "version": 0})
    assert "Cette personne n&#x27;appartient pas à cette organisation." in text(response)
    with scope(cite=world.cite):
        assert BodyMember.objects.filter(body=c.body).count() == 2
        member = BodyMember.objects.get(body=c.body, organisation=c.agglo)
    client.post(url(world, "member_remove", member_id=member.pk),
                {"confirmer": "oui", "version": member.version})
    with scope(cite=world.cite):
        assert list(BodyMember.objects.filter(body=c.body, left_on__isnull=True).values_list(
            "organisation__name", flat=True)) == ["Région Rivemont-Sud"]


def test_items_longer_than_the_meeting_show_the_overrun(world):
    c = committee(world)
    client = lead(world)
    page = text(client.get(url(world, "meeting_detail", meeting_id=c.meeting.pk)))
    assert ("Les points durent 75 minutes pour une réunion prévue de 90 minutes"
            not in page)
    client.post(url(world, "item_create", meeting_id=c.meeting.pk), {
        "title": "Statuts", "duration_minutes": 40, "presenter": "Service juridique",
        "position": 3, "version": 0})
    page = text(client.get(url(world, "meeting_detail", meeting_id=c.meeting.pk)))
    assert ("Les points durent 115 minutes pour une réunion prévue de 90 minutes : "
            "l'ordre du jour dépasse de 25 minutes.") in page


def test_an_agenda_document_is_stored_under_a_generated_name_and_downloaded(world):
    c = committee(world)
    client = lead(world)
    item = c.items[0]
    upload = SimpleUploadedFile("Note d'opportunité.pdf", b"%PDF-1.4 note", "application/pdf")
    response = client.post(url(world, "item_edit", item_id=item.pk), {
        "title": item.title, "duration_minutes": 30, "presenter": "", "position": 1,
        "version": item.version, "document": upload})
    assert response.status_code == 302
    with scope(cite=world.cite):
        document = AgendaDocument.objects.get()
    assert document.filename == "Note d'opportunité.pdf"
    assert "opportunit" not in document.file.name and document.file.name.endswith(".pdf")
    download = client.get(url(world, "agenda_document", document_id=document.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 note"
    assert "attachment" in download["Content-Disposition"]


def test_a_document_of_another_type_is_refused(world):
    c = committee(world)
    item = c.items[0]
    response = lead(world).post(url(world, "item_edit", item_id=item.pk), {
        "title": item.title, "duration_minutes": 30, "position": 1, "version": item.version,
        "document": SimpleUploadedFile("macro.xlsm", b"x")})
    assert response.status_code == 200
    assert "n&#x27;est pas d&#x27;un type accepté" in text(response)
    with scope(cite=world.cite):
        assert AgendaDocument.objects.count() == 0


def test_sending_the_agenda_mails_every_member_with_the_invitation(world):
    c = committee(world)
    client = lead(world)
    confirm = text(client.get(url(world, "meeting_send", meeting_id=c.meeting.pk)))
    assert "<li>bruno@agglo.example</li><li>alice@region.example</li>" in confirm
    response = client.post(url(world, "meeting_send", meeting_id=c.meeting.pk), {"confirm": "1"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Comité de pilotage du 12/03/2027"
    assert message.bcc == ["bruno@agglo.example", "alice@region.example"]
    assert "1. Note d'opportunité (30 min)" in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8")
    assert f"UID:{c.meeting.uid}@capacite" in content.replace("\r\n ", "")
    # No address in the Cité's settings: the instance's sending address organises.
    assert f'ORGANIZER;CN="Cité des métiers d\'Alpha":mailto:{settings.DEFAULT_FROM_EMAIL}' \
        in content.replace("\r\n ", "")
    assert message.reply_to == [settings.DEFAULT_FROM_EMAIL]
    with scope(cite=world.cite):
        assert Meeting.objects.get().agenda_sent_at is not None
    page = text(client.get(response["Location"]))
    assert "L&#x27;ordre du jour et l&#x27;invitation ont été envoyés à 2 destinataires." in page


def test_the_ics_download_is_the_same_event_as_the_mailed_one(world):
    c = committee(world)
    world.cite.invitation_email = "contact@cite-alpha.example"
    world.cite.save()
    response = lead(world).get(url(world, "meeting_ics", meeting_id=c.meeting.pk))
    assert response["Content-Type"] == "text/calendar; method=REQUEST; charset=utf-8"
    body = response.content.decode().replace("\r\n ", "")
    assert f"UID:{c.meeting.uid}@capacite" in body
    assert "DTSTART;TZID=Europe/Paris:20270312T140000" in body
    assert "DTEND;TZID=Europe/Paris:20270312T153000" in body
    assert 'ORGANIZER;CN="Cité des métiers d\'Alpha":mailto:contact@cite-alpha.example' in body
    assert ics_events(response.content) == [
        ("Comité de pilotage du 12/03/2027", datetime(2027, 3, 12, 13, 0, tzinfo=UTC))]


def test_the_meetings_list_runs_a_fixed_number_of_queries(world):
    c = committee(world)
    client = lead(world)
    client.get(url(world, "meetings"))
    with CaptureQueriesContext(connection) as few:
        client.get(url(world, "meetings"))
    with scope(cite=world.cite):
        for day in range(10, 20):
            Meeting.objects.create(cite=world.cite, body=Body.objects.get(),
                                   starts_at=c.meeting.starts_at.replace(day=day))
    with CaptureQueriesContext(connection) as many:
        page = text(client.get(url(world, "meetings")))
    assert len(many) == len(few)
    assert "2 points" in page and "0 point" in page


def agenda_titles(world, meeting) -> list[tuple[int, str, int, str]]:
    with scope(cite=world.cite):
        return list(meeting.items.values_list("position", "title", "duration_minutes",
                                              "presenter"))


def quick_rows(*rows) -> dict:
    """The « Ajouter des points » form with `rows` typed into its three lines."""
    data = {"points-TOTAL_FORMS": "3", "points-INITIAL_FORMS": "0",
            "points-MIN_NUM_FORMS": "0", "points-MAX_NUM_FORMS": "20"}
    for index, (title, minutes, presenter) in enumerate(rows):
        data |= {f"points-{index}-title": title, f"points-{index}-duration_minutes": minutes,
                 f"points-{index}-presenter": presenter}
    return data


def test_several_points_are_added_at_once_after_the_agenda_blank_rows_skipped(world):
    c = committee(world)
    client = lead(world)
    response = client.post(url(world, "items_add", meeting_id=c.meeting.pk), quick_rows(
        ("Statuts du GIP", "20", "Service juridique"), ("", "", ""), ("Calendrier", "", "")))
    assert response["Location"].endswith(f"/reunions/{c.meeting.pk}/#agenda")
    assert agenda_titles(world, c.meeting) == [
        (1, "Note d'opportunité", 30, ""), (2, "Budget prévisionnel", 45, ""),
        (3, "Statuts du GIP", 20, "Service juridique"), (4, "Calendrier", 15, "")]
    page = text(client.get(response["Location"]))
    assert "2 points ajoutés à l&#x27;ordre du jour." in page


def test_a_row_without_a_title_adds_nothing_and_says_which_line(world):
    c = committee(world)
    response = lead(world).post(url(world, "items_add", meeting_id=c.meeting.pk), quick_rows(
        ("Statuts du GIP", "20", ""), ("", "10", "Région")))
    page = text(response)
    assert response.status_code == 200
    assert "Donnez un intitulé à ce point, ou videz la ligne." in page
    assert 'value="Statuts du GIP"' in page  # what was typed is still there
    assert [title for _, title, _, _ in agenda_titles(world, c.meeting)] == [
        "Note d'opportunité", "Budget prévisionnel"]


def test_points_move_up_and_down_and_stop_at_the_ends(world):
    c = committee(world)
    client = lead(world)
    client.post(url(world, "items_add", meeting_id=c.meeting.pk),
                quick_rows(("Statuts du GIP", "20", "")))
    with scope(cite=world.cite):
        statutes = c.meeting.items.get(title="Statuts du GIP")
    move = url(world, "item_move", item_id=statutes.pk)
    response = client.post(move, {"sens": "monter"})
    assert response["Location"].endswith(f"#point-{statutes.pk}")
    client.post(move, {"sens": "monter"})
    client.post(move, {"sens": "monter"})  # already first: stays first
    assert [(p, t) for p, t, _, _ in agenda_titles(world, c.meeting)] == [
        (1, "Statuts du GIP"), (2, "Note d'opportunité"), (3, "Budget prévisionnel")]
    client.post(url(world, "item_move", item_id=c.items[0].pk), {"sens": "descendre"})
    assert [t for _, t, _, _ in agenda_titles(world, c.meeting)] == [
        "Statuts du GIP", "Budget prévisionnel", "Note d'opportunité"]
    page = text(client.get(url(world, "meeting_detail", meeting_id=c.meeting.pk)))
    assert 'Monter<span class="visually-hidden"> « Statuts du GIP »</span>' not in page
    assert 'Descendre<span class="visually-hidden"> « Note d&#x27;opportunité »</span>' not in page
    assert 'Monter<span class="visually-hidden"> « Note d&#x27;opportunité »</span>' in page
