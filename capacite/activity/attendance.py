"""The page where the team types events' headcounts and the documentation's monthly use.

Each input is named after what it counts (`ev-<event>-<public or "x">`, `doc-<yyyy-mm>-c|l`), so
the page is one form; an empty input removes the figure. Totals are read through `counts`.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from capacite.activity.models import DocumentationUse, EventHeadcount

MAX_FIGURE = 100_000


def _months(today: date, n: int = 12) -> list[date]:
    months, month = [], today.replace(day=1)
    for _i in range(n):
        months.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return months


def sheet(*, cite, today: date, data=None) -> dict:
    """The events of the last 90 days with their inputs, and the last twelve months."""
    from capacite.events.models import Event, EventStatus
    from capacite.partners.models import Public

    publics = list(Public.objects.filter(cite=cite))
    stored = {(h.event_id, h.public_id): h.count
              for h in EventHeadcount.objects.filter(cite=cite)}
    events = []
    for event in (Event.objects.filter(cite=cite, status=EventStatus.RETAINED,
                                       starts_at__date__gte=today - timedelta(days=90),
                                       starts_at__date__lte=today)
                  .order_by("-starts_at").prefetch_related("publics")):
        targeted = list(event.publics.all()) or []
        inputs = []
        for public in [*targeted, None]:
            name = f"ev-{event.pk}-{public.pk if public else 'x'}"
            value = data.get(name, "") if data is not None else stored.get(
                (event.pk, public.pk if public else None), "")
            inputs.append({"name": name, "label": public.get_label_display() if public else
                           _("autres ou public non noté"), "value": value})
        events.append({"event": event, "inputs": inputs})
    uses = {u.month: u for u in DocumentationUse.objects.filter(cite=cite)}
    months = []
    for month in _months(today):
        use = uses.get(month)
        key = month.strftime("%Y-%m")
        months.append({"month": month, "c": f"doc-{key}-c", "l": f"doc-{key}-l",
                       "cv": data.get(f"doc-{key}-c", "") if data is not None
                       else (use.consultations if use else ""),
                       "lv": data.get(f"doc-{key}-l", "") if data is not None
                       else (use.loans if use else "")})
    return {"events": events, "months": months, "publics": publics}


def _number(raw: str, label: str, errors: list[str]) -> int | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > MAX_FIGURE:
        errors.append(_("%(label)s : « %(raw)s » n'est pas un nombre entier de 0 à %(max)s.")
                      % {"label": label, "raw": raw, "max": MAX_FIGURE})
        return None
    return int(raw)


def save(*, cite, sheet: dict, data) -> list[str]:
    """Store every figure of the page, or nothing if one is wrong (the errors, in French)."""
    errors: list[str] = []
    headcounts = []
    for row in sheet["events"]:
        event = row["event"]
        for item in row["inputs"]:
            label = f"« {event.title} » ({event.starts_at:%d/%m/%Y}), {item['label']}"
            value = _number(data.get(item["name"], ""), label, errors)
            public = item["name"].rsplit("-", 1)[1]
            headcounts.append((event, None if public == "x" else int(public), value))
    uses = []
    for month in sheet["months"]:
        label = month["month"].strftime("%m/%Y")
        uses.append((month["month"],
                     _number(data.get(month["c"], ""), _("Consultations %(m)s") % {"m": label},
                             errors),
                     _number(data.get(month["l"], ""), _("Prêts %(m)s") % {"m": label},
                             errors)))
    if errors:
        return errors
    with transaction.atomic():
        for event, public_id, value in headcounts:
            rows = EventHeadcount.objects.filter(cite=cite, event=event, public_id=public_id)
            if value is None:
                rows.delete()
            elif not rows.update(count=value):
                EventHeadcount.objects.create(cite=cite, event=event, public_id=public_id,
                                              count=value)
        for month, consultations, loans in uses:
            if consultations is None and loans is None:
                DocumentationUse.objects.filter(cite=cite, month=month).delete()
            else:
                DocumentationUse.objects.update_or_create(
                    cite=cite, month=month, defaults={"consultations": consultations or 0,
                                                      "loans": loans or 0})
    return []
