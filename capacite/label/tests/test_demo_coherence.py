"""The demo holds together (issue 17): every page tells the same story on both demo Cités.

Built once for the module on Sunday 6 December 2026 (the day the issue was filed: the upcoming
comité de pilotage then fell on Sunday 27 December), with `timezone.now` fixed.
"""

from datetime import date, datetime, time

import lxml.html
import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Cite
from capacite.testing import demo_at

TODAY = date(2026, 12, 6)
NOW = timezone.make_aware(datetime.combine(TODAY, time(10, 30)))
CITES = ("rivemont", "valombre")
LEADS = {"rivemont": "porteur", "valombre": "porteur2"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_at(django_db_blocker, tmp_path_factory.mktemp("media"), NOW) as media:
        yield media


@pytest.fixture(autouse=True)
def _in_the_demo(demo, db):
    """Each test reads the module's demo inside its own transaction."""


def lead(slug: str) -> Client:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=LEADS[slug]))
    return client


def page(client: Client, name: str, slug: str):
    response = client.get(reverse(name, kwargs={"cite_slug": slug}))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


@pytest.mark.parametrize("slug", CITES)
def test_the_home_and_the_roadmap_list_the_same_late_tasks(slug):
    client = lead(slug)
    home = page(client, "core:cite_home", slug)
    tile = home.xpath('//*[@data-testid="home-late"]')[0]
    on_home = [a.text_content() for a in tile.xpath('./ul[@data-testid="late-list"]/li/a')]
    roadmap = page(client, "roadmap:roadmap", slug)
    on_roadmap = [row.xpath("./td[1]/a")[0].text_content()
                  for row in roadmap.xpath('//tr[.//*[@data-testid="late"]]')]
    assert sorted(on_home) == sorted(on_roadmap)
    if slug == "rivemont":
        assert len(on_home) == 2  # the demo shows two late tasks, as its docstring says
        nxt = home.xpath('//h2[.="À faire ensuite"]/..//li')
        assert len(nxt) == 5  # never « aucune » beside late tasks


@pytest.mark.parametrize("slug", CITES)
def test_no_task_is_done_before_the_tasks_it_depends_on(slug):
    from capacite.roadmap.models import Task

    with scope(cite=Cite.objects.get(slug=slug)):
        early = [(t.title, d.title) for t in Task.objects.prefetch_related("depends_on")
                 if t.is_done for d in t.depends_on.all() if not d.is_done]
    assert early == []


@pytest.mark.parametrize("slug", CITES)
def test_the_decisions_register_and_the_roadmap_agree(slug):
    from capacite.governance.services import register_disagreements

    with scope(cite=Cite.objects.get(slug=slug)):
        assert register_disagreements(today=TODAY) == []


@pytest.mark.parametrize("slug", CITES)
def test_no_meeting_or_workshop_falls_on_a_sunday_or_a_public_holiday(slug):
    from capacite.governance.models import Meeting, WorkshopSession
    from capacite.lib.days import is_working_day

    with scope(cite=Cite.objects.get(slug=slug)):
        days = [timezone.localtime(m.starts_at).date() for m in Meeting.objects.all()]
        days += list(WorkshopSession.objects.values_list("date", flat=True))
    assert days
    assert [d for d in days if not is_working_day(d)] == []


@pytest.mark.parametrize("slug", CITES)
def test_no_workshop_lists_a_participant_twice(slug):
    from capacite.governance.models import WorkshopGroup

    with scope(cite=Cite.objects.get(slug=slug)):
        for group in WorkshopGroup.objects.prefetch_related("contacts", "organisations"):
            people = [c.name for c in group.contacts.all()]
            named = {c.organisation_id for c in group.contacts.all()}
            people += [o.name for o in group.organisations.all() if o.pk not in named]
            assert len(people) == len(set(people)), group.theme


def test_measured_vigilance_points_open_and_close_with_the_data_and_show_the_evidence():
    from capacite.premises.models import Candidate
    from capacite.premises.services import chosen_premises

    cite = Cite.objects.get(slug="rivemont")
    chosen = chosen_premises(cite)
    client = lead("rivemont")

    def card(key):
        html = page(client, "roadmap:vigilance", "rivemont")
        found = html.xpath(f'//*[@data-testid="vigilance-{key}"]')[0]
        return (found.xpath('.//span[contains(@class, "status")]')[0].text_content(),
                found.xpath('.//*[@data-testid="evidence"]')[0].text_content())

    assert card("absence-de-locaux") == ("Maîtrisé",
                                         f"Local retenu\u00a0: {chosen.name} ({chosen.commune}).")
    with scope(cite=cite):
        Candidate.objects.update(chosen=False)
    assert card("absence-de-locaux") == (
        "À surveiller", "Aucun local n'est retenu parmi les locaux envisagés.")
    status, evidence = card("faiblesse-portage-politique")
    assert status == "Maîtrisé" and evidence.startswith("Comité de pilotage réuni le ")
    with scope(cite=cite):
        from capacite.governance.models import Meeting

        Meeting.objects.filter(body__kind="steering").delete()
    assert card("faiblesse-portage-politique") == (
        "À surveiller", "L'instance du porteur politique ne s'est jamais réunie.")


def test_each_vigilance_point_keeps_its_own_note_and_the_team_adds_its_own():
    from capacite.roadmap.models import VigilancePoint

    client = lead("rivemont")
    with scope(cite=Cite.objects.get(slug="rivemont")):
        notes = dict(VigilancePoint.objects.exclude(note="").values_list("key", "note"))
    assert len(set(notes.values())) == len(notes)
    url = reverse("roadmap:vigilance_add", kwargs={"cite_slug": "rivemont"})
    response = client.post(url, {"title": "Départ annoncé de la cheffe de projet",
                                 "description": "", "phase": "construction",
                                 "status": "open", "note": "Recrutement à anticiper.",
                                 "version": 0})
    assert response.status_code == 302
    html = page(client, "roadmap:vigilance", "rivemont")
    mine = html.xpath('//li[h3="Départ annoncé de la cheffe de projet"]')[0]
    assert " ".join(mine.text_content().split()) == (
        "Départ annoncé de la cheffe de projet Point ajouté par l'équipe. À surveiller "
        "Notes : Recrutement à anticiper. Mettre à jour « Départ annoncé de la cheffe de "
        "projet »")


def test_a_partner_account_sees_its_own_stance_and_the_aggregate_not_the_others():
    from capacite.partners.models import Organisation, PartnerLink, Position

    client = Client()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="partenaire"))
    cite = Cite.objects.get(slug="rivemont")
    with scope(cite=cite):
        own = PartnerLink.objects.get(membership__user__username="partenaire").organisation
        cgt = Organisation.objects.get(name="Union départementale CGT")
        reason = Position.objects.filter(organisation=cgt).latest("assessed_on").reason
        own_stance = Position.objects.filter(organisation=own).latest("assessed_on")
    listing = page(client, "partners:organisations", "rivemont")
    row = listing.xpath(f'//tr[td/a="{cgt.name}"]')[0]
    assert "Réservée à l'équipe projet" in row.text_content()
    assert "Refus" not in row.text_content()
    mine = listing.xpath(f'//tr[td/a="{own.name}"]')[0]
    assert own_stance.get_stance_display() in mine.text_content()
    detail = client.get(reverse("partners:organisation_detail",
                                kwargs={"cite_slug": "rivemont", "organisation_id": cgt.pk}))
    text = detail.content.decode()
    assert reason and reason not in text
    assert "sont réservées à l'équipe projet" in text
    chart = client.get(reverse("partners:stance_chart", kwargs={"cite_slug": "rivemont"}))
    assert chart.status_code == 200  # the aggregate stays readable
    export = client.get(reverse("partners:export_csv", kwargs={"cite_slug": "rivemont"}))
    assert "Refus" not in export.content.decode("utf-8-sig")


@pytest.mark.parametrize("slug, kind", [("rivemont", "label_projet"),
                                        ("rivemont", "opportunity"),
                                        ("valombre", "label_fonctionnement")])
def test_the_demo_dossiers_pass_the_pre_flight_with_nothing_to_report(slug, kind, demo):
    """Each Cité's dossier of its stage: Rivemont's project dossiers are complete; Valombre's
    label fonctionnement dossier has no contradiction (its activity parts wait for the
    activity app, listed as gaps)."""
    from capacite.label.preflight import preflight_of

    cite = Cite.objects.get(slug=slug)
    with scope(cite=cite), override_settings(MEDIA_ROOT=demo):  # where the demo put its files
        found = preflight_of(cite, kind)
    assert [c.text() for c in found if not c.gap] == []
    if slug == "rivemont":
        assert [c.text() for c in found] == []


@pytest.mark.parametrize("slug, communes", [("rivemont", 38), ("valombre", 24)])
def test_the_demo_territories_are_real_communes_with_their_population(slug, communes):
    from capacite.label.services import territory_data

    cite = Cite.objects.get(slug=slug)
    with scope(cite=cite):
        data = territory_data(cite)
    assert data["communes"] == communes
    assert data["population"] > 50000
    html = page(lead(slug), "territory:cite_territory", slug)
    assert "load_territories" not in html.text_content()


def test_valombre_opened_over_a_year_ago_and_ran_nothing_before_it_opened():
    from capacite.roadmap.models import Task

    with scope(cite=Cite.objects.get(slug="valombre")):
        opening = Task.objects.get(key="ouvrir-au-public").due_date
        early = list(Task.objects.filter(phase="operation", status="done",
                                         due_date__lt=opening).values_list("title", flat=True))
    assert (TODAY - opening).days >= 365
    assert early == []


def test_valombre_has_one_opening_date_the_day_its_opening_task_was_done():
    from capacite.review.services_followup import deadline_of
    from capacite.roadmap.models import Task

    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        opening = Task.objects.get(key="ouvrir-au-public")
    assert opening.status == "done"
    assert cite.opened_on == opening.due_date == date(2025, 11, 21)
    # Open for a year and two weeks: the one-year deadline has passed, the committee is ahead.
    found = deadline_of(cite, today=TODAY)
    assert (found.due, found.level, found.days_left) == (date(2026, 11, 21), "overdue", -15)


def test_valombres_snapshot_is_taken_the_day_its_label_projet_was_deposited():
    from capacite.label.models_followup import ProjectSnapshot
    from capacite.review.models import Submission

    with scope(cite=Cite.objects.get(slug="valombre")):
        deposit = Submission.objects.get(kind="label_projet")
        snapshot = ProjectSnapshot.objects.get()
    assert timezone.localtime(deposit.submitted_at).date() == date(2024, 5, 5)
    assert (snapshot.source, snapshot.taken_on, snapshot.submission_number) == (
        "deposit", date(2024, 5, 5), deposit.number)


def test_no_valombre_indicator_asks_for_an_appointment():
    from capacite.dashboards.models import QualityIndicator

    with scope(cite=Cite.objects.get(slug="valombre")):
        names = list(QualityIndicator.objects.values_list("name", flat=True))
    assert "Attente à l'accueil avant un conseiller (minutes)" in names
    assert [n for n in names if "rendez-vous" in n.lower()] == []


def _bodies(slug: str) -> dict[str, list[str]]:
    from capacite.governance.models import Body

    with scope(cite=Cite.objects.get(slug=slug)):
        return {body.get_kind_display(): sorted(m.organisation.name for m in body.members.all())
                for body in Body.objects.filter(kind__in=["sponsor", "project_lead"])
                .prefetch_related("members__organisation")}


def test_rivemonts_porteurs_are_the_agglomeration_not_the_cci():
    """The text names the agglomération's vice-president: both porteurs are the agglomération."""
    assert _bodies("rivemont") == {
        "Porteur de projet politique": ["Communauté d'agglomération de Rivemont"],
        "Porteur de projet technique": ["Communauté d'agglomération de Rivemont"],
    }


def test_valombre_records_no_porteur_body_its_gip_governs():
    """Open, Valombre is run by its GIP's board: no porteur body to contradict."""
    from capacite.governance.models import Body

    assert _bodies("valombre") == {}
    with scope(cite=Cite.objects.get(slug="valombre")):
        assert sorted(Body.objects.values_list("name", flat=True)) == [
            "Comité technique", "Conseil d'administration du GIP"]


@pytest.mark.parametrize("slug, steps", [
    ("rivemont", [("Communauté d'agglomération de Rivemont", "Conseil communautaire", "voted"),
                  ("Région Val-de-Rive", "Conseil régional", "planned"),
                  ("Département de la Rive", "Commission permanente du Département", "planned"),
                  ("Unité départementale de la DREETS", "Préfecture (arrêté d'approbation)",
                   "planned")]),
    ("valombre", [("Métropole de Valombre", "Conseil de la métropole", "voted"),
                  ("Région Val-de-Rive", "Conseil régional", "voted"),
                  ("France Travail — agence Valombre-Centre", "Conseil d'administration",
                   "voted"),
                  ("CCI de Valombre", "Assemblée générale de la chambre", "voted")]),
])
def test_each_statute_vote_is_filed_under_its_own_organisations_assembly(slug, steps):
    from capacite.governance.models import ValidationStep

    with scope(cite=Cite.objects.get(slug=slug)):
        found = [(s.organisation.name, s.deciding_body, s.status)
                 for s in ValidationStep.objects.select_related("organisation")
                 .order_by("expected_on", "pk")]
    assert found == steps


@pytest.mark.parametrize("name, circle, assembly", [
    ("Métropole de Valombre", "communes", "Conseil de la métropole"),
    ("Communauté d'agglomération de Rivemont", "communes", "Conseil communautaire"),
    ("Communauté de communes du Val", "communes", "Conseil communautaire"),
    ("Ville de Rivemont", "communes", "Conseil municipal"),
    ("Région Val-de-Rive", "region", "Conseil régional"),
    ("Mission locale de Valombre", "", "Conseil d'administration"),
])
def test_the_assembly_that_votes_follows_the_kind_of_institution(name, circle, assembly):
    from capacite.governance.demo import deciding_body
    from capacite.partners.models import Organisation

    assert deciding_body(Organisation(name=name, first_circle=circle)) == assembly


def test_no_demo_text_calls_valombres_metropole_an_agglomeration():
    """Valombre's EPCI is a métropole: no row of the demo, in any text field, says otherwise."""
    from django.apps import apps
    from django.db import models
    from django.db.models import Q
    from django_scopes import scopes_disabled

    assert Cite.objects.get(slug="valombre").territory.startswith(
        "Métropole de Valombre (fictive)")
    found = []
    with scopes_disabled():
        for model in apps.get_models():
            texts = [f.name for f in model._meta.concrete_fields
                     if isinstance(f, (models.CharField, models.TextField))]
            if not texts:
                continue
            query = Q()
            for name in texts:
                query |= Q(**{f"{name}__icontains": "gglomération de Valombre"})
            found += [(model.__name__, pk) for pk in
                      model._base_manager.filter(query).values_list("pk", flat=True)]
    assert found == []


def test_valombres_public_page_shows_its_own_main_site_address():
    html = lxml.html.fromstring(Client().get("/public/valombre/").content)
    card = html.xpath('//section[h3[starts-with(., "Cité des métiers de Valombre — site '
                      'principal")]]')[0]
    assert card.xpath("./p[1]")[0].text_content() == "12, place de la Halle Valombre"
    addresses = [p.text_content().strip() for p in html.xpath("//section[h3]/p[1]")]
    assert addresses == ["12, place de la Halle Valombre",
                         "3, rue des Tanneurs Saint-Aubin-sur-Valombre",
                         "Montclar-la-Forêt"]  # the relay point has no street
    assert "Rivemont" not in html.text_content()


@pytest.mark.parametrize("slug", CITES)
def test_each_poles_partners_work_in_the_poles_field(slug):
    """The offer demo's rule (POLE_FIELDS): a pôle's partners declare its field of action."""
    from capacite.offer.demo import POLE_FIELDS
    from capacite.offer.models import Pole

    with scope(cite=Cite.objects.get(slug=slug)):
        poles = {p.name: [(o.name, o.fields) for o in p.partners.order_by("name")]
                 for p in Pole.objects.prefetch_related("partners")}
    assert sorted(poles) == sorted(POLE_FIELDS)
    unfit = [(pole, name, fields) for pole, partners in poles.items()
             for name, fields in partners if POLE_FIELDS[pole] not in fields]
    assert unfit == []
    assert all(poles.values()), poles


def test_no_valombre_funding_is_paid_without_its_signed_act():
    """The Région's line read « Versé » while its act was « non signé »: money is paid once
    the act is signed; the line still to sign is one not paid yet."""
    from capacite.planning.models import FundingAct, FundingLine

    valombre = Cite.objects.get(slug="valombre")
    with scope(cite=valombre):
        signed = set(FundingAct.objects.values_list("line_id", flat=True))
        state = sorted((line.funder.name, line.status, line.pk in signed) for line in
                       FundingLine.objects.filter(purpose="operating").select_related("funder"))
    assert [row for row in state if row[1] == "paid" and not row[2]] == []
    assert [row[2] for row in state].count(False) == 1  # one act still to sign
