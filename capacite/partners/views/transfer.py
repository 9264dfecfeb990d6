"""Import of an organisation list (all or nothing) and exports of the list (CSV, XLSX)."""

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from capacite.partners import services
from capacite.partners.choices import ActorRole, FieldOfAction, FirstCircle, OrganisationKind
from capacite.partners.domain.exporting import neutralise_rows
from capacite.partners.domain.importing import COLUMNS, parse_file
from capacite.partners.forms import ImportForm
from capacite.partners.templatetags.partners import choice_labels
from capacite.partners.views.organisations import filtered_organisations

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def import_organisations(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Upload a file: every error listed and nothing written, or a summary of what was added."""
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, summary = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = parse_file(upload.read(), upload.name, services.import_vocabulary())
        if result.errors:
            errors = [str(issue) for issue in result.errors]
        else:
            summary = services.import_rows(result.rows, cite=request.cite, user=request.user)
    return render(request, "partners/import.html", {
        "form": form, "errors": errors, "summary": summary, "columns": [t for _a, t in COLUMNS],
        "vocabulary": services.import_vocabulary().labels,
    })


def export_rows(organisations) -> list[list[str]]:
    """The list in the import format, labels in French, so an export can be re-imported."""
    with translation.override("fr"):
        kinds, circles = dict(OrganisationKind.choices), dict(FirstCircle.choices)
        rows = [[title for _a, title in COLUMNS]]
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
                stance.assessed_on.strftime("%d/%m/%Y") if stance else "",
            ])
    return neutralise_rows(rows)


def _rows_for_export(request: HttpRequest) -> list[list[str]]:
    organisations, _form = filtered_organisations(request)
    latest = services.latest_positions([o.pk for o in organisations])
    for o in organisations:
        o.latest_position = latest.get(o.pk)
    return export_rows(organisations)


def _filename(request: HttpRequest, suffix: str) -> str:
    return f"organisations-{request.cite.slug}-{timezone.localdate():%Y-%m-%d}.{suffix}"


def export_csv(request: HttpRequest, cite_slug: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(request, "csv")}"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly only with the BOM
    csv.writer(response, delimiter=";").writerows(_rows_for_export(request))
    return response


def export_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Organisations")[:31]
    for row in _rows_for_export(request):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(request, "xlsx")}"'
    return response
