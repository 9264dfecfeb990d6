"""Editing a member, and removals with confirmation: members, agenda items, workshop sessions,
statute versions. Nothing goes without a confirmation; nothing goes that somebody changed since
the page was shown; what has a history keeps it."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django_scopes import scope

from capacite.governance.mail import recipients
from capacite.governance.models import (
    AgendaItem,
    Attendance,
    BodyMember,
    StatuteVersion,
    WorkshopGroup,
    WorkshopSession,
)
from capacite.governance.pdf import meeting_context
from capacite.governance.tests.helpers import committee, lead, text, url
from capacite.partners.models import Contact

pytestmark = pytest.mark.django_db


def test_a_members_role_and_person_are_changed_and_the_history_shows_it(world):
    c = committee(world)
    client = lead(world)
    with scope(cite=world.cite):
        member = BodyMember.objects.get(organisation=c.region)
        other = Contact.objects.create(cite=world.cite, organisation=c.region,
                                       name="Chloé Bernard")
    page = text(client.get(url(world, "member_edit", member_id=member.pk)))
    assert "Région Rivemont-Sud au sein de « Comité de pilotage »" in page
    assert "Bruno Petit" not in page  # only the organisation's own people are offered
    response = client.post(url(world, "member_edit", member_id=member.pk), {
        "contact": other.pk, "role": "Présidente du comité", "version": member.version})
    assert response.status_code == 302
    with scope(cite=world.cite):
        member.refresh_from_db()
        assert (member.contact, member.role) == (other, "Présidente du comité")
    page = text(client.get(url(world, "member_edit", member_id=member.pk)))
    assert "Vice-présidente" in page and "Présidente du comité" in page  # before → after
    stale = client.post(url(world, "member_edit", member_id=member.pk), {
        "contact": "", "role": "Autre", "version": member.version - 1})
    assert "Quelqu&#x27;un a enregistré cette fiche" in text(stale)
    with scope(cite=world.cite):
        assert BodyMember.objects.get(pk=member.pk).role == "Présidente du comité"


def test_a_removed_member_is_no_longer_convened_but_stays_in_past_minutes(world):
    c = committee(world)
    client = lead(world)
    with scope(cite=world.cite):
        member = BodyMember.objects.get(organisation=c.agglo)
        Attendance.objects.create(cite=world.cite, meeting=c.meeting, member=member,
                                  status="present")
    page = text(client.get(url(world, "member_remove", member_id=member.pk)))
    assert ("Retirer « Agglomération de Rivemont » de l&#x27;instance « Comité de pilotage »"
            in page)
    assert "Ses présences aux réunions passées restent" in page
    with scope(cite=world.cite):
        assert BodyMember.objects.get(pk=member.pk).left_on is None  # asking removes nothing
    response = client.post(url(world, "member_remove", member_id=member.pk),
                           {"confirmer": "oui", "version": member.version})
    assert response.status_code == 302
    body_page = text(client.get(url(world, "body_detail", body_id=c.body.pk)))
    assert "Anciens membres : Agglomération de Rivemont (jusqu'au" in body_page
    with scope(cite=world.cite):
        member.refresh_from_db()
        assert member.left_on is not None
        assert recipients(c.meeting) == ["alice@region.example"]
        minutes = meeting_context(c.meeting)["members"]
        assert [(m.organisation.name, m.status_label) for m in minutes] == [
            ("Agglomération de Rivemont", "Présent"), ("Région Rivemont-Sud", "")]
        assert [h.history_type for h in member.history.order_by("history_id")] == ["+", "~"]


def test_an_agenda_item_is_removed_after_confirmation_and_its_history_keeps_it(world):
    c = committee(world)
    client = lead(world)
    item = c.items[1]
    meeting_page = text(client.get(url(world, "meeting_detail", meeting_id=c.meeting.pk)))
    assert url(world, "item_delete", item_id=item.pk) in meeting_page
    page = text(client.get(url(world, "item_delete", item_id=item.pk)))
    assert "Retirer « Budget prévisionnel » de l&#x27;ordre du jour" in page
    client.post(url(world, "item_delete", item_id=item.pk), {})  # no confirmation: kept
    with scope(cite=world.cite):
        assert AgendaItem.objects.filter(pk=item.pk).exists()
    response = client.post(url(world, "item_delete", item_id=item.pk),
                           {"confirmer": "oui", "version": item.version})
    assert response["Location"] == url(world, "meeting_detail", meeting_id=c.meeting.pk)
    with scope(cite=world.cite):
        assert list(AgendaItem.objects.filter(meeting=c.meeting).values_list(
            "title", flat=True)) == ["Note d'opportunité"]
        assert AgendaItem.history.filter(id=item.pk, history_type="-").get().title == (
            "Budget prévisionnel")


def test_an_agenda_item_edited_meanwhile_is_not_removed(world):
    c = committee(world)
    client = lead(world)
    item = c.items[0]
    shown_version = item.version
    with scope(cite=world.cite):
        item.minutes = "Notes prises pendant que l'autre supprimait."
        item.version += 1
        item.save()
    response = client.post(url(world, "item_delete", item_id=item.pk),
                           {"confirmer": "oui", "version": shown_version})
    assert response.status_code == 409
    assert "Quelqu&#x27;un a modifié cette fiche depuis que vous avez ouvert cette page" in (
        text(response))
    with scope(cite=world.cite):
        assert AgendaItem.objects.filter(pk=item.pk).exists()
    again = client.post(url(world, "item_delete", item_id=item.pk),
                        {"confirmer": "oui", "version": item.version})
    assert again.status_code == 302
    with scope(cite=world.cite):
        assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_a_workshop_session_is_removed_after_confirmation(world):
    client = lead(world)
    with scope(cite=world.cite):
        group = WorkshopGroup.objects.create(cite=world.cite, theme="Locaux")
        kept = WorkshopSession.objects.create(cite=world.cite, group=group,
                                              date=date(2027, 2, 1))
        gone = WorkshopSession.objects.create(cite=world.cite, group=group,
                                              date=date(2027, 5, 3))
    detail = text(client.get(url(world, "workshop_detail", group_id=group.pk)))
    assert "Supprimer la séance du 03/05/2027" in detail
    page = text(client.get(url(world, "session_delete", session_id=gone.pk)))
    assert "La séance du 03/05/2027 du groupe « Locaux » sera retirée du calendrier" in page
    client.post(url(world, "session_delete", session_id=gone.pk), {"confirmer": "oui"})
    with scope(cite=world.cite):
        assert list(WorkshopSession.objects.all()) == [kept]


def test_a_statute_version_and_its_file_are_removed_after_confirmation(world):
    client = lead(world)
    with scope(cite=world.cite):
        statute = StatuteVersion(cite=world.cite, number="v2", dated=date(2027, 5, 1),
                                 filename="statuts.pdf")
        statute.file.save("statuts.pdf", ContentFile(b"%PDF-1.4 statuts"), save=True)
        other = StatuteVersion.objects.create(cite=world.cite, number="v1",
                                              dated=date(2027, 3, 1))
    stored, storage = statute.file.name, statute.file.storage
    assert "Supprimer la version v2" in text(client.get(url(world, "legal")))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url(world, "statute_delete", statute_id=statute.pk), {"confirmer": "oui"})
    with scope(cite=world.cite):
        assert list(StatuteVersion.objects.all()) == [other]
    assert not storage.exists(stored)


def test_a_cancelled_meeting_is_deleted_and_its_decisions_stay_in_the_register(world):
    from capacite.governance.models import Decision, Meeting

    c = committee(world)
    client = lead(world)
    with scope(cite=world.cite):
        decision = Decision.objects.create(cite=world.cite, body=c.body, meeting=c.meeting,
                                           decided_on=date(2027, 3, 12), title="Budget voté")
    edit = text(client.get(url(world, "meeting_edit", meeting_id=c.meeting.pk)))
    assert url(world, "meeting_delete", meeting_id=c.meeting.pk) in edit
    page = text(client.get(url(world, "meeting_delete", meeting_id=c.meeting.pk)))
    assert "Ses décisions restent dans le registre" in page
    response = client.post(url(world, "meeting_delete", meeting_id=c.meeting.pk),
                           {"confirmer": "oui", "version": c.meeting.version})
    assert response["Location"] == url(world, "body_detail", body_id=c.body.pk)
    with scope(cite=world.cite):
        assert not Meeting.objects.exists() and not AgendaItem.objects.exists()
        decision.refresh_from_db()
        assert (decision.title, decision.meeting) == ("Budget voté", None)


def test_a_workshop_proposal_is_edited_then_deleted(world):
    from capacite.governance.models import WorkshopProposal

    client = lead(world)
    with scope(cite=world.cite):
        group = WorkshopGroup.objects.create(cite=world.cite, theme="Locaux")
        proposal = WorkshopProposal.objects.create(cite=world.cite, group=group,
                                                   title="Un plateau de 600 m²")
    assert url(world, "proposal_edit", proposal_id=proposal.pk) in text(
        client.get(url(world, "workshop_detail", group_id=group.pk)))
    client.post(url(world, "proposal_edit", proposal_id=proposal.pk), {
        "title": "Un plateau de 650 m²", "details": "", "dossier_part": "premises",
        "version": proposal.version})
    with scope(cite=world.cite):
        proposal.refresh_from_db()
        assert (proposal.title, proposal.dossier_part) == ("Un plateau de 650 m²", "premises")
    client.post(url(world, "proposal_delete", proposal_id=proposal.pk),
                {"confirmer": "oui", "version": proposal.version})
    with scope(cite=world.cite):
        assert not WorkshopProposal.objects.exists()
