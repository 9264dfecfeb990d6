"""Import of an organisation list (all or nothing) and exports of the list (CSV, XLSX)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from capacite.lib.exports import Column, Sheet, csv_response, xlsx_response
from capacite.lib.tables import bounded
from capacite.partners import services
from capacite.partners.choices import ActorRole, FieldOfAction, FirstCircle, OrganisationKind
from capacite.partners.domain.importing import COLUMNS, parse_file
from capacite.partners.forms import ImportForm
from capacite.partners.templatetags.partners import choice_labels
from capacite.partners.views.organisations import filtered_organisations
from capacite.partners.visibility import own_organisations, stance_visible


def import_organisations(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Upload a file: every error listed and nothing written, or a summary of what was added."""
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, error_count, summary = [], 0, None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = parse_file(upload.read(), upload.name, services.import_vocabulary())
        if result.errors:
            errors, error_count = bounded(result.errors), len(result.errors)
        else:
            summary = services.import_rows(result.rows, cite=request.cite, user=request.user)
    return render(request, "partners/import.html", {
        "form": form, "errors": errors, "error_count": error_count, "summary": summary,
        "columns": [t for _a, t in COLUMNS],
        "vocabulary": services.import_vocabulary().labels,
    })


DATE_COLUMN = "Date de la position"


def export_sheet(organisations) -> Sheet:
    """The list in the import format, labels in French, so an export can be re-imported; the
    position's date is a date (the import reads it back)."""
    with translation.override("fr"):
        kinds, circles = dict(OrganisationKind.choices), dict(FirstCircle.choices)
        rows = []
        for o in organisations:
            stance = o.latest_position
            rows.append([
                o.name, str(kinds.get(o.kind, o.kind)),
                str(circles.get(o.first_circle, "")) if o.first_circle else "",
                " | ".join(choice_labels(o.fields, FieldOfAction)),
                " | ".join(p.label for p in o.publics.all()),
                " | ".join(choice_labels(o.roles, ActorRole)),
                o.commune, o.website,
                str(stance.get_stance_display()) if stance else "",
                stance.assessed_on if stance else None,
            ])
        title = str(_("Organisations"))
    return Sheet(title, [Column(t, "date" if t == DATE_COLUMN else "text") for _a, t in COLUMNS],
                 rows, landscape=True)


def _sheet_for_export(request: HttpRequest) -> Sheet:
    rows, _form = filtered_organisations(request)
    organisations = list(rows)  # the whole filtered list: an export is never paged
    latest = services.latest_positions([o.pk for o in organisations])
    own = own_organisations(request)
    for o in organisations:
        o.latest_position = (latest.get(o.pk) if stance_visible(request, o.pk, own=own)
                             else None)
    return export_sheet(organisations)


def _filename(request: HttpRequest, suffix: str) -> str:
    return f"organisations-{request.cite.slug}-{timezone.localdate():%Y-%m-%d}.{suffix}"


def export_csv(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return csv_response(_sheet_for_export(request), filename=_filename(request, "csv"))


def export_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return xlsx_response([_sheet_for_export(request)], filename=_filename(request, "xlsx"),
                         title=_("Organisations — %(cite)s") % {"cite": request.cite.name},
                         subject=request.cite.name)
