"""Communication plan: totals by tool, exactly, in euros."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.communication.domain.totals import ToolTotal, grand_total, totals_by_tool
from capacite.communication.models import Action, Tool
from capacite.core.concurrency import save_versioned
from capacite.core.models import Role


def test_totals_by_tool_count_and_sum_and_keep_unused_tools_at_zero():
    totals = totals_by_tool([("flyers", Decimal("650.00")), ("press", Decimal("0")),
                             ("flyers", Decimal("420.50"))], ["website", "flyers", "press"])
    assert totals == [ToolTotal("website", 0, Decimal("0.00")),
                      ToolTotal("flyers", 2, Decimal("1070.50")),
                      ToolTotal("press", 1, Decimal("0"))]
    assert grand_total(totals) == Decimal("1070.50")


@pytest.mark.django_db
def test_the_plan_page_shows_each_tool_total_and_the_grand_total(world):
    with scope(cite=world.cite):
        for title, tool, budget in (("Flyers lycées", Tool.FLYERS, "650.00"),
                                    ("Flyers forum", Tool.FLYERS, "420.50"),
                                    ("Portes ouvertes", Tool.OPEN_DAY, "1500.00")):
            Action.objects.create(cite=world.cite, title=title, tool=tool,
                                  date=date(2027, 3, 1), budget=Decimal(budget))
    client = Client()
    client.force_login(world.users[Role.DIRECTOR])
    page = client.get(reverse("communication:plan", kwargs={"cite_slug": "alpha"}))
    html = page.content.decode()
    assert [(t["label"], t["actions"], t["budget"]) for t in page.context["totals"]
            if t["actions"]] == [("Flyers", 2, Decimal("1070.50")),
                                 ("Journée portes ouvertes", 1, Decimal("1500.00"))]
    assert '<td class="num" id="total-budget">2\u202f570,50\xa0€</td>' in html


@pytest.mark.django_db
def test_an_action_is_added_with_its_budget_and_a_negative_budget_is_refused(world):
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    url = reverse("communication:action_add", kwargs={"cite_slug": "alpha"})
    data = {"title": "Dossier de presse", "tool": "press", "date": "2027-05-01",
            "budget": "-5", "version": 0}
    assert "supérieure ou égale à 0" in client.post(url, data).content.decode()
    data["budget"] = "250.40"
    assert client.post(url, data).status_code == 302
    with scope(cite=world.cite):
        assert Action.objects.get().budget == Decimal("250.40")


@pytest.mark.django_db
def test_an_action_is_removed_after_confirmation_unless_it_changed_meanwhile(world):
    with scope(cite=world.cite):
        for title in ("Flyers lycées", "Flyers forum"):
            Action.objects.create(cite=world.cite, title=title, tool=Tool.FLYERS,
                                  date=date(2027, 3, 1), budget=Decimal("650.00"))
        flyers = Action.objects.get(title="Flyers lycées")
        shown_version = flyers.version
        flyers.budget = Decimal("700.00")
        save_versioned(flyers, expected_version=shown_version)
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    url = reverse("communication:action_delete",
                  kwargs={"cite_slug": "alpha", "action_id": flyers.pk})

    stale = client.post(url, {"confirmer": "oui", "version": shown_version})
    assert stale.status_code == 409
    assert ("Quelqu&#x27;un a modifié cette fiche depuis que vous avez ouvert cette page\u00a0: "
            "rien n&#x27;a été supprimé.") in stale.content.decode()
    with scope(cite=world.cite):
        assert Action.objects.count() == 2

    done = client.post(url, {"confirmer": "oui", "version": flyers.version})
    assert done["Location"] == reverse("communication:plan", args=["alpha"])
    assert [str(m) for m in get_messages(done.wsgi_request)] == [
        "L'action « Flyers lycées » est retirée du plan."]
    with scope(cite=world.cite):
        assert list(Action.objects.values_list("title", flat=True)) == ["Flyers forum"]
