"""Read and write a day's opening spans as people type them: "9:30-12:30, 14h-18h"."""

import re
from datetime import time

from django.utils.translation import gettext as _

from capacite.offer.domain.hours import Span

_SPAN = re.compile(r"^\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*[-–à]\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*$")


class SpansError(ValueError):
    """The text could not be read; the message says why, in the active language."""


def parse_spans(text: str) -> tuple[Span, ...]:
    """Spans from text such as "10:00-13:00, 14h-18h30"; empty text means closed that day."""
    spans = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;/]| et ", text))):
        match = _SPAN.match(part)
        if not match:
            raise SpansError(_("« %(text)s » n'est pas une plage horaire : écrivez par exemple "
                               "« 9:30-12:30, 14:00-18:00 ».") % {"text": part})
        h1, m1, h2, m2 = match.groups()
        try:
            opens, closes = time(int(h1), int(m1 or 0)), time(int(h2), int(m2 or 0))
        except ValueError as exc:
            raise SpansError(_("« %(text)s » contient une heure qui n'existe pas.")
                             % {"text": part}) from exc
        if closes <= opens:
            raise SpansError(_("« %(text)s » : la fermeture doit venir après l'ouverture.")
                             % {"text": part})
        spans.append(Span(opens, closes))
    spans.sort()
    for before, after in zip(spans, spans[1:], strict=False):
        if after.opens < before.closes:
            raise SpansError(_("Les plages %(first)s et %(second)s se chevauchent.") % {
                "first": format_spans((before,)), "second": format_spans((after,))})
    return tuple(spans)


def format_spans(spans: tuple[Span, ...]) -> str:
    return ", ".join(f"{s.opens:%H:%M}-{s.closes:%H:%M}" for s in spans)
