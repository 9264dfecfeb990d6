"""Submissions freeze a generation; decisions move the phase; reserves live until lifted."""

import hashlib
from datetime import date

import pytest
from django_scopes import scope, scopes_disabled

from capacite.core.concurrency import ConcurrentEditError
from capacite.core.models import Cite, Phase, Role
from capacite.jobs.models import Job
from capacite.review.domain.reserves import Move, MoveRefused
from capacite.review.letter import render_letter_pdf
from capacite.review.models import (
    CommitteeSession,
    FrozenError,
    LabelDecision,
    Reserve,
    ReserveStatus,
    Stage,
    Submission,
)
from capacite.review.services import (
    SubmissionRefused,
    authority_queue,
    dossier_of_job,
    file_matches,
    move_reserve,
    record_decision,
    schedule,
    status_of_cite,
    submit,
)
from capacite.review.tests.helpers import PDF, done_dossier_job
from capacite.testing_files import assert_accessible_pdf

pytestmark = pytest.mark.django_db


def submit_job(world, job):
    return submit(cite=world.cite, dossier=dossier_of_job(job),
                  user=world.users[Role.PROJECT_LEAD], job=job)


def test_a_submission_copies_the_file_with_its_hash_and_number(world):
    with scope(cite=world.cite):
        job = done_dossier_job(world.cite)
        first = submit_job(world, job)
        second = submit_job(world, done_dossier_job(world.cite, content=PDF + b"v2"))
        assert (first.number, second.number) == (1, 2)
        assert first.sha256 == hashlib.sha256(PDF).hexdigest()
        assert first.size == len(PDF)
        assert first.filename == "alpha-label_projet-v1.pdf"
        assert first.kind == "label_projet"
        assert first.job == job
        assert first.file.name != job.result_file.name
        with first.file.open("rb") as handle:
            assert handle.read() == PDF
        assert file_matches(first)
        # The generation can go: the submission keeps its own copy.
        job.result_file.delete(save=False)
        job.delete()
        first = Submission.objects.get(pk=first.pk)
        assert first.job is None and file_matches(first)


def test_numbers_are_per_cite(world):
    with scope(cite=world.cite):
        submit_job(world, done_dossier_job(world.cite))
    with scope(cite=world.foreign):
        job = done_dossier_job(world.foreign)
        other = submit(cite=world.foreign, dossier=dossier_of_job(job), user=world.foreign_lead)
    assert other.number == 1


def test_a_submission_is_frozen(world):
    with scope(cite=world.cite):
        submission = submit_job(world, done_dossier_job(world.cite))
        submission.message = "changé"
        with pytest.raises(FrozenError):
            submission.save()
        with pytest.raises(FrozenError):
            submission.delete()
        with pytest.raises(FrozenError):
            Submission.objects.filter(pk=submission.pk).update(message="changé")
        with pytest.raises(FrozenError):
            Submission.objects.filter(pk=submission.pk).delete()
        assert Submission.objects.get(pk=submission.pk).message == ""


@pytest.mark.parametrize(("change", "message"), [
    ({"status": Job.Status.RUNNING},
     "La génération de ce dossier n'est pas terminée : attendez qu'elle le soit avant de le "
     "déposer."),
    ({"kind": "roster_solve"}, "Ce travail n'est pas une génération de dossier."),
    ({"params": {"kind": "bilan", "format": "pdf"}},
     "Ce dossier (« bilan ») ne se dépose pas auprès de l'autorité de label."),
])
def test_only_a_finished_dossier_can_be_submitted(world, change, message):
    with scope(cite=world.cite):
        job = done_dossier_job(world.cite)
        for field, value in change.items():
            setattr(job, field, value)
        with pytest.raises(SubmissionRefused) as refused:
            dossier_of_job(job)
        assert str(refused.value) == message


def decide(world, stage=Stage.LABEL_PROJET, submission=None):
    submission = submission or submit_job(world, done_dossier_job(world.cite))
    return record_decision(LabelDecision(
        cite=world.cite, submission=submission, stage=stage, decided_on=date(2027, 6, 10),
        recorded_by=world.users[Role.LABEL_AUTHORITY]))


def test_a_label_projet_moves_the_cite_to_implementation_with_history(world):
    with scope(cite=world.cite):
        decide(world)
    cite = Cite.objects.get(pk=world.cite.pk)
    assert cite.phase == Phase.IMPLEMENTATION
    assert cite.history.first().phase == Phase.IMPLEMENTATION


def test_a_refusal_leaves_the_phase(world):
    with scope(cite=world.cite):
        decide(world, Stage.REFUSAL)
        assert status_of_cite().refused_last
    assert Cite.objects.get(pk=world.cite.pk).phase == Phase.CONSTRUCTION


def test_an_open_cite_stays_open_after_a_late_label_projet(world):
    with scope(cite=world.foreign):
        job = done_dossier_job(world.foreign)
        submission = submit(cite=world.foreign, dossier=dossier_of_job(job),
                            user=world.foreign_lead)
        record_decision(LabelDecision(cite=world.foreign, submission=submission,
                                      stage=Stage.LABEL_PROJET, decided_on=date(2025, 1, 1),
                                      recorded_by=world.users[Role.LABEL_AUTHORITY]))
    assert Cite.objects.get(pk=world.foreign.pk).phase == Phase.OPERATION


def test_a_reserve_is_asked_sent_back_asked_again_and_lifted(world):
    with scope(cite=world.cite):
        decision = decide(world)
        reserve = Reserve.objects.create(cite=world.cite, decision=decision,
                                         text="Budget équilibré sur trois ans.")
        assert status_of_cite().effective is False
        move_reserve(reserve, Move.ASK, expected_version=1, text="Budget voté le 3 mai.")
        assert (reserve.status, reserve.version) == (ReserveStatus.REQUESTED, 2)
        move_reserve(reserve, Move.SEND_BACK, expected_version=2,
                     text="Il manque la part de la Région.")
        assert reserve.status == ReserveStatus.OPEN
        move_reserve(reserve, Move.ASK, expected_version=3, text="Part de la Région ajoutée.")
        move_reserve(reserve, Move.ACCEPT, expected_version=4, today=date(2027, 9, 1))
        reserve.refresh_from_db()
        assert reserve.status == ReserveStatus.LIFTED
        assert reserve.lifted_on == date(2027, 9, 1)
        assert reserve.evidence_text == "Part de la Région ajoutée."
        assert [h.status for h in reserve.history.order_by("history_date")] == [
            "open", "requested", "open", "requested", "lifted"]
        status = status_of_cite()
        assert (status.stage, status.effective) == ("label_projet", True)
        with pytest.raises(MoveRefused):
            move_reserve(reserve, Move.ASK, expected_version=5, text="encore")


def test_a_stale_answer_on_a_reserve_writes_nothing(world):
    with scope(cite=world.cite):
        reserve = Reserve.objects.create(cite=world.cite, decision=decide(world), text="x")
        move_reserve(reserve, Move.ASK, expected_version=1, text="Premier envoi")
        stale = Reserve.objects.get(pk=reserve.pk)
        stale.version = 1
        with pytest.raises(ConcurrentEditError):
            move_reserve(stale, Move.ACCEPT, expected_version=1)
        assert Reserve.objects.get(pk=reserve.pk).status == ReserveStatus.REQUESTED


def test_the_queue_lists_every_cites_waiting_dossiers_and_the_agenda_moves_them(world):
    with scope(cite=world.cite):
        mine = submit_job(world, done_dossier_job(world.cite))
        decide(world)  # a decided one does not wait
    with scope(cite=world.foreign):
        job = done_dossier_job(world.foreign)
        theirs = submit(cite=world.foreign, dossier=dossier_of_job(job),
                        user=world.foreign_lead)
    rows = authority_queue()
    assert [(r.cite.slug, r.submission.pk, r.session) for r in rows] == [
        ("alpha", mine.pk, None), ("beta", theirs.pk, None)]
    session = CommitteeSession.objects.create(held_on=date(2027, 6, 10), place="Paris")
    schedule(session, theirs.pk)
    assert [r.session for r in authority_queue()] == [None, session]
    with scopes_disabled():
        assert session.entries.get().cite == world.foreign


def test_the_letter_names_the_cite_the_decision_and_each_reserve(world):
    import io

    from pypdf import PdfReader

    with scope(cite=world.cite):
        decision = decide(world)
        decision.recommendations = "Associer la chambre de métiers.\n- Ouvrir le samedi."
        decision.save()
        Reserve.objects.create(cite=world.cite, decision=decision, text="Budget équilibré.",
                               due_on=date(2027, 12, 31))
        pdf = render_letter_pdf(decision)
    assert_accessible_pdf(pdf, title="Décision du comité de labellisation — "
                                     "Cité des métiers d'Alpha")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Objet : décision de labellisation — Label projet" in text
    assert "attribuer le label projet « Cité des métiers » à la Cité des métiers d'Alpha" in text
    assert "Budget équilibré. (à lever avant le 31 décembre 2027)" in text
    assert "Ouvrir le samedi." in text
    assert decision.submission.sha256 in text.replace(" ", "")
