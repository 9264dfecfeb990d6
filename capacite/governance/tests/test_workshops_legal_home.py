"""Workshops planner, legal structure feeding the rétro-planning, home alerts, demo."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.governance.choices import BodyKind
from capacite.governance.models import (
    Attendance,
    Body,
    BodyMember,
    Decision,
    LegalStructure,
    Meeting,
    StatuteVersion,
    ValidationStep,
    WorkshopGroup,
    WorkshopProposal,
    WorkshopSession,
)
from capacite.governance.tests.helpers import committee, lead, text, url
from capacite.partners.models import Contact, Organisation
from capacite.roadmap.models import Task
from capacite.testing_files import odt_bytes

pytestmark = pytest.mark.django_db


def test_the_planner_warns_when_the_plan_leaves_the_guide(world):
    client = lead(world)
    with scope(cite=world.cite):
        region = Organisation.objects.create(cite=world.cite, name="Région", kind="first_circle")
        group = WorkshopGroup.objects.create(cite=world.cite, theme="Offre de service")
        group.contacts.set([Contact.objects.create(cite=world.cite, organisation=region,
                                                   name=f"Personne {n}") for n in range(3)])
        group.organisations.set([region])  # already named through its people: not counted twice
        WorkshopSession.objects.create(cite=world.cite, group=group, date=date(2027, 2, 4))
    page = text(client.get(url(world, "workshops")))
    assert "<li>1 groupe de travail : le guide en conseille de 3 à 5.</li>" in page
    assert "« Offre de service » compte 3 participants" in page
    assert "« Offre de service » a 1 séance" in page


def test_a_proposal_is_tagged_with_the_dossier_part_it_feeds(world):
    client = lead(world)
    with scope(cite=world.cite):
        group = WorkshopGroup.objects.create(cite=world.cite, theme="Locaux")
    response = client.post(url(world, "workshop_detail", group_id=group.pk), {
        "action": "proposal", "proposal-title": "Un plateau de 600 m²",
        "proposal-details": "", "proposal-dossier_part": "premises", "proposal-version": 0})
    assert response.status_code == 302
    client.post(url(world, "workshop_detail", group_id=group.pk), {
        "action": "session", "session-date": "2027-05-11", "session-place": "",
        "session-agenda": ""})
    page = text(client.get(url(world, "workshops")))
    assert "<td>Les locaux</td><td>Un plateau de 600 m²</td><td>Locaux</td>" in page
    assert "mardi 11 mai" in page
    with scope(cite=world.cite):
        assert WorkshopProposal.objects.get().dossier_part == "premises"


def test_the_latest_expected_deliberation_sets_the_statutes_and_prefecture_dates(world):
    client = lead(world)
    with scope(cite=world.cite):
        region = Organisation.objects.create(cite=world.cite, name="Région", kind="first_circle")
        dept = Organisation.objects.create(cite=world.cite, name="Département",
                                           kind="first_circle")
        prefecture_days = Task.objects.get(key="enregistrer-structure-prefecture").duration_days
    for organisation, day, status in ((region, "2027-10-14", "planned"),
                                      (dept, "2027-06-30", "voted"),
                                      (dept, "2027-12-01", "refused")):
        response = client.post(url(world, "legal"), {
            "action": "step", "step-organisation": organisation.pk,
            "step-deciding_body": "Assemblée", "step-expected_on": day, "step-status": status,
            "step-note": "", "step-version": 0})
        assert response.status_code == 302
    with scope(cite=world.cite):
        vote = Task.objects.get(key="faire-voter-statuts")
        prefecture = Task.objects.get(key="enregistrer-structure-prefecture")
    assert vote.due_date == date(2027, 10, 14)  # the refused one does not count
    assert prefecture.due_date == date(2027, 10, 14) + timedelta(days=prefecture_days)


def test_without_the_statutes_task_the_roadmap_is_left_alone(world):
    with scope(cite=world.cite):
        Task.objects.filter(key="faire-voter-statuts").delete()
        before = Task.objects.get(key="enregistrer-structure-prefecture").due_date
        region = Organisation.objects.create(cite=world.cite, name="Région", kind="first_circle")
    lead(world).post(url(world, "legal"), {
        "action": "step", "step-organisation": region.pk, "step-deciding_body": "Conseil",
        "step-expected_on": "2027-10-14", "step-status": "planned", "step-version": 0})
    with scope(cite=world.cite):
        assert ValidationStep.objects.count() == 1
        assert Task.objects.get(key="enregistrer-structure-prefecture").due_date == before


def test_the_chosen_form_and_a_statute_version_are_recorded(world):
    client = lead(world)
    client.post(url(world, "legal"), {"action": "choice", "choice-chosen_form": "gip",
                                      "choice-host_body": "", "choice-rationale": "Parité.",
                                      "choice-version": 0})
    client.post(url(world, "legal"), {
        "action": "statute", "statute-number": "v2", "statute-dated": "2027-05-01",
        "statute-note": "",
        "statute-file": SimpleUploadedFile("Statuts GIP v2.odt", odt_bytes())})
    with scope(cite=world.cite):
        assert LegalStructure.objects.get().chosen_form == "gip"
        statute = StatuteVersion.objects.get()
    assert statute.filename == "Statuts GIP v2.odt"
    page = text(client.get(url(world, "legal")))
    assert "Groupement d&#x27;intérêt public (GIP) <span class=\"badge\">retenue</span>" in page
    assert "Aucun déficit possible" in page
    download = client.get(url(world, "statute_file", statute_id=statute.pk))
    assert b"".join(download.streaming_content) == odt_bytes()


def home(world) -> str:
    client = Client()
    client.force_login(world.users["project_lead"])
    return text(client.get(reverse("core:cite_home", kwargs={"cite_slug": world.cite.slug})))


def test_the_home_names_the_first_circle_missing_from_the_steering_committee(world):
    committee(world)  # the Région and the communes sit on it
    page = home(world)
    assert ("Institutions du premier cercle absentes du comité de pilotage :</p> <ul>"
            "<li>Éducation nationale</li><li>Services de l&#x27;État</li>"
            "<li>Pôle emploi / France Travail</li><li>Département</li>"
            "<li>Chambres consulaires ou branches professionnelles</li>"
            "<li>Partenaires sociaux</li></ul>") in page


def test_the_home_names_partners_absent_from_the_last_meetings(world, settings):
    settings.CAPACITE_ABSENCE_ALERT_MEETINGS = 2
    c = committee(world)
    with scope(cite=world.cite):
        seats = {m.organisation_id: m for m in c.body.members.all()}
        for days, agglo_status in ((30, "present"), (20, "absent"), (10, "excused")):
            meeting = Meeting.objects.create(cite=world.cite, body=c.body,
                                             starts_at=timezone.now() - timedelta(days=days))
            Attendance.objects.create(cite=world.cite, meeting=meeting,
                                      member=seats[c.region.pk], status="present")
            Attendance.objects.create(cite=world.cite, meeting=meeting,
                                      member=seats[c.agglo.pk], status=agglo_status)
    page = home(world)
    assert "Absents des 2 dernières réunions d'une instance où ils siègent" in page
    assert "<li>Agglomération de Rivemont — Comité de pilotage (2 réunions)</li>" in page
    assert "Région Rivemont-Sud — Comité de pilotage" not in page


def test_the_demo_builds_governance_for_both_cites_once(world):
    from capacite.core.models import Cite
    from capacite.governance.demo import build_governance_demo

    today = date(2027, 1, 15)
    rivemont = Cite.objects.create(slug="rivemont", name="Rivemont")
    with scope(cite=rivemont):
        build_governance_demo(cite=rivemont, today=today)
        build_governance_demo(cite=rivemont, today=today)
        past = Meeting.objects.filter(starts_at__lt=datetime(2027, 1, 15, tzinfo=UTC))
        assert past.count() == 8
        assert Meeting.objects.count() == 9
        assert Body.objects.filter(kind=BodyKind.STEERING).count() == 1
        assert BodyMember.objects.exists()
        assert WorkshopGroup.objects.count() == 4
        assert LegalStructure.objects.get().chosen_form == "gip"
        assert Decision.objects.filter(title__contains="note d'opportunité").exists()
        latest = max(ValidationStep.objects.values_list("expected_on", flat=True))
        assert Task.objects.get(key="faire-voter-statuts").due_date == latest


def test_a_statute_version_needs_its_file(world):
    response = lead(world).post(url(world, "legal"), {
        "action": "statute", "statute-number": "v3", "statute-dated": "2027-05-01",
        "statute-note": ""})
    assert response.status_code == 200
    with scope(cite=world.cite):
        assert StatuteVersion.objects.count() == 0


def test_the_partnership_alerts_page_shows_all_three_alerts(world, settings):
    from capacite.partners.models import Interaction

    settings.CAPACITE_ABSENCE_ALERT_MEETINGS = 2
    settings.CAPACITE_PARTNER_SILENCE_DAYS = 60
    c = committee(world)
    today = timezone.localdate()
    with scope(cite=world.cite):
        seats = {m.organisation_id: m for m in c.body.members.all()}
        for days in (20, 10):
            meeting = Meeting.objects.create(cite=world.cite, body=c.body,
                                             starts_at=timezone.now() - timedelta(days=days))
            Attendance.objects.create(cite=world.cite, meeting=meeting,
                                      member=seats[c.region.pk], status="present")
            Attendance.objects.create(cite=world.cite, meeting=meeting,
                                      member=seats[c.agglo.pk], status="absent")
        Interaction.objects.create(
            cite=world.cite, organisation=c.region, occurred_on=today - timedelta(days=61),
            summary="Rencontre", next_step="Envoyer la note",
            next_step_on=today - timedelta(days=3))
    client = lead(world)
    page = text(client.get(reverse("partners:alerts",
                                   kwargs={"cite_slug": world.cite.slug})))
    assert "Agglomération de Rivemont</a> — jamais contactée" in page
    assert "Région Rivemont-Sud</a> — dernier échange le" in page and "(61 jours)" in page
    assert "Envoyer la note — prévue le" in page and "(3 jours de retard)" in page
    assert "Absents des 2 dernières réunions d'une instance où ils siègent" in page
    assert "Agglomération de Rivemont — <a href=" in page and "(2 réunions manquées)" in page
    with scope(cite=world.cite):
        seat = seats[c.agglo.pk]
    client.post(url(world, "member_remove", member_id=seat.pk),
                {"confirmer": "oui", "version": seat.version})
    page = text(client.get(reverse("partners:alerts", kwargs={"cite_slug": world.cite.slug})))
    assert "Aucun partenaire absent de plusieurs réunions de suite." in page


def test_deleting_the_latest_deliberation_brings_the_statutes_date_back(world):
    client = lead(world)
    with scope(cite=world.cite):
        region = Organisation.objects.create(cite=world.cite, name="Région", kind="first_circle")
        dept = Organisation.objects.create(cite=world.cite, name="Département",
                                           kind="first_circle")
    for organisation, day in ((region, "2027-10-14"), (dept, "2027-06-30")):
        client.post(url(world, "legal"), {
            "action": "step", "step-organisation": organisation.pk,
            "step-deciding_body": "Assemblée", "step-expected_on": day,
            "step-status": "planned", "step-note": "", "step-version": 0})
    with scope(cite=world.cite):
        latest = ValidationStep.objects.get(organisation=region)
    edit = text(client.get(url(world, "step_edit", step_id=latest.pk)))
    assert url(world, "step_delete", step_id=latest.pk) in edit
    client.post(url(world, "step_delete", step_id=latest.pk),
                {"confirmer": "oui", "version": latest.version})
    with scope(cite=world.cite):
        assert list(ValidationStep.objects.values_list("organisation__name", flat=True)) == [
            "Département"]
        assert Task.objects.get(key="faire-voter-statuts").due_date == date(2027, 6, 30)
