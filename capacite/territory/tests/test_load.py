"""`capacite load_territories`: loads the small sample idempotently, updates, deletes safely."""

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from capacite.territory.models import CiteTerritory, Commune, Departement, Epci, Region
from capacite.territory.tests.sample import load_sample, sample_data, write_sample

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "regions": list(Region.objects.values_list("pk", "year", "code", "name")
                        .order_by("pk")),
        "departements": list(Departement.objects.values_list(
            "pk", "year", "code", "name", "region__code").order_by("pk")),
        "epcis": list(Epci.objects.values_list(
            "pk", "year", "code", "name", "kind", "population", "search_name").order_by("pk")),
        "communes": list(Commune.objects.values_list(
            "pk", "year", "code", "name", "departement__code", "region__code", "epci__code",
            "population", "postal_codes", "search_name").order_by("pk")),
    }


def test_loading_twice_leaves_exactly_the_same_rows(tmp_path, capsys):
    path = write_sample(tmp_path)
    call_command("load_territories", "--file", str(path))
    first = snapshot()
    assert [len(first[k]) for k in ("regions", "departements", "epcis", "communes")] \
        == [1, 2, 2, 7]
    out = capsys.readouterr().out
    assert "Référentiel territorial 2026 (territoires-2026.json.gz) :" in out
    assert "  communes : 7 ajout(s), 0 mise(s) à jour, 0 sans changement, 0 suppression(s)." \
        in out
    assert "  EPCI : 2 ajout(s)" in out

    call_command("load_territories", "--file", str(path))
    assert snapshot() == first
    out = capsys.readouterr().out
    assert "  communes : 0 ajout(s), 0 mise(s) à jour, 7 sans changement, 0 suppression(s)." \
        in out
    assert "  régions : 0 ajout(s), 0 mise(s) à jour, 1 sans changement" in out


def test_the_rows_carry_codes_links_and_population_of_their_year():
    load_sample()
    bourg = Commune.objects.select_related("departement", "region", "epci").get(
        year=2026, code="01053")
    assert (bourg.name, bourg.departement.code, bourg.region.code, bourg.epci.code,
            bourg.population, bourg.postal_codes, bourg.search_name) == (
        "Bourg-en-Bresse", "01", "84", "200071751", 42372, "01000", "bourg en bresse")
    assert bourg.departement.year == bourg.epci.year == bourg.region.year == 2026
    assert str(bourg) == "Bourg-en-Bresse (01053)"
    assert Epci.objects.get(code="200000172").communes.count() == 3


def test_a_changed_file_updates_only_what_changed_and_leaves_other_years_alone():
    load_sample()
    older = sample_data()
    older["year"] = 2025
    load_sample(older)
    assert Commune.objects.filter(year=2025).count() == 7
    changed = sample_data()
    changed["communes"][1][1] = "Bourg-en-Bresse (nouveau nom)"
    changed["communes"][1][5] = 43000
    report = load_sample(changed)
    assert (report.counts["communes"].updated, report.counts["communes"].unchanged) == (1, 6)
    assert Commune.objects.get(year=2026, code="01053").search_name \
        == "bourg en bresse nouveau nom"
    assert Commune.objects.get(year=2025, code="01053").name == "Bourg-en-Bresse"


def test_rows_absent_from_the_file_are_deleted_unless_a_cite_chose_them(world):
    load_sample()
    with scopes_disabled():
        territory = CiteTerritory.objects.create(cite=world.cite)
    territory.communes.add(Commune.objects.get(code="01004"))
    shrunk = sample_data()
    shrunk["communes"] = [c for c in shrunk["communes"] if c[0] not in ("01004", "01289")]
    report = load_sample(shrunk)
    counts = report.counts["communes"]
    assert (counts.deleted, counts.kept, counts.unchanged) == (1, 1, 5)
    assert sorted(Commune.objects.values_list("code", flat=True)) == [
        "01004", "01053", "01344", "74024", "74042", "74164"]
    # Without its communes, an EPCI goes too; the département stays while a commune uses it.
    without_faucigny = sample_data()
    without_faucigny["epci"] = without_faucigny["epci"][1:]
    without_faucigny["communes"] = [c for c in without_faucigny["communes"]
                                    if c[2] == "01"]
    without_faucigny["departements"] = without_faucigny["departements"][:1]
    report = load_sample(without_faucigny)
    assert (report.counts["epcis"].deleted, report.counts["departements"].deleted) == (1, 1)
    assert list(Departement.objects.values_list("code", flat=True)) == ["01"]


def test_the_year_picks_a_shipped_file_and_mismatches_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Aucun référentiel livré pour 1999"):
        call_command("load_territories", "--year", "1999")
    path = write_sample(tmp_path)
    with pytest.raises(CommandError, match="contient le millésime 2026, pas 2025"):
        call_command("load_territories", "--year", "2025", "--file", str(path))
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("load_territories", "--file", str(tmp_path / "absent.json.gz"))
    assert Commune.objects.count() == 0
