"""The reference file and its generation from the etalab package: pure code, no database."""

import gzip

import pytest

from capacite.territory.domain.reference import (
    DATA_DIR,
    ReferenceError,
    available_years,
    parse_reference,
    read_reference,
    search_key,
)
from capacite.territory.domain.source import SourceError, build_reference
from capacite.territory.tests.sample import sample_data, write_sample


def test_search_keys_ignore_case_accents_hyphens_and_apostrophes():
    assert search_key("Saint-Étienne") == "saint etienne"
    assert search_key("L'Haÿ-les-Roses") == "l hay les roses"
    assert search_key("  CC  Faucigny - Glières ") == "cc faucigny glieres"


def test_the_sample_parses_into_typed_rows():
    reference = parse_reference(sample_data())
    assert reference.year == 2026
    assert [d.code for d in reference.departements] == ["01", "74"]
    bourg = next(c for c in reference.communes if c.code == "01053")
    assert (bourg.name, bourg.departement, bourg.region, bourg.epci, bourg.population,
            bourg.postal_codes) == ("Bourg-en-Bresse", "01", "84", "200071751", 42372, "01000")
    amberieu = next(c for c in reference.communes if c.code == "01004")
    assert (amberieu.epci, amberieu.population) == (None, None)


def test_a_file_with_broken_links_is_refused_with_every_reason_in_french():
    data = sample_data()
    data["communes"].append(["38185", "Grenoble", "38", "84", "200040715", 158000, "38000"])
    data["communes"].append(list(data["communes"][1]))
    with pytest.raises(ReferenceError) as error:
        parse_reference(data, origin="essai.json.gz")
    message = str(error.value)
    assert "« essai.json.gz » : fichier incohérent" in message
    assert "commune 38185 : département 38 inconnu" in message
    assert "commune 38185 : EPCI 200040715 inconnu" in message
    assert "commune en double : 01053" in message


@pytest.mark.parametrize("change, reason", [
    ({"format": 2}, "format de fichier inconnu"),
    ({"year": "2026"}, "année absente ou invalide"),
    ({"regions": [["84"]]}, "structure inattendue"),
])
def test_a_file_of_another_shape_is_refused(change, reason):
    with pytest.raises(ReferenceError, match=reason):
        parse_reference({**sample_data(), **change})


def test_reading_a_gzip_file_and_a_file_that_is_not(tmp_path):
    assert read_reference(write_sample(tmp_path)).year == 2026
    broken = tmp_path / "territoires-2025.json.gz"
    broken.write_bytes(b"pas du gzip")
    with pytest.raises(ReferenceError, match="n'est pas un fichier JSON compressé"):
        read_reference(broken)


def test_the_shipped_reference_is_small_and_attributed():
    assert 2026 in available_years()
    shipped = DATA_DIR / "territoires-2026.json.gz"
    assert shipped.stat().st_size < 3 * 1024 * 1024
    with gzip.open(shipped, "rt", encoding="utf-8") as handle:
        head = handle.read(300)
    assert head.startswith('{"format":1,"year":2026,"source":{"package":"@etalab/')
    attribution = (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in attribution and "6.0.0" in attribution


ETALAB = {
    "regions": [{"code": "84", "nom": "Auvergne-Rhône-Alpes", "chefLieu": "69123"}],
    "departements": [{"code": "01", "nom": "Ain", "region": "84"}],
    "epcis": [{"code": "200071751", "nom": "CA du Bassin de Bourg-en-Bresse", "type": "CA",
               "populationMunicipale": 135794, "populationTotale": 139000,
               "membres": [{"code": "01053", "nom": "Bourg-en-Bresse"}]}],
    "communes": [
        {"code": "01053", "nom": "Bourg-en-Bresse", "type": "commune-actuelle",
         "departement": "01", "region": "84", "population": 42372,
         "codesPostaux": ["01000", "01000"], "siren": "210100533"},
        {"code": "01004", "nom": "Ambérieu-en-Bugey", "type": "commune-actuelle",
         "departement": "01", "region": "84"},
        {"code": "01015", "nom": "Arbignieu", "type": "commune-deleguee",
         "departement": "01", "region": "84", "chefLieu": "01015"},
    ],
}


def test_the_generator_keeps_current_communes_with_their_epci():
    reference = build_reference(year=2026, source={"version": "6.0.0"}, **ETALAB)
    assert reference["communes"] == [
        ["01004", "Ambérieu-en-Bugey", "01", "84", None, None, ""],
        ["01053", "Bourg-en-Bresse", "01", "84", "200071751", 42372, "01000"],
    ]
    assert reference["epci"] == [["200071751", "CA du Bassin de Bourg-en-Bresse", "CA", 135794]]
    assert reference["departements"] == [["01", "Ain", "84"]]
    assert reference["regions"] == [["84", "Auvergne-Rhône-Alpes"]]
    assert parse_reference(reference).year == 2026


def test_the_generator_refuses_a_commune_in_two_epci_or_in_the_wrong_region():
    twice = {**ETALAB, "epcis": ETALAB["epcis"] + [
        {"code": "240100883", "nom": "CC de la Plaine de l'Ain", "type": "CC",
         "membres": [{"code": "01053"}]}]}
    with pytest.raises(SourceError, match="membre de deux EPCI"):
        build_reference(year=2026, source={}, **twice)
    elsewhere = {**ETALAB, "communes": [{**ETALAB["communes"][0], "region": "11"}]}
    with pytest.raises(SourceError, match="son département 01 dans la région 84"):
        build_reference(year=2026, source={}, **elsewhere)
