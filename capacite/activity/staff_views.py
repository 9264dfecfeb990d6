"""Staff screens of the questionnaires and the kiosks (scoped by the middleware)."""

from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from capacite.activity import counts
from capacite.activity.domain.questions import CORE_QUESTIONS
from capacite.activity.models import AllowedLink, Kiosk, Survey, SurveyLink, new_token
from capacite.activity.survey_forms import QuestionForm, SurveyForm
from capacite.core.concurrency import save_form_atomically


def surveys(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité's questionnaires with their answers of the last twelve months; a new one."""
    form = SurveyForm(request.POST or None, instance=Survey(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        SurveyLink.objects.create(cite=request.cite, survey=form.instance)
        messages.success(request, _("Le questionnaire « %(t)s » est créé.") % {"t": form.instance})
        return redirect("activity:survey", cite_slug=cite_slug, survey_id=form.instance.pk)
    end = timezone.localdate() + timedelta(days=1)
    start = end - timedelta(days=365)
    rows = [(s, counts.response_count(cite=request.cite, start=start, end=end, survey=s))
            for s in Survey.objects.all()]
    return render(request, "activity/surveys.html", {"rows": rows, "form": form})


def survey(request: HttpRequest, cite_slug: str, survey_id: int) -> HttpResponse:
    """One questionnaire: its links, its results over twelve months, its own questions."""
    from capacite.activity.staff_forms import SurveyLinkForm

    survey = get_object_or_404(Survey, pk=survey_id)
    other = "add_question" in request.POST or "add_link" in request.POST
    form = SurveyForm(request.POST if request.method == "POST" and not other else None,
                      instance=survey, prefix="survey")
    question_form = QuestionForm(request.POST if "add_question" in request.POST else None,
                                 survey=survey, prefix="question")
    link_form = SurveyLinkForm(request.POST if "add_link" in request.POST else None,
                               instance=SurveyLink(cite=request.cite, survey=survey),
                               survey=survey, prefix="link")
    if request.method == "POST":
        if "add_link" in request.POST:
            if save_form_atomically(link_form):
                messages.success(request, _("Le lien pour « %(x)s » est créé, avec ses affiches.")
                                 % {"x": link_form.instance})
                return redirect(request.path)
        elif "add_question" in request.POST:
            question_form.instance.cite, question_form.instance.survey = request.cite, survey
            if save_form_atomically(question_form):
                messages.success(request, _("La question est ajoutée."))
                return redirect(request.path)
        elif save_form_atomically(form):
            messages.success(request, _("Le questionnaire est enregistré."))
            return redirect(request.path)
    end = timezone.localdate() + timedelta(days=1)
    start = end - timedelta(days=365)
    texts = {q.key: q.text for q in CORE_QUESTIONS}
    core = [(texts[r.key], r) for r in counts.core_results(cite=request.cite, start=start,
                                                           end=end, survey=survey)]
    own = counts.own_question_results(cite=request.cite, survey=survey, start=start, end=end)
    links = [(link, request.build_absolute_uri(reverse("survey:answer", args=[link.token])))
             for link in survey.links.select_related("pole", "event")]
    return render(request, "activity/survey.html", {
        "survey": survey, "form": form, "question_form": question_form, "core": core,
        "link_form": link_form,
        "own": [(q, own.get(q.pk, {})) for q in survey.questions.all()], "links": links,
        "answered": counts.response_count(cite=request.cite, start=start, end=end,
                                          survey=survey)})


def survey_poster(request: HttpRequest, cite_slug: str, survey_link_id: int,
                  paper: str) -> HttpResponse:
    """The A4 or A5 poster of one link, with the QR code of its `?via=qr` address."""
    from capacite.activity.posters import poster_pdf

    link = get_object_or_404(SurveyLink.objects.select_related("pole", "event", "cite"),
                             pk=survey_link_id)
    address = request.build_absolute_uri(reverse("survey:answer", args=[link.token]))
    response = HttpResponse(poster_pdf(link, link_address=address, paper=paper, request=request),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="affiche-questionnaire-{link.pk}-{paper}.pdf"')
    return response


def kiosks(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité's kiosks and the outside sites they may open (the « bridage »)."""
    from capacite.activity.staff_forms import AllowedLinkForm, KioskForm

    kiosk_form = KioskForm(request.POST if "add_kiosk" in request.POST else None,
                           instance=Kiosk(cite=request.cite), prefix="kiosk")
    link_form = AllowedLinkForm(request.POST if "add_link" in request.POST else None,
                                instance=AllowedLink(cite=request.cite), prefix="link")
    for form, done in ((kiosk_form, _("La borne est ajoutée.")),
                       (link_form, _("Le lien est ajouté à la liste des sites autorisés."))):
        if form.is_bound and save_form_atomically(form):
            messages.success(request, done)
            return redirect(request.path)
    return render(request, "activity/kiosks.html", {
        "kiosks": Kiosk.objects.select_related("site", "survey"),
        "links": AllowedLink.objects.all(), "kiosk_form": kiosk_form, "link_form": link_form,
        "activation": request.session.pop("kiosk_activation", None)})


@require_POST
def kiosk_activation(request: HttpRequest, cite_slug: str, kiosk_id: int) -> HttpResponse:
    """Make the link, valid for a day, that turns a browser into this kiosk; shown once."""
    from capacite.activity.public_views import activation_code

    kiosk = get_object_or_404(Kiosk, pk=kiosk_id)
    if "retire" in request.POST:
        kiosk.key = new_token()
        kiosk.save(update_fields=["key"])
        messages.success(request, _("Les navigateurs déjà transformés en « %(k)s » ne sont plus "
                                    "des bornes.") % {"k": kiosk})
        return redirect("activity:kiosks", cite_slug=cite_slug)
    url = request.build_absolute_uri(reverse("kiosk:activate", args=[activation_code(kiosk)]))
    request.session["kiosk_activation"] = {"kiosk": kiosk.name, "url": url}
    return redirect("activity:kiosks", cite_slug=cite_slug)


@require_POST
def allowed_link_delete(request: HttpRequest, cite_slug: str, allowed_link_id: int) -> HttpResponse:
    link = get_object_or_404(AllowedLink, pk=allowed_link_id)
    link.delete()
    messages.success(request, _("« %(l)s » n'est plus ouvrable depuis les bornes.") % {"l": link})
    return redirect("activity:kiosks", cite_slug=cite_slug)


def import_history(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Upload past tallies: every error listed with its line and nothing written, or a
    summary of the visits added."""
    from capacite.activity import services
    from capacite.activity.domain.history import COLUMNS
    from capacite.diagnosis.forms import ImportForm
    from capacite.lib.importers import ImportRefused

    form = ImportForm(request.POST or None, request.FILES or None)
    form.fields["file"].help_text = _("Une ligne d'en-tête, puis un passage par ligne, ou un "
                                      "jour et une catégorie par ligne avec la colonne « nombre ».")
    errors: list[str] = []
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = services.import_history(request.cite, upload.read(), upload.name)
        except ImportRefused as refused:
            errors = refused.errors
    return render(request, "activity/import.html", {
        "form": form, "errors": errors, "summary": summary,
        "columns": [title for _attr, title in COLUMNS]})


def attendance(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Headcounts of the events of the last three months (by public when known) and the
    documentation's consultations and loans of the last twelve months, typed in one page."""
    from capacite.activity import attendance as service

    today = timezone.localdate()
    sheet = service.sheet(cite=request.cite, today=today)
    errors: list[str] = []
    if request.method == "POST":
        errors = service.save(cite=request.cite, sheet=sheet, data=request.POST)
        if not errors:
            messages.success(request, _("Les participations et l'usage de la documentation "
                                        "sont enregistrés."))
            return redirect(request.path)
        sheet = service.sheet(cite=request.cite, today=today, data=request.POST)
    return render(request, "activity/attendance.html", {"sheet": sheet, "errors": errors})
