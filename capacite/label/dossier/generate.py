"""One code path for every dossier generation: the background job and the `dossier` command."""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify

from capacite.core.memo import reading_once
from capacite.core.models import Cite
from capacite.label.domain.parts import FORMATS, KINDS
from capacite.label.dossier.content import builder_for
from capacite.label.dossier.render_docx import render_docx
from capacite.label.dossier.render_pdf import render_pdf
from capacite.label.preflight import preflight
from capacite.lib.languages import LANGUAGES


class DossierError(ValueError):
    """A request for a dossier that cannot be generated (unknown kind or format)."""


@dataclass(frozen=True)
class Generated:
    content: bytes
    filename: str
    pages: int | None  # PDF only
    seconds: float
    unreadable: tuple[str, ...]  # annexed files that could not be read
    contradictions: tuple[str, ...] = ()  # the pre-flight's, when generated anyway

    def data(self) -> dict:
        """The generation's metadata, kept with the job: a dossier generated in spite of the
        pre-flight's contradictions says so, with each of them."""
        return {"pages": self.pages, "seconds": round(self.seconds, 2),
                "unreadable": list(self.unreadable),
                "generated_anyway": bool(self.contradictions),
                "contradictions": list(self.contradictions)}


def filename_for(cite: Cite, kind: str, fmt: str) -> str:
    prefix = {"opportunity": "note-opportunite", "label_projet": "dossier-label-projet",
              "label_fonctionnement": "dossier-label-fonctionnement"}[kind]
    return f"{prefix}-{slugify(cite.slug)}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def generate(cite: Cite, *, kind: str, fmt: str, lang: str = "fr",
             progress: Callable[[int, str], None] | None = None) -> Generated:
    """Build and render one dossier in `lang` (« fr » or « en »: every word the builders write,
    its figures, the pre-flight's contradictions kept with it and the language its PDF and DOCX
    declare; what the Cité typed stays as typed). Call inside the Cité's scope."""
    if lang not in LANGUAGES:
        raise DossierError(f"Langue inconnue : « {lang} » (attendu : {' ou '.join(LANGUAGES)}).")
    with translation.override(lang), reading_once():
        return _generate(cite, kind=kind, fmt=fmt, progress=progress)


def _generate(cite: Cite, *, kind: str, fmt: str,
              progress: Callable[[int, str], None] | None) -> Generated:
    if kind not in KINDS:
        raise DossierError(f"Type de dossier inconnu : « {kind} » (attendu : "
                           f"{' ou '.join(KINDS)}).")
    if fmt not in FORMATS:
        raise DossierError(f"Format inconnu : « {fmt} » (attendu : {' ou '.join(FORMATS)}).")
    report = progress or (lambda _p, _m: None)
    started = time.perf_counter()
    builder = builder_for(cite, kind, report)
    contradictions = tuple(c.text() for c in preflight(builder))
    dossier = builder.compose()
    report(85, "Mise en page")
    if fmt == "pdf":
        result = render_pdf(dossier)
        content, pages, unreadable = result.content, result.pages, result.unreadable
    else:
        content, pages, unreadable = render_docx(dossier), None, ()
    report(100, "Terminé")
    return Generated(content, filename_for(cite, kind, fmt), pages,
                     time.perf_counter() - started, unreadable, contradictions)
