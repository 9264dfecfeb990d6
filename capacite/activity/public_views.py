"""Pages for anonymous visitors: the questionnaire through its link or QR code, and the kiosk.

No login, no cookie that follows a visitor, nothing about the request stored. These URLs carry
no `cite_slug` (the scope middleware opens no scope): each view finds its Cité from the link's
token or from the kiosk's signed cookie, and opens that Cité's scope itself.
"""

import uuid

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from capacite.activity import survey_services
from capacite.activity.domain.slots import slot_of
from capacite.activity.models import Channel, Kiosk, Source, SurveyLink, Visit, VisitKind
from capacite.activity.survey_forms import AnswerForm

KIOSK_COOKIE = "capacite_kiosk"
KIOSK_SALT = "capacite.activity.kiosk"
ACTIVATION_SALT = "capacite.activity.kiosk.activation"
ACTIVATION_SECONDS = 24 * 3600
KIOSK_COOKIE_SECONDS = 400 * 24 * 3600


# --- the questionnaire through its link -------------------------------------------------------

@csrf_exempt  # no session to ride on; client_id, the trap field and the rate limit guard it
def answer(request: HttpRequest, survey_token: str) -> HttpResponse:
    with scopes_disabled():
        link = (SurveyLink.objects.select_related("survey", "cite", "pole", "event")
                .filter(token=survey_token).first())
    if link is None:
        raise Http404
    with scope(cite=link.cite):
        survey = link.survey
        if not survey.active:
            return render(request, "activity/answer_closed.html", {"cite": link.cite})
        form = AnswerForm(request.POST or None, survey=survey)
        if request.method == "POST" and form.is_valid():
            if not form.cleaned_data["website"] and survey_services.allow(f"link.{survey_token}"):
                channel = Channel.QR if request.GET.get("via") == "qr" else Channel.LINK
                survey_services.save_answer(survey=survey, data=form.cleaned_data,
                                            channel=channel, pole=link.pole, event=link.event)
            return redirect("survey:thanks", survey_token=survey_token)
        return render(request, "activity/answer.html", {
            "cite": link.cite, "survey": survey, "link": link, "form": form})


def thanks(request: HttpRequest, survey_token: str) -> HttpResponse:
    with scopes_disabled():
        link = SurveyLink.objects.select_related("cite").filter(token=survey_token).first()
    if link is None:
        raise Http404
    return render(request, "activity/answer_thanks.html", {"cite": link.cite})


# --- the kiosk ---------------------------------------------------------------------------------

def activation_code(kiosk: Kiosk) -> str:
    """The secret of the link that turns a browser into `kiosk`, valid for a day."""
    return signing.dumps({"k": kiosk.pk, "key": kiosk.key}, salt=ACTIVATION_SALT)


def _kiosk_of(request: HttpRequest) -> Kiosk | None:
    """The kiosk this browser was turned into, if its cookie is genuine and its key current."""
    try:
        data = signing.loads(request.COOKIES.get(KIOSK_COOKIE, ""), salt=KIOSK_SALT)
    except signing.BadSignature:
        return None
    with scopes_disabled():
        return (Kiosk.objects.select_related("cite", "site", "survey")
                .filter(pk=data.get("k"), key=data.get("key")).first())


def activate(request: HttpRequest, activation: str) -> HttpResponse:
    """Turn this browser into the kiosk named by an activation link, if under a day old."""
    try:
        data = signing.loads(activation, salt=ACTIVATION_SALT, max_age=ACTIVATION_SECONDS)
    except signing.BadSignature:
        return render(request, "activity/kiosk_not_active.html", {"expired": True})
    with scopes_disabled():
        kiosk = Kiosk.objects.filter(pk=data.get("k"), key=data.get("key")).first()
    if kiosk is None:
        return render(request, "activity/kiosk_not_active.html", {"expired": True})
    response = redirect("kiosk:start")
    response.set_cookie(KIOSK_COOKIE, signing.dumps({"k": kiosk.pk, "key": kiosk.key},
                                                    salt=KIOSK_SALT),
                        max_age=KIOSK_COOKIE_SECONDS, httponly=True, samesite="Strict")
    return response


def kiosk_view(view):
    """Run `view` for the kiosk this browser is, inside its Cité's scope; else explain."""
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        kiosk = _kiosk_of(request)
        if kiosk is None:
            return render(request, "activity/kiosk_not_active.html", {"expired": False})
        with scope(cite=kiosk.cite):
            return view(request, kiosk, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _kiosk_context(kiosk: Kiosk, **extra) -> dict:
    from capacite.activity.models import AllowedLink

    return {"kiosk": kiosk, "cite": kiosk.cite,
            "allowed_links": list(AllowedLink.objects.filter(cite=kiosk.cite)), **extra}


@kiosk_view
def start(request: HttpRequest, kiosk: Kiosk) -> HttpResponse:
    """The start screen: pôles, today's hours and events, the search, the questionnaire and
    the allowed links — nothing else is reachable from it."""
    from capacite.documentation.forms import SearchForm
    from capacite.events.services import events_on
    from capacite.offer.models import Pole
    from capacite.offer.services import opening_on

    site = kiosk.site
    return render(request, "activity/kiosk_start.html", _kiosk_context(
        kiosk, poles=list(Pole.objects.filter(sites=site)) or list(Pole.objects.all()),
        opening=opening_on(site, timezone.localdate()), events=events_on(timezone.localdate()),
        search_form=SearchForm()))


@kiosk_view
def documentation(request: HttpRequest, kiosk: Kiosk) -> HttpResponse:
    """The catalogue search, fifty results at a time; a resource's web address is a link only
    if it is allowed."""
    from capacite.activity.models import AllowedLink
    from capacite.documentation.forms import SearchForm
    from capacite.documentation.services import search_resources
    from capacite.lib.paging import page_of

    form = SearchForm(request.GET or None)
    allowed = [link.url for link in AllowedLink.objects.filter(cite=kiosk.cite)]
    results = page_of(request, search_resources(form.filters()) if request.GET else [])
    return render(request, "activity/kiosk_documentation.html", _kiosk_context(
        kiosk, form=form, searched=bool(request.GET), paged=results,
        results=[(r, any(r.url.startswith(a) for a in allowed) if r.url else False)
                 for r in results.items]))


@csrf_exempt  # the kiosk's cookie is SameSite=Strict: no other site can post with it
@kiosk_view
def kiosk_survey(request: HttpRequest, kiosk: Kiosk) -> HttpResponse:
    survey = kiosk.survey
    if survey is None or not survey.active:
        return redirect("kiosk:start")
    form = AnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"] and survey_services.allow(f"kiosk.{kiosk.pk}"):
            survey_services.save_answer(survey=survey, data=form.cleaned_data,
                                        channel=Channel.KIOSK)
        return render(request, "activity/kiosk_thanks.html", _kiosk_context(kiosk))
    return render(request, "activity/kiosk_survey.html", _kiosk_context(
        kiosk, survey=survey, form=form))


@csrf_exempt
@require_POST
@kiosk_view
def use(request: HttpRequest, kiosk: Kiosk) -> JsonResponse:
    """Count one use of the kiosk (the first touch after its start screen) as a « borne »
    visit, once per id the kiosk made."""
    try:
        client_id = uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        return JsonResponse({"counted": False}, status=400)
    now = timezone.localtime()
    _visit, created = Visit.objects.get_or_create(
        client_id=client_id, defaults={"cite": kiosk.cite, "site": kiosk.site, "day": now.date(),
                                       "slot": slot_of(now.time()), "kind": VisitKind.KIOSK,
                                       "source": Source.KIOSK})
    return JsonResponse({"counted": created})
