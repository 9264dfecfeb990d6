"""The questionnaire answered anonymously, and the kiosk turned on by an expiring link."""

import html
import uuid

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from capacite.activity.models import (
    AllowedLink,
    Kiosk,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyLink,
    SurveyQuestion,
    SurveyResponse,
    Visit,
)
from capacite.activity.public_views import ACTIVATION_SALT, KIOSK_COOKIE, activation_code
from capacite.core.models import Role
from capacite.offer.models import Pole, Site
from capacite.testing import client_for


@pytest.fixture
def survey(world):
    with scope(cite=world.cite):
        survey = Survey.objects.create(cite=world.cite, title="Votre avis",
                                       free_text_enabled=True)
        pole = Pole.objects.create(cite=world.cite, name="Trouver un emploi")
        choice = SurveyQuestion.objects.create(cite=world.cite, survey=survey, position=1,
                                               text="Comment nous avez-vous connus ?",
                                               kind=QuestionKind.CHOICE,
                                               choices=["Presse", "Autre"])
        text = SurveyQuestion.objects.create(cite=world.cite, survey=survey, position=2,
                                             text="Une remarque ?", kind=QuestionKind.TEXT)
        link = SurveyLink.objects.create(cite=world.cite, survey=survey, pole=pole)
    return {"survey": survey, "pole": pole, "choice": choice, "text": text, "link": link,
            "url": reverse("survey:answer", args=[link.token])}


def test_a_visitor_answers_without_account_and_the_staff_reads_the_result(client, world,
                                                                            survey):
    page = client.get(survey["url"])
    assert page.status_code == 200 and not client.cookies
    answer = client.post(survey["url"] + "?via=qr", {
        "client_id": str(uuid.uuid4()), "website": "", "found_answer": "yes", "welcome": "5",
        "overall": "4", f"q{survey['choice'].pk}": "Presse",
        f"q{survey['text'].pk}": "Je m'appelle Julie Martin, écrivez à julie@example.fr merci"})
    assert answer.status_code == 302 and not client.cookies
    with scope(cite=world.cite):
        response = SurveyResponse.objects.get()
        assert (response.day, response.channel, response.pole, response.found_answer,
                response.welcome, response.overall, response.advice) == (
            timezone.localdate(), "qr", survey["pole"], True, 5, 4, None)
        assert sorted(SurveyAnswer.objects.values_list("choice", "text")) == [
            ("", "[…], écrivez à […] merci"), ("Presse", "")]
    staff = client_for(world, Role.DIRECTOR)
    results = staff.get(reverse("activity:survey", args=[world.cite.slug,
                                                         survey["survey"].pk])).content.decode()
    assert "1 réponse sur les douze derniers mois." in results
    assert "5,00 sur 5" in results or "5.00 sur 5" in results


def test_a_double_submission_is_one_answer_and_the_trap_stores_nothing(client, world, survey):
    client_id = str(uuid.uuid4())
    for _ in range(2):
        client.post(survey["url"], {"client_id": client_id, "overall": "3"})
    client.post(survey["url"], {"client_id": str(uuid.uuid4()), "overall": "1",
                                "website": "http://spam.example"})
    with scopes_disabled():
        assert list(SurveyResponse.objects.values_list("overall", flat=True)) == [3]


def test_answers_beyond_the_rate_limit_are_not_stored(client, world, survey, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "rate-test"}}
    from capacite.activity import survey_services

    for _ in range(survey_services.MAX_PER_WINDOW + 3):
        client.post(survey["url"], {"client_id": str(uuid.uuid4()), "overall": "5"})
    with scopes_disabled():
        assert SurveyResponse.objects.count() == survey_services.MAX_PER_WINDOW


@pytest.fixture
def kiosk(world):
    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        kiosk = Kiosk.objects.create(cite=world.cite, site=site, name="Borne de l'entrée")
        AllowedLink.objects.create(cite=world.cite, label="Onisep",
                                   url="https://www.onisep.fr/")
    return kiosk


def test_a_browser_is_not_a_kiosk_until_it_opens_an_activation_link(client, world, kiosk):
    page = html.unescape(client.get(reverse("kiosk:start")).content.decode())
    assert "Ce navigateur n'est pas une borne" in page
    client.get(reverse("kiosk:activate", args=[activation_code(kiosk)]))
    page = html.unescape(client.get(reverse("kiosk:start")).content.decode())
    assert 'data-testid="kiosk-start"' in page and 'href="https://www.onisep.fr/"' in page
    assert 'data-allowed="https://www.onisep.fr/"' in page


def test_an_activation_link_older_than_a_day_is_refused(client, world, kiosk, monkeypatch):
    code = activation_code(kiosk)
    real = signing.TimestampSigner.unsign

    def late(self, value, max_age=None):
        return real(self, value, max_age=-1 if max_age else None)

    monkeypatch.setattr(signing.TimestampSigner, "unsign", late)
    page = html.unescape(client.get(reverse("kiosk:activate", args=[code])).content.decode())
    assert "Ce lien d'activation a expiré" in page and KIOSK_COOKIE not in client.cookies
    assert ACTIVATION_SALT


def test_retiring_a_kiosk_turns_its_browsers_back_into_ordinary_ones(client, world, kiosk):
    client.get(reverse("kiosk:activate", args=[activation_code(kiosk)]))
    director = client_for(world, Role.DIRECTOR)
    director.post(reverse("activity:kiosk_activation", args=[world.cite.slug, kiosk.pk]),
                  {"retire": "1"})
    assert "pas une borne" in client.get(reverse("kiosk:start")).content.decode()


def test_a_kiosk_counts_each_use_once_as_a_borne_visit(client, world, kiosk):
    client.get(reverse("kiosk:activate", args=[activation_code(kiosk)]))
    use_id = str(uuid.uuid4())
    for _ in range(2):
        client.post(reverse("kiosk:use"), {"client_id": use_id})
    with scope(cite=world.cite):
        assert list(Visit.objects.values_list("kind", "source", "site")) == [
            ("kiosk", "kiosk", kiosk.site_id)]


def _survey_page(world, survey):
    return reverse("activity:survey", args=[world.cite.slug, survey.pk])


def test_the_team_adds_a_link_for_a_pole_with_its_posters(world, survey):
    with scope(cite=world.cite):
        pole = Pole.objects.create(cite=world.cite, name="Changer de métier")
    staff = client_for(world, Role.PROJECT_LEAD)
    done = staff.post(_survey_page(world, survey["survey"]),
                      {"add_link": "1", "link-pole": str(pole.pk), "link-event": ""}, follow=True)
    page = done.content.decode()
    with scope(cite=world.cite):
        link = SurveyLink.objects.get(survey=survey["survey"], pole=pole)
    assert (link.cite, link.event) == (world.cite, None)
    assert ("Le lien pour «\u00a0Changer de métier\u00a0» est créé, avec ses affiches."
            in html.unescape(page))
    answer = done.wsgi_request.build_absolute_uri(reverse("survey:answer", args=[link.token]))
    a4 = reverse("activity:survey_poster_a4", args=[world.cite.slug, link.pk])
    a5 = reverse("activity:survey_poster_a5", args=[world.cite.slug, link.pk])
    assert (f'<li>Changer de métier\u00a0: <a href="{answer}">{answer}</a> — affiche <a '
            f'href="{a4}">A4 (PDF)</a>, <a href="{a5}">A5 (PDF)</a></li>') in page
    poster = staff.get(a4)
    assert (poster.status_code, poster["Content-Type"]) == (200, "application/pdf")
    again = staff.post(_survey_page(world, survey["survey"]),
                       {"add_link": "1", "link-pole": str(pole.pk), "link-event": ""})
    assert "Ce questionnaire a déjà un lien pour «\u00a0Changer de métier\u00a0»." in html.unescape(
        again.content.decode())
    with scope(cite=world.cite):
        assert SurveyLink.objects.filter(pole=pole).count() == 1


def test_a_link_for_another_cites_pole_or_for_nothing_is_refused(world, survey):
    with scope(cite=world.foreign):
        foreign = Pole.objects.create(cite=world.foreign, name="Pôle de Bêta")
    with scopes_disabled():
        before = SurveyLink.objects.count()
    staff = client_for(world, Role.DIRECTOR)
    refused = staff.post(_survey_page(world, survey["survey"]),
                         {"add_link": "1", "link-pole": str(foreign.pk), "link-event": ""})
    assert refused.status_code == 200
    assert "Ce pôle n&#x27;est pas un pôle de la Cité." in refused.content.decode()
    empty = staff.post(_survey_page(world, survey["survey"]),
                       {"add_link": "1", "link-pole": "", "link-event": ""})
    assert "Choisissez un pôle ou un événement." in empty.content.decode()
    with scopes_disabled():
        assert SurveyLink.objects.count() == before


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.STAFF])
def test_reception_and_advisers_cannot_add_a_link(world, survey, role):
    with scope(cite=world.cite):
        pole = Pole.objects.create(cite=world.cite, name="Changer de métier")
    reader = client_for(world, role)
    assert "add-link" not in reader.get(_survey_page(world, survey["survey"])).content.decode()
    refused = reader.post(_survey_page(world, survey["survey"]),
                          {"add_link": "1", "link-pole": str(pole.pk), "link-event": ""})
    assert refused.status_code == 403
    with scope(cite=world.cite):
        assert not SurveyLink.objects.filter(pole=pole).exists()


def test_a_link_for_an_event_to_come_and_not_for_a_past_one(world, survey):
    from datetime import timedelta

    from capacite.events.models import Event

    now = timezone.now()
    with scope(cite=world.cite):
        forum = Event.objects.create(cite=world.cite, title="Forum de l'alternance",
                                     starts_at=now + timedelta(days=3),
                                     ends_at=now + timedelta(days=3, hours=4))
        past = Event.objects.create(cite=world.cite, title="Atelier CV",
                                    starts_at=now - timedelta(days=3),
                                    ends_at=now - timedelta(days=3) + timedelta(hours=2))
    staff = client_for(world, Role.PROJECT_LEAD)
    page = staff.get(_survey_page(world, survey["survey"])).content.decode()
    assert "Forum de l&#x27;alternance — " in page and "Atelier CV" not in page
    refused = staff.post(_survey_page(world, survey["survey"]),
                         {"add_link": "1", "link-pole": "", "link-event": str(past.pk)})
    assert ("Cet événement n&#x27;est pas un événement à venir de la Cité."
            in refused.content.decode())
    done = staff.post(_survey_page(world, survey["survey"]),
                      {"add_link": "1", "link-pole": "", "link-event": str(forum.pk)}, follow=True)
    assert "<li>Forum de l&#x27;alternance\u00a0: <a href=" in done.content.decode()
    with scope(cite=world.cite):
        assert list(SurveyLink.objects.filter(event__isnull=False).values_list(
            "event", "pole")) == [(forum.pk, None)]
