"""The séance page: attendance and positions, minutes without silent overwrites, decisions."""

from datetime import date, timedelta

import lxml.html
import pytest
from django_scopes import scope

from capacite.governance.models import AgendaItem, Attendance, Decision
from capacite.governance.services import register_disagreements
from capacite.governance.tests.helpers import committee, lead, text, url
from capacite.partners.models import Position
from capacite.roadmap.models import Task

pytestmark = pytest.mark.django_db


def members(world, c):
    with scope(cite=world.cite):
        return {m.organisation_id: m for m in c.body.members.all()}


def shown(client, address) -> dict:
    """What the page's one form sends untouched, as a browser would send it."""
    form = lxml.html.fromstring(client.get(address).content).get_element_by_id("seance")
    return dict(form.form_values())


def attendance_data(world, c, **extra):
    seats = members(world, c)
    data = {**shown(lead(world), url(world, "seance", meeting_id=c.meeting.pk)),
            f"presence-attendance_{seats[c.region.pk].pk}": "present",
            f"presence-attendance_{seats[c.agglo.pk].pk}": "excused",
            f"presence-stance_{c.region.pk}": "ally",
            f"presence-reason_{c.region.pk}": "Le budget lui convient.",
            f"presence-stance_{c.agglo.pk}": ""}
    data.update(extra)
    return data


def test_attendance_and_positions_are_recorded_dated_the_meeting_day(world):
    c = committee(world)
    client = lead(world)
    response = client.post(url(world, "seance", meeting_id=c.meeting.pk),
                           attendance_data(world, c))
    assert response.status_code == 302
    with scope(cite=world.cite):
        assert sorted(Attendance.objects.values_list("member__organisation__name", "status")) == [
            ("Agglomération de Rivemont", "excused"), ("Région Rivemont-Sud", "present")]
        position = Position.objects.get()
    assert (position.organisation, position.stance, position.reason, position.assessed_on,
            position.context, position.assessed_by) == (
        c.region, "ally", "Le budget lui convient.", date(2027, 3, 12),
        "Comité de pilotage du 12/03/2027", world.users["project_lead"])
    page = text(client.get(response["Location"]))
    assert "Présences enregistrées ; 1 position ajoutée" in page


def test_saving_the_same_positions_again_adds_no_assessment(world):
    c = committee(world)
    client = lead(world)
    client.post(url(world, "seance", meeting_id=c.meeting.pk), attendance_data(world, c))
    client.post(url(world, "seance", meeting_id=c.meeting.pk), attendance_data(world, c))
    client.post(url(world, "seance", meeting_id=c.meeting.pk), attendance_data(
        world, c, **{f"presence-stance_{c.region.pk}": "hesitant"}))
    with scope(cite=world.cite):
        assert list(Position.objects.order_by("assessed_at", "pk").values_list(
            "stance", flat=True)) == ["ally", "hesitant"]


def minutes_data(items, texts):
    data = {}
    for item, minutes in zip(items, texts, strict=True):
        data[f"item{item.pk}-minutes"] = minutes
        data[f"item{item.pk}-version"] = item.version
        data[f"item{item.pk}-original"] = item.minutes
    return data


def test_two_note_takers_on_different_items_both_keep_their_text(world):
    c = committee(world)
    first, second = c.items
    lead(world).post(url(world, "seance", meeting_id=c.meeting.pk),
                     minutes_data(c.items, ["Note validée à l'unanimité.", ""]))
    response = lead(world).post(url(world, "seance", meeting_id=c.meeting.pk),
                                minutes_data(c.items, ["", "Budget à revoir."]))
    assert response.status_code == 302
    with scope(cite=world.cite):
        assert list(AgendaItem.objects.values_list("minutes", "version")) == [
            ("Note validée à l'unanimité.", 2), ("Budget à revoir.", 2)]


def test_two_note_takers_on_the_same_item_see_the_conflict(world):
    c = committee(world)
    stale = list(c.items)
    lead(world).post(url(world, "seance", meeting_id=c.meeting.pk),
                     minutes_data(stale, ["Version d'Alice.", ""]))
    response = lead(world).post(url(world, "seance", meeting_id=c.meeting.pk),
                                minutes_data(stale, ["Version de Bruno.", ""]))
    assert response.status_code == 200
    page = text(response)
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in page
    assert "Version de Bruno." in page  # the text typed is not lost
    with scope(cite=world.cite):
        assert AgendaItem.objects.get(pk=stale[0].pk).minutes == "Version d'Alice."


def _decide(world, c, task, client=None):
    address = url(world, "seance", meeting_id=c.meeting.pk)
    return (client or lead(world)).post(address, {
        **shown(lead(world), address),
        "decision-body": c.body.pk, "decision-decided_on": "2027-03-12",
        "decision-title": "Le comité décide de poursuivre le projet.",
        "decision-validates": "Note d'opportunité", "decision-task": task.pk,
        "decision-version": 0})


def test_a_decision_for_a_meeting_still_to_come_leaves_its_task_to_do(world):
    c = committee(world)  # on 12/03/2027, after today
    with scope(cite=world.cite):
        task = Task.objects.get(key="decider-poursuite-projet")
    client = lead(world)
    response = _decide(world, c, task, client)
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert ("La réunion n&#x27;a pas encore eu lieu : la tâche « Décider de poursuivre le "
            "projet » sera marquée faite quand la présence y sera enregistrée.") in page
    with scope(cite=world.cite):
        task.refresh_from_db()
        assert task.status == "todo"
        assert register_disagreements(today=date(2026, 12, 6)) == []


def test_a_decision_completes_its_task_once_the_meeting_has_taken_place(world):
    c = committee(world)
    with scope(cite=world.cite):
        task = Task.objects.get(key="decider-poursuite-projet")
        c.meeting.starts_at -= timedelta(days=800)  # 2025: the meeting has taken place
        c.meeting.save()
    assert _decide(world, c, task).status_code == 302
    with scope(cite=world.cite):
        decision = Decision.objects.get()
        task.refresh_from_db()
        reasons = list(task.history.values_list("history_change_reason", flat=True))
    assert (decision.meeting, decision.body, decision.recorded_by) == (
        c.meeting, c.body, world.users["project_lead"])
    assert task.status == "done"
    assert task.evidence_note.endswith(
        "Validé : Le comité décide de poursuivre le projet. (Comité de pilotage du 01/01/2025)")
    assert reasons[0] == "Décision du 12/03/2027 au registre"


def test_the_register_lists_decisions_filtered_by_body_with_their_history(world):
    c = committee(world)
    client = lead(world)
    with scope(cite=world.cite):
        other = c.body.__class__.objects.create(cite=world.cite, kind="technical",
                                                name="Comité technique")
        Decision.objects.create(cite=world.cite, body=c.body, decided_on=date(2027, 3, 12),
                                title="Scénario intermédiaire retenu")
        kept = Decision.objects.create(cite=world.cite, body=other, decided_on=date(2027, 4, 2),
                                       title="Horaires adoptés")
    page = text(client.get(url(world, "decisions") + f"?instance={other.pk}"))
    assert "Horaires adoptés" in page and "Scénario intermédiaire retenu" not in page
    client.post(url(world, "decision_edit", decision_id=kept.pk), {
        "body": other.pk, "decided_on": "2027-04-02", "title": "Horaires d'été adoptés",
        "details": "", "validates": "", "task": "", "version": kept.version})
    page = text(client.get(url(world, "decision_edit", decision_id=kept.pk)))
    assert ("<td>décision</td><td>Horaires adoptés</td><td>Horaires d&#x27;été adoptés</td>"
            in page)


def test_readers_see_the_seance_without_forms(world):
    c = committee(world)
    from django.test import Client

    client = Client()
    client.force_login(world.users["sponsor"])
    page = text(client.get(url(world, "seance", meeting_id=c.meeting.pk)))
    assert "Inscrire la décision au registre" not in page
    assert "<select" not in page


def test_one_save_keeps_the_minutes_typed_with_the_attendance(world):
    """Typing the minutes, then choosing the attendance and saving once keeps both: the page
    has one form (issue 13, point 3; before, the attendance button dropped the minutes)."""
    c = committee(world)
    data = {**attendance_data(world, c), f"item{c.items[0].pk}-minutes": "Note approuvée."}
    response = lead(world).post(url(world, "seance", meeting_id=c.meeting.pk), data)
    assert response.status_code == 302
    with scope(cite=world.cite):
        assert list(AgendaItem.objects.values_list("minutes", flat=True)) == [
            "Note approuvée.", ""]
        assert Attendance.objects.count() == 2


def test_a_wrong_field_saves_nothing_and_gives_back_all_that_was_typed(world):
    c = committee(world)
    data = {**attendance_data(world, c), f"item{c.items[0].pk}-minutes": "Note approuvée.",
            "decision-title": "Décision sans date", "decision-decided_on": "pas une date"}
    response = lead(world).post(url(world, "seance", meeting_id=c.meeting.pk), data)
    assert response.status_code == 200
    page = text(response)
    assert "Rien n&#x27;a été enregistré : corrigez les champs signalés" in page
    assert "Note approuvée.</textarea>" in page
    assert 'value="Décision sans date"' in page
    with scope(cite=world.cite):
        assert (Attendance.objects.count(), Decision.objects.count()) == (0, 0)
        assert list(AgendaItem.objects.values_list("minutes", flat=True)) == ["", ""]
