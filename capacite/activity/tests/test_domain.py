"""Pure functions of the activity app: slots and the scrubbing of free text."""

from datetime import time

from capacite.activity.domain.scrub import scrub
from capacite.activity.domain.slots import slot_label, slot_of


def test_a_clock_time_falls_in_its_half_hour():
    assert [slot_of(time(0, 0)), slot_of(time(9, 29)), slot_of(time(9, 30)),
            slot_of(time(23, 59))] == [0, 18, 19, 47]


def test_a_slot_reads_as_its_half_hour():
    assert slot_label(19) == "9 h 30 – 10 h 00"
    assert slot_label(47) == "23 h 30 – 0 h 00"
    assert slot_label(None) == ""


def test_scrub_removes_emails_and_phone_numbers():
    assert scrub("écrivez-moi à jean.dupont@example.fr ou au 06 12 34 56 78") == \
        "écrivez-moi à […] ou au […]"
    assert scrub("mon numéro +33 6 12 34 56 78.") == "mon numéro […]."


def test_scrub_removes_names_introduced_or_written_in_full():
    assert scrub("Je m'appelle Julie Martin et tout était bien") == "[…] et tout était bien"
    assert scrub("Merci à Mme Durand pour son aide") == "Merci à Mme […] pour son aide"
    assert scrub("merci à Paul Lefèvre, très patient") == "merci à […], très patient"


def test_scrub_keeps_ordinary_sentences():
    text = "Très bon accueil. Le pôle emploi était fermé le samedi, dommage."
    assert scrub(text) == text
