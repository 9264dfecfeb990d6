"""Issue 13, point 14: every list that exports in an import's format re-imports to the same
records, from the CSV and from the XLSX — formula-like texts and negative numbers included.

The lists: the partners' organisations and the diagnosis' indicators (the two imports; other
exports — comparisons, rosters — have no import to return to)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope

from capacite.diagnosis.models import Indicator
from capacite.partners.models import Organisation, Position, Public
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def organisations(world):
    with scope(cite=world.cite):
        return sorted(
            (o.name, o.kind, o.first_circle, tuple(sorted(o.fields)), tuple(sorted(o.roles)),
             o.commune,
             o.website, tuple(sorted(o.publics.values_list("key", flat=True))),
             tuple(o.positions.values_list("stance", "assessed_on")))
            for o in Organisation.objects.all())


def indicators(world):
    with scope(cite=world.cite):
        return sorted(Indicator.objects.values_list(
            "theme", "label", "value", "unit", "territory", "observed_on", "source"))


def make_organisations(world):
    with scope(cite=world.cite):
        first = Organisation.objects.create(
            cite=world.cite, name="=HYPERLINK(\"http://x\")", kind="operator",
            fields=["orientation", "employment"], roles=["provider", "prescriber"],
            commune="-Rivemont", website="https://ml-rivemont.fr")
        first.publics.set(Public.objects.filter(key__in=["young_people", "jobseekers"]))
        Position.objects.create(cite=world.cite, organisation=first, stance="ally",
                                assessed_on=date(2027, 3, 5))
        Organisation.objects.create(cite=world.cite, name="@Région Val-de-Rive",
                                    kind="first_circle", first_circle="region",
                                    fields=["continuing_training"], roles=["funder"],
                                    commune="+Castelnau")


def make_indicators(world):
    with scope(cite=world.cite):
        for theme, label, value, unit, territory, on, source in [
            ("publics", "Solde migratoire", Decimal("-120"), "inhabitants", "-Rivemont",
             date(2025, 12, 31), "=INSEE"),
            ("employment", "Taux de chômage", Decimal("8.70"), "percent", "Zone d'emploi",
             date(2026, 6, 30), "@Pôle"),
            ("economy", "+Établissements", Decimal("-0.25"), "number", "", date(2026, 1, 1), ""),
        ]:
            Indicator.objects.create(cite=world.cite, theme=theme, label=label, value=value,
                                     unit=unit, territory=territory, observed_on=on,
                                     source=source)


LISTS = {
    "organisations": ("partners", make_organisations, organisations, Organisation),
    "indicators": ("diagnosis", make_indicators, indicators, Indicator),
}


@pytest.mark.parametrize("kind", ["organisations", "indicators"])
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_export_reimports_to_the_same_records(world, kind, suffix):
    app, make, snapshot, model = LISTS[kind]
    make(world)
    before = snapshot(world)
    client = client_for(world)
    content = client.get(reverse(f"{app}:export_{suffix}",
                                 kwargs={"cite_slug": world.cite.slug})).content
    with scope(cite=world.cite):
        model.objects.all().delete()
    response = client.post(reverse(f"{app}:import", kwargs={"cite_slug": world.cite.slug}),
                           {"file": SimpleUploadedFile(f"export.{suffix}", content)})
    assert response.context["errors"] == []
    assert snapshot(world) == before
