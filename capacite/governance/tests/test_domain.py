"""Pure governance logic: agenda overrun, the .ics invitation, workshop ranges, alerts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from capacite.governance.domain.agenda import moved, overrun_minutes
from capacite.governance.domain.alerts import missing_categories, trailing_absences
from capacite.governance.domain.ics import Invitation, invitation_ics
from capacite.governance.domain.workshops import GroupPlan, plan_warnings, span_in_months

PARIS = ZoneInfo("Europe/Paris")


def test_items_that_fit_the_planned_length_do_not_overrun():
    assert overrun_minutes(120, [30, 45, 45]) == 0


def test_items_longer_than_the_meeting_overrun_by_the_difference():
    assert overrun_minutes(90, [30, 45, 40]) == 25


def invitation(**changes) -> Invitation:
    data = dict(uid="abc@capacite", sequence=3, summary="Comité de pilotage du 12/03/2027",
                start=datetime(2027, 3, 12, 14, 0, tzinfo=PARIS),
                end=datetime(2027, 3, 12, 16, 0, tzinfo=PARIS), location="Hôtel de région",
                description="- Budget (45 min)", organizer_email="capacite@example.org",
                organizer_name="Cité des métiers d'Alpha",
                attendee_emails=["a@example.org", "b@example.org"],
                stamp=datetime(2027, 3, 1, 9, 0, tzinfo=PARIS))
    data.update(changes)
    return Invitation(**data)


def unfolded(ics: bytes) -> str:
    return ics.decode().replace("\r\n ", "")


def test_the_invitation_is_a_request_in_paris_time_with_a_stable_uid():
    text = unfolded(invitation_ics(invitation()))
    lines = text.split("\r\n")
    assert "METHOD:REQUEST" in lines
    assert "UID:abc@capacite" in lines
    assert "SEQUENCE:3" in lines
    assert "DTSTART;TZID=Europe/Paris:20270312T140000" in lines
    assert "DTEND;TZID=Europe/Paris:20270312T160000" in lines
    assert "DTSTAMP:20270301T080000Z" in lines
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/Paris" in lines
    assert "LOCATION:Hôtel de région" in lines
    assert 'ORGANIZER;CN="Cité des métiers d\'Alpha":mailto:capacite@example.org' in lines
    assert "RDATE" not in text and text.count("RRULE:FREQ=YEARLY") == 2  # yearly rules
    attendees = [line for line in lines if line.startswith("ATTENDEE")]
    assert [a.rsplit(":", 1)[1] for a in attendees] == ["a@example.org", "b@example.org"]
    assert all("PARTSTAT=NEEDS-ACTION" in a and "RSVP=TRUE" in a for a in attendees)


def test_sending_again_keeps_the_uid_and_raises_the_sequence():
    first = unfolded(invitation_ics(invitation(sequence=1)))
    second = unfolded(invitation_ics(invitation(sequence=2)))
    assert "UID:abc@capacite" in first and "UID:abc@capacite" in second
    assert "SEQUENCE:1" in first and "SEQUENCE:2" in second


def group(name, participants, *months):
    return GroupPlan(name, participants, tuple(date(2027, m, 1) for m in months))


def test_a_plan_within_the_guide_ranges_has_no_warning():
    groups = [group("Offre", 12, 1, 4), group("Horaires", 20, 2, 5, 8),
              group("Équipe", 15, 3, 6, 7, 8)]
    assert plan_warnings(groups) == []


def test_each_departure_from_the_guide_is_named():
    groups = [group("Offre", 25, 1), group("Équipe", 8, 1, 2, 3, 4, 5, 12)]
    assert plan_warnings(groups) == [
        "2 groupes de travail : le guide en conseille de 3 à 5.",
        "« Offre » compte 25 participants : le guide conseille de 12 à 20.",
        "« Offre » a 1 séance : le guide en conseille de 2 à 4 par groupe.",
        "« Équipe » compte 8 participants : le guide conseille de 12 à 20.",
        "« Équipe » a 6 séances : le guide en conseille de 2 à 4 par groupe.",
        "Les séances s'étalent sur 11,0 mois : le guide conseille de 6 à 10 mois.",
    ]


def test_sessions_squeezed_into_three_months_are_too_short_a_spread():
    groups = [group(name, 15, 1, 4) for name in ("A", "B", "C")]
    assert plan_warnings(groups) == [
        "Les séances s'étalent sur 3,0 mois : le guide conseille de 6 à 10 mois."]


def test_the_spread_is_counted_in_average_months():
    assert span_in_months(date(2027, 1, 1), date(2027, 7, 2)) == 6.0
    assert span_in_months(date(2027, 1, 1), date(2027, 11, 1)) == 10.0


def test_only_the_latest_run_of_absences_counts():
    assert trailing_absences(["absent", "present", "absent", "excused", "absent"]) == 3
    assert trailing_absences(["absent", "absent", "present"]) == 0


def test_an_unrecorded_meeting_neither_counts_nor_breaks_the_run():
    assert trailing_absences(["absent", None, "absent"]) == 2


def test_missing_categories_keep_the_required_order():
    assert missing_categories(["region", "state", "education"], ["education"]) == [
        "region", "state"]


def test_an_agenda_point_moves_one_place_and_stops_at_the_ends():
    assert moved([1, 2, 3], 3, -1) == [1, 3, 2]
    assert moved([1, 2, 3], 1, 1) == [2, 1, 3]
    assert moved([1, 2, 3], 1, -1) == [1, 2, 3]
    assert moved([1, 2, 3], 3, 1) == [1, 2, 3]
    assert moved([1, 2, 3], 9, -1) == [1, 2, 3]  # removed meanwhile: the order is kept
