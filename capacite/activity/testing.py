"""Sample objects for tests/test_permission_matrix.py: a questionnaire with its link, a kiosk
with its activation code, an allowed link."""

from django_scopes import scope


def sample_kwargs(cite) -> dict:
    from capacite.activity.models import AllowedLink, Kiosk, Survey, SurveyLink
    from capacite.activity.public_views import activation_code
    from capacite.offer.models import Site

    with scope(cite=cite):
        site = Site.objects.order_by("pk").first() or Site.objects.create(
            cite=cite, name="Site principal", kind="main")
        survey = Survey.objects.create(cite=cite, title="Questionnaire d'exemple")
        link = SurveyLink.objects.create(cite=cite, survey=survey)
        kiosk = Kiosk.objects.create(cite=cite, site=site, name="Borne d'exemple", survey=survey)
        allowed = AllowedLink.objects.create(cite=cite, label="Onisep",
                                             url="https://www.onisep.fr/")
    return {"survey_id": survey.pk, "survey_token": link.token, "kiosk_id": kiosk.pk,
            "activation": activation_code(kiosk), "allowed_link_id": allowed.pk,
            "survey_link_id": link.pk}
