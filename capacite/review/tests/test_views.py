"""The pages: submit, decide, lift; another Cité's project lead sees none of it."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite, Phase, Role
from capacite.core.permissions import MATRIX, Level
from capacite.review.models import CommitteeSession, LabelDecision, Reserve, Submission
from capacite.review.tests.helpers import done_dossier_job
from capacite.testing import all_routes

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submitted(world, client=None):
    with scope(cite=world.cite):
        job = done_dossier_job(world.cite)
    client = client or client_for(world.users[Role.PROJECT_LEAD])
    response = client.post(reverse("review:cite_review", args=["alpha"]),
                           {"job": job.pk, "message": "Validé par le comité de pilotage."})
    with scopes_disabled():
        return response, Submission.objects.get(cite=world.cite, job=job)


def test_the_project_lead_submits_a_finished_generation_once(world):
    lead = client_for(world.users[Role.PROJECT_LEAD])
    page = lead.get(reverse("review:cite_review", args=["alpha"])).content.decode()
    assert "Aucun dossier généré n'attend d'être déposé" in page
    response, submission = submitted(world, lead)
    assert response.status_code == 302
    assert response["Location"] == reverse("review:submission", args=["alpha", submission.pk])
    assert (submission.number, submission.message) == (1, "Validé par le comité de pilotage.")
    detail = lead.get(response["Location"]).content.decode()
    assert "alpha-label_projet-v1.pdf" in detail
    assert submission.sha256 in detail
    assert "le fichier conservé correspond à l'empreinte enregistrée au dépôt" in detail
    # The job is no longer offered, and posting it again is refused.
    again = lead.post(reverse("review:cite_review", args=["alpha"]), {"job": submission.job_id})
    assert again.status_code == 200
    with scopes_disabled():
        assert Submission.objects.filter(cite=world.cite).count() == 1
    download = lead.get(reverse("review:submission_file", args=["alpha", submission.pk]))
    assert download["Content-Disposition"] == \
        'attachment; filename="alpha-label_projet-v1.pdf"'


def test_the_authority_decides_with_reserves_and_the_home_follows(world):
    _response, submission = submitted(world)
    session = CommitteeSession.objects.create(held_on=date(2027, 6, 10), place="Paris")
    authority = client_for(world.users[Role.LABEL_AUTHORITY])
    queue = authority.get(reverse("authority:queue")).content.decode()
    assert "Cité des métiers d&#x27;Alpha" in queue and str(submission) in queue
    url = reverse("review:decision_create", args=["alpha", submission.pk])
    # The project lead cannot decide.
    assert client_for(world.users[Role.PROJECT_LEAD]).post(url, {}).status_code == 403
    response = authority.post(url, {
        "version": 0, "stage": "label_projet", "decided_on": "2027-06-10",
        "session": session.pk, "recommendations": "Ouvrir le samedi.",
        "reserves": "Budget équilibré sur trois ans.\n\nLettre de la Région signée."})
    with scopes_disabled():
        decision = LabelDecision.objects.get(submission=submission)
        assert [r.text for r in Reserve.objects.filter(decision=decision)] == [
            "Budget équilibré sur trois ans.", "Lettre de la Région signée."]
    assert response["Location"] == reverse("review:decision", args=["alpha", decision.pk])
    assert Cite.objects.get(pk=world.cite.pk).phase == Phase.IMPLEMENTATION
    assert str(submission) not in authority.get(reverse("authority:queue")).content.decode()
    home = client_for(world.users[Role.PROJECT_LEAD]).get(
        reverse("core:cite_home", args=["alpha"])).content.decode()
    assert "sous réserves\u00a0: il sera effectif quand elles seront levées." in home
    assert "2 réserves à lever\u00a0:" in home
    letter = authority.get(reverse("review:decision_letter", args=["alpha", decision.pk]))
    assert letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_the_lead_asks_with_evidence_and_the_authority_lifts(world):
    _response, submission = submitted(world)
    with scope(cite=world.cite):
        decision = LabelDecision.objects.create(
            cite=world.cite, submission=submission, stage="label_projet",
            decided_on=date(2027, 6, 10), recorded_by=world.users[Role.LABEL_AUTHORITY])
        reserve = Reserve.objects.create(cite=world.cite, decision=decision, text="Budget.")
    lead = client_for(world.users[Role.PROJECT_LEAD])
    lift = reverse("review:reserve_lift", args=["alpha", reserve.pk])
    response = lead.post(lift, {"version": 1, "evidence_text": "Budget voté le 3 mai.",
                                "evidence_file": SimpleUploadedFile(
                                    "budget voté.pdf", b"%PDF-1.4 budget", "application/pdf")})
    assert response.status_code == 302
    authority = client_for(world.users[Role.LABEL_AUTHORITY])
    assert "Budget." in authority.get(reverse("authority:queue")).content.decode()
    assert client_for(world.users[Role.PROJECT_LEAD]).post(
        reverse("review:reserve_rule", args=["alpha", reserve.pk]),
        {"version": 2, "decision": "accept"}).status_code == 403
    stale = authority.post(reverse("review:reserve_rule", args=["alpha", reserve.pk]),
                           {"version": 1, "decision": "accept"})
    assert "Quelqu&#x27;un a changé cette réserve" in stale.content.decode()
    authority.post(reverse("review:reserve_rule", args=["alpha", reserve.pk]),
                   {"version": 2, "decision": "accept", "comment": "Merci."})
    with scopes_disabled():
        reserve.refresh_from_db()
    assert (reserve.status, reserve.evidence_filename) == ("lifted", "budget voté.pdf")
    page = lead.get(reverse("review:reserve", args=["alpha", reserve.pk])).content.decode()
    assert "Levée le" in page and "Merci." in page
    evidence = lead.get(reverse("review:reserve_evidence", args=["alpha", reserve.pk]))
    assert b"".join(evidence.streaming_content) == b"%PDF-1.4 budget"


def test_sending_back_needs_a_comment(world):
    _response, submission = submitted(world)
    with scope(cite=world.cite):
        decision = LabelDecision.objects.create(
            cite=world.cite, submission=submission, stage="label_projet",
            decided_on=date(2027, 6, 10), recorded_by=world.users[Role.LABEL_AUTHORITY])
        reserve = Reserve.objects.create(cite=world.cite, decision=decision, text="Budget.",
                                         status="requested")
    response = client_for(world.users[Role.LABEL_AUTHORITY]).post(
        reverse("review:reserve_rule", args=["alpha", reserve.pk]),
        {"version": 1, "decision": "send_back", "comment": " "})
    assert "Dites à la Cité ce qui manque pour lever la réserve." in response.content.decode()
    with scopes_disabled():
        assert Reserve.objects.get(pk=reserve.pk).status == "requested"


def test_another_cites_lead_finds_none_of_it(world):
    _response, submission = submitted(world)
    with scope(cite=world.cite):
        decision = LabelDecision.objects.create(
            cite=world.cite, submission=submission, stage="label_projet",
            decided_on=date(2027, 6, 10), recorded_by=world.users[Role.LABEL_AUTHORITY])
        reserve = Reserve.objects.create(cite=world.cite, decision=decision, text="Secret.")
        from capacite.review.models import NetworkLink, OpinionRequest

        opinion = OpinionRequest.objects.create(
            cite=world.cite, subject="opening", summary="Secret.", asked_on=date(2027, 1, 4),
            asked_by=world.users[Role.PROJECT_LEAD])
        link = NetworkLink.objects.create(cite=world.cite, kind="visit", on=date(2026, 5, 4))
    ids = {"submission_id": submission.pk, "label_decision_id": decision.pk,
           "reserve_id": reserve.pk, "opinion_id": opinion.pk, "network_link_id": link.pk}
    other = client_for(world.foreign_lead)
    routes = [r for r in all_routes() if r.name.startswith("review:")]
    assert len(routes) == 17
    for route in routes:
        params = {k: ids[k] for k in route.kwargs if k != "cite_slug"}
        # In Alpha's pages: nothing exists for them.
        url = reverse(route.name, kwargs={"cite_slug": "alpha", **params})
        assert other.get(url).status_code == 404, url
        assert other.post(url, {}).status_code == 404, url
        if not params:
            continue
        # Alpha's ids through their own Cité: the matrix answers first, then nothing is found.
        url = reverse(route.name, kwargs={"cite_slug": "beta", **params})
        level = MATRIX[route.name][Role.PROJECT_LEAD]
        assert other.get(url).status_code == (404 if level >= Level.READ else 403), url
        assert other.post(url, {}).status_code == (404 if level >= Level.WRITE else 403), url
    own = other.get(reverse("review:cite_review", args=["beta"])).content.decode()
    assert "Aucun dossier déposé pour l'instant." in own and "Secret." not in own
    assert "Aucune réserve." in own
    for name in ("authority:queue", "authority:sessions"):
        assert other.get(reverse(name)).status_code == 403


def test_sessions_are_listed_newest_first_with_their_agenda_counts(world):
    _response, submission = submitted(world)
    old = CommitteeSession.objects.create(held_on=date(2024, 6, 8), place="Paris")
    new = CommitteeSession.objects.create(held_on=date(2027, 2, 8), place="Lyon")
    authority = client_for(world.users[Role.LABEL_AUTHORITY])
    authority.post(reverse("authority:session", args=[old.pk]),
                   {"action": "add", "add-submission": submission.pk})
    page = authority.get(reverse("authority:sessions")).content.decode()
    rows = re.findall(r"Comité de label du (\S+)</a></td><td>(\w+)</td><td>(\d+)</td>", page)
    assert rows == [("08/02/2027", "Lyon", "0"), ("08/06/2024", "Paris", "1")]
    assert str(new) == "Comité de label du 08/02/2027"


def test_two_people_editing_a_decision_do_not_overwrite_each_other(world):
    _response, submission = submitted(world)
    with scope(cite=world.cite):
        decision = LabelDecision.objects.create(
            cite=world.cite, submission=submission, stage="label_projet",
            decided_on=date(2027, 6, 10), recorded_by=world.users[Role.LABEL_AUTHORITY])
    authority = client_for(world.users[Role.LABEL_AUTHORITY])
    url = reverse("review:decision_edit", args=["alpha", decision.pk])
    form = {"stage": "prefiguration", "decided_on": "2027-06-10", "version": 1}
    assert authority.post(url, form).status_code == 302
    assert Cite.objects.get(pk=world.cite.pk).phase == Phase.IMPLEMENTATION
    stale = authority.post(url, {**form, "stage": "refusal", "motivation": "Autre avis"})
    assert "Quelqu&#x27;un a enregistré cette fiche" in stale.content.decode()
    with scopes_disabled():
        decision.refresh_from_db()
    assert (decision.stage, decision.version, decision.motivation) == (
        "prefiguration", 2, "")
    assert [h.stage for h in decision.history.order_by("history_date")] == [
        "label_projet", "prefiguration"]
