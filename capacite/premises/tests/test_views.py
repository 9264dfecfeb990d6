"""Premises through the pages, and the plain data the label dossier reads."""

import html
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.partners.models import Organisation
from capacite.premises.models import Candidate
from capacite.premises.services import ZoneSurface, chosen_premises, space_programme

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page as a reader sees it (entities such as &#x27; turned back into characters)."""
    return html.unescape(response.content.decode())

PROGRAMME = {"reception": 60, "poles": 180, "documentation": 90, "individual": 40,
             "collective": 60, "meeting": 50, "exhibition": 40}


def lead(world) -> Client:
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"premises:{name}", kwargs={"cite_slug": "alpha", **kwargs})


def candidate_data(name: str, **changes) -> dict:
    data = {"name": name, "address": "12, place de la Halle", "commune": "Rivemont",
            "surface_m2": 640, "transport": "good", "transport_notes": "Tram A",
            "step_free": "on", "central": "on", "open_plan": "on", "rent_eur": "48000",
            "works_eur": "", "notes": "", "version": 0}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_programme_candidates_scores_and_the_chosen_one_with_its_plan(world):
    client = lead(world)
    assert client.post(url("programme_edit"), {**PROGRAMME, "notes": "", "version": 0}
                       ).status_code == 302
    with scope(cite=world.cite):
        mission = Organisation.objects.create(cite=world.cite, name="Mission locale",
                                              kind="operator")
    client.post(url("candidate_add"), candidate_data("Halle", shared_with=[mission.pk]))
    client.post(url("candidate_add"), candidate_data(
        "Entrepôt", surface_m2=900, transport="poor", step_free=None, central=None))
    page = text(client.get(url("overview")))
    assert '<td class="number" id="programme-total">520 m²</td>' in page
    assert '<td class="number" id="programme-besoin">598 m²</td>' in page
    assert page.index("Halle") < page.index("Entrepôt")  # best first
    assert "12 / 12" in page and "5 / 12" in page
    assert "ces locaux ne respectent pas le critère d'accessibilité" in page

    with scope(cite=world.cite):
        halle = Candidate.objects.get(name="Halle")
        entrepot = Candidate.objects.get(name="Entrepôt")
    client.post(url("candidate_choose", candidate_id=entrepot.pk))
    client.post(url("candidate_choose", candidate_id=halle.pk))
    with scope(cite=world.cite):
        assert list(Candidate.objects.filter(chosen=True).values_list("name", flat=True)) == [
            "Halle"]
        halle.refresh_from_db()
    plan = SimpleUploadedFile("Plan Halle.pdf", b"%PDF-1.4 plan", "application/pdf")
    response = client.post(url("candidate_edit", candidate_id=halle.pk), {
        **candidate_data("Halle", shared_with=[mission.pk], version=halle.version),
        "plan": plan})
    assert response.status_code == 302
    detail = text(client.get(url("candidate_detail", candidate_id=halle.pk)))
    assert "Plan Halle.pdf" in detail and "Retenu" in detail
    assert "640 m² pour 598 m² nécessaires (programme et circulations)\u00a0: 42 m² de marge." \
        in detail
    download = client.get(url("candidate_plan", candidate_id=halle.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 plan"

    chosen = chosen_premises(world.cite)
    assert (chosen.name, chosen.surface_m2, chosen.shared_with, chosen.points, chosen.maximum,
            chosen.need_m2, chosen.rent_eur, chosen.plan_filename, chosen.has_plan) == (
        "Halle", 640, ("Mission locale",), 12, 12, 598, Decimal("48000.00"), "Plan Halle.pdf",
        True)
    assert space_programme(world.cite)[:2] == [ZoneSurface("reception", "Accueil général", 60),
                                               ZoneSurface("poles", "Pôles de conseil", 180)]
    assert chosen_premises(world.foreign) is None


def test_a_plan_of_a_refused_type_is_refused_in_french_and_nothing_changes(world):
    client = lead(world)
    client.post(url("candidate_add"), candidate_data("Halle"))
    with scope(cite=world.cite):
        halle = Candidate.objects.get()
    response = client.post(url("candidate_edit", candidate_id=halle.pk), {
        **candidate_data("Halle agrandie", version=halle.version),
        "plan": SimpleUploadedFile("plan.exe", b"MZ", "application/octet-stream")})
    assert "Le fichier «\u00a0plan.exe\u00a0» n'est pas d'un type accepté" in \
        text(response)
    with scope(cite=world.cite):
        halle.refresh_from_db()
    assert (halle.name, bool(halle.plan)) == ("Halle", False)


def test_two_people_editing_the_same_candidate_do_not_overwrite_each_other(world):
    client = lead(world)
    client.post(url("candidate_add"), candidate_data("Halle"))
    with scope(cite=world.cite):
        halle = Candidate.objects.get()
    first = client.post(url("candidate_edit", candidate_id=halle.pk),
                        candidate_data("Halle (A)", version=halle.version))
    assert first.status_code == 302
    second = client.post(url("candidate_edit", candidate_id=halle.pk),
                         candidate_data("Halle (B)", version=halle.version))
    assert "Quelqu'un a enregistré cette fiche" in text(second)
    with scope(cite=world.cite):
        assert Candidate.objects.get().name == "Halle (A)"
