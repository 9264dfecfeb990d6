"""`capacite dossier --cite SLUG --kind opportunity|label_projet --format pdf|docx --out FILE
[--lang fr|en]`: the same generation as the background job, run synchronously in the terminal."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from capacite.core.models import Cite
from capacite.label.domain.parts import FORMATS, KINDS
from capacite.label.dossier.generate import DossierError, generate
from capacite.label.preflight import preflight_of
from capacite.lib.languages import LANGUAGES


class Command(BaseCommand):
    help = ("Génère la note d'opportunité, le dossier de demande de label projet ou le dossier "
            "de confirmation du label fonctionnement d'une Cité.")

    def add_arguments(self, parser):
        parser.add_argument("--cite", required=True, metavar="SLUG",
                            help="Identifiant de la Cité (par exemple rivemont).")
        parser.add_argument("--kind", required=True, choices=KINDS,
                            help="opportunity (note d'opportunité), label_projet ou "
                                 "label_fonctionnement.")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("--out", required=True, type=Path, metavar="FICHIER",
                            help="Fichier à écrire (remplacé s'il existe).")
        parser.add_argument("--lang", choices=LANGUAGES, default="fr",
                            help="Langue du dossier : fr (par défaut) ou en.")
        parser.add_argument("--malgre-contradictions", action="store_true", dest="anyway",
                            help="Générer même si la vérification avant envoi trouve des "
                                 "contradictions (elles sont gardées dans les métadonnées).")

    def handle(self, *args, cite: str, kind: str, fmt: str, out: Path, anyway: bool = False,
               lang: str = "fr", **options):
        found = Cite.objects.filter(slug=cite).first()
        if found is None:
            known = ", ".join(Cite.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"Aucune Cité « {cite} ». Cités connues : {known or 'aucune'}.")
        if not out.parent.is_dir():
            raise CommandError(f"Le dossier « {out.parent} » n'existe pas : rien n'a été écrit.")
        try:
            with scope(cite=found):
                found_now = preflight_of(found, kind) if kind in KINDS else []
                if found_now and not anyway:
                    raise CommandError(
                        f"La vérification avant envoi trouve {len(found_now)} contradiction(s) ; "
                        "rien n'a été écrit. Corrigez-les, ou relancez avec "
                        "--malgre-contradictions :\n" + "\n".join(
                            f"- {c.text()}" for c in found_now))
                result = generate(found, kind=kind, fmt=fmt, lang=lang)
        except DossierError as exc:
            raise CommandError(str(exc)) from exc
        out.write_bytes(result.content)
        pages = f", {result.pages} pages" if result.pages else ""
        self.stdout.write(f"{out} écrit{pages}, en {result.seconds:.1f} s.")
        for text in result.contradictions:
            self.stderr.write(f"Généré malgré cette contradiction : {text}")
        for title in result.unreadable:
            self.stderr.write(f"Annexe illisible, non jointe : {title}")
