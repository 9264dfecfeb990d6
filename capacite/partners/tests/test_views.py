"""The organisation pages: list and filters, editing with history, positions, contacts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from capacite.core.models import Cite, Role
from capacite.partners.models import Contact, Organisation, Position, Public
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def names_in(response) -> list[str]:
    return [o.name for o in response.context["organisations"]]


def test_a_new_cite_gets_the_guides_nine_publics():
    cite = Cite.objects.create(slug="gamma", name="Gamma")
    with scope(cite=cite):
        assert list(Public.objects.values_list("label", flat=True)) == [
            "Scolaires", "Étudiants", "Jeunes", "Demandeurs d'emploi", "Salariés",
            "Personnes handicapées", "Seniors", "Femmes", "Créateurs d'entreprise"]


def test_the_list_filters_by_type_field_public_role_stance_first_circle_and_text(world):
    organisation(world, "CIO de Rivemont", kind="first_circle", first_circle="education",
                 stance="ally", publics=["pupils"], commune="Rivemont")
    organisation(world, "CCI de Rivemont", kind="first_circle", first_circle="chambers",
                 fields=["business_creation"], roles=["funder"], stance="hesitant",
                 publics=["creators"])
    organisation(world, "Greta", stance="refusal", publics=["employees"], commune="Castelnau")
    client = client_for(world)
    base = url(world, "organisations")
    assert names_in(client.get(base)) == ["CCI de Rivemont", "CIO de Rivemont", "Greta"]
    assert names_in(client.get(base, {"type": "operator"})) == ["Greta"]
    assert names_in(client.get(base, {"champ": "business_creation"})) == ["CCI de Rivemont"]
    assert names_in(client.get(base, {"public": "pupils"})) == ["CIO de Rivemont"]
    assert names_in(client.get(base, {"role": "funder"})) == ["CCI de Rivemont"]
    assert names_in(client.get(base, {"position": "refusal"})) == ["Greta"]
    assert names_in(client.get(base, {"cercle": "oui"})) == ["CCI de Rivemont",
                                                             "CIO de Rivemont"]
    assert names_in(client.get(base, {"cercle": "education"})) == ["CIO de Rivemont"]
    assert names_in(client.get(base, {"q": "castelnau"})) == ["Greta"]


def test_the_list_costs_the_same_number_of_queries_for_one_or_three_organisations(world):
    client = client_for(world)
    organisation(world, "A", stance="ally", publics=["pupils", "women"])
    client.get(url(world, "organisations"))  # warm the session and caches
    with CaptureQueriesContext(connection) as one:
        client.get(url(world, "organisations"))
    organisation(world, "B", stance="hesitant", publics=["women"])
    organisation(world, "C", publics=["seniors", "pupils"])
    with CaptureQueriesContext(connection) as three:
        response = client.get(url(world, "organisations"))
    assert names_in(response) == ["A", "B", "C"]
    assert len(three) == len(one)


def test_creating_then_editing_an_organisation_shows_the_change_in_its_history(world):
    client = client_for(world)
    with scope(cite=world.cite):
        jeunes = Public.objects.get(key="young_people")
    response = client.post(url(world, "organisation_add"), {
        "name": "Mission locale", "kind": "operator", "fields": ["orientation"],
        "publics": [jeunes.pk], "roles": ["provider", "prescriber"], "version": 0,
    })
    assert response.status_code == 302
    with scope(cite=world.cite):
        org = Organisation.objects.get(name="Mission locale")
    assert (org.fields, org.roles, org.version) == (["orientation"], ["provider", "prescriber"], 1)
    response = client.post(url(world, "organisation_edit", organisation_id=org.pk), {
        "name": "Mission locale", "kind": "operator", "commune": "Rivemont",
        "publics": [jeunes.pk], "version": 1,
    })
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode().replace("\n", "")
    assert "<td>modification</td><td>commune</td><td>—</td><td>Rivemont</td>" in page


def test_two_organisations_may_not_share_a_name_whatever_the_case(world):
    organisation(world, "CIO de Rivemont")
    response = client_for(world).post(url(world, "organisation_add"), {
        "name": "cio de rivemont", "kind": "operator", "version": 0})
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Une organisation porte déjà ce nom dans cette Cité."]


def test_a_stale_edit_is_refused_instead_of_overwriting(world):
    org = organisation(world, "CIO")
    client = client_for(world)
    data = {"name": "CIO", "kind": "operator", "version": 1}
    assert client.post(url(world, "organisation_edit", organisation_id=org.pk),
                       {**data, "commune": "A"}).status_code == 302
    response = client.post(url(world, "organisation_edit", organisation_id=org.pk),
                           {**data, "commune": "B"})
    assert response.status_code == 200
    org.refresh_from_db()
    assert org.commune == "A"


def test_positions_are_added_by_the_person_signed_in_several_a_day(world):
    org = organisation(world, "France Travail")
    client = client_for(world)
    for stance in ("hesitant", "ally"):
        response = client.post(url(world, "position_add", organisation_id=org.pk), {
            "stance": stance, "assessed_on": "2027-03-02", "reason": "Comité du jour"})
        assert response.status_code == 302
    with scope(cite=world.cite):
        positions = list(Position.objects.filter(organisation=org))
    assert [(p.stance, p.assessed_on, p.assessed_by) for p in positions] == [
        ("ally", date(2027, 3, 2), world.users[Role.PROJECT_LEAD]),
        ("hesitant", date(2027, 3, 2), world.users[Role.PROJECT_LEAD])]
    detail = client.get(url(world, "organisation_detail", organisation_id=org.pk))
    assert detail.context["organisation"].latest_stance == "ally"


def test_contacts_show_to_the_project_team_and_sponsor_only(world):
    org = organisation(world, "CIO")
    with scope(cite=world.cite):
        Contact.objects.create(cite=world.cite, organisation=org, name="Jeanne Calvet")
    detail = url(world, "organisation_detail", organisation_id=org.pk)
    assert "Jeanne Calvet" in client_for(world, Role.SPONSOR).get(detail).content.decode()
    assert "Jeanne Calvet" not in client_for(world, Role.PARTNER).get(detail).content.decode()
    assert "Jeanne Calvet" not in client_for(world, Role.STAFF).get(detail).content.decode()


def test_an_interaction_with_a_next_step_past_its_date_shows_in_the_alerts(world):
    org = organisation(world, "CCI")
    client = client_for(world)
    response = client.post(url(world, "interaction_add", organisation_id=org.pk), {
        "occurred_on": "2026-01-05", "kind": "meeting", "summary": "Premier rendez-vous",
        "users": [world.users[Role.PROJECT_LEAD].pk], "next_step": "Envoyer la note",
        "next_step_on": "2026-01-20", "version": 0})
    assert response.status_code == 302
    alerts = client.get(url(world, "alerts")).context["alerts"]
    assert [(o.step.organisation, o.step.step) for o in alerts.overdue] == [
        ("CCI", "Envoyer la note")]
    assert [s.name for s in alerts.silent] == ["CCI"]  # 2026-01-05 is long ago


def test_a_next_step_date_without_a_step_is_refused(world):
    org = organisation(world, "CCI")
    response = client_for(world).post(url(world, "interaction_add", organisation_id=org.pk), {
        "occurred_on": "2027-01-05", "kind": "meeting", "summary": "x",
        "next_step_on": "2027-01-20", "version": 0})
    assert response.context["form"].errors["next_step"] == [
        "Décrivez la prochaine étape à cette date."]


def test_the_home_page_shows_the_partnership_alerts_panel(world):
    organisation(world, "Région")
    page = client_for(world).get(f"/c/{world.cite.slug}/").content.decode()
    assert "Partenariat\u00a0: à relancer" in page
    assert "jamais contactée" in page


def test_the_unknown_position_filter_includes_organisations_never_assessed(world):
    organisation(world, "A", stance="unknown")
    organisation(world, "B")
    organisation(world, "C", stance="ally")
    response = client_for(world).get(url(world, "organisations"), {"position": "unknown"})
    assert names_in(response) == ["A", "B"]


def test_the_first_circle_checklist_shows_which_categories_are_still_missing(world):
    organisation(world, "Rectorat", kind="first_circle", first_circle="education", stance="ally")
    checklist = client_for(world).get(url(world, "organisations")).context["checklist"]
    assert [(item.category, [name for _id, name, _s in item.organisations])
            for item in checklist][:3] == [("education", ["Rectorat"]), ("state", []),
                                           ("employment_service", [])]
    assert checklist[0].organisations[0][2] == "ally"


def test_who_does_what_groups_each_fields_organisations_by_role(world):
    organisation(world, "Région", fields=["continuing_training"], roles=["funder"])
    organisation(world, "Greta", fields=["continuing_training"], roles=["provider", "funder"])
    organisation(world, "Sans rôle", fields=["continuing_training"], roles=[])
    response = client_for(world, Role.STAFF).get(url(world, "who_does_what"))
    group = next(g for g in response.context["groups"] if g["field"] == "Formation continue")
    assert group["count"] == 3
    assert [(str(r["role"]), [o.name for o in r["organisations"]]) for r in group["by_role"]] == [
        ("Financeur", ["Greta", "Région"]), ("Prescripteur", []), ("Prestataire", ["Greta"])]
    assert [o.name for o in group["without_role"]] == ["Sans rôle"]
    page = " ".join(response.content.decode().split())
    assert "<dt>Rôle non précisé</dt><dd><a" in page


def test_partners_without_a_letter_of_intent_are_listed_with_their_position(world):
    from capacite.partners.models import Commitment

    asked = organisation(world, "Mission locale", stance="ally")
    organisation(world, "CCI", stance="hesitant")
    with scope(cite=world.cite):
        Commitment.objects.create(cite=world.cite, organisation=asked, kind="letter_of_intent",
                                  status="requested", dated=date(2027, 1, 5))
    response = client_for(world, Role.SPONSOR).get(url(world, "without_letter"))
    assert [o.name for o in response.context["organisations"]] == ["CCI"]
    page = " ".join(response.content.decode().split())
    assert "1 organisation sans lettre d'intention" in page and ">Hésitant</span>" in page
