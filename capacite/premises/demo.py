"""Demo premises: Rivemont compares three candidates and has chosen one; Valombre, open for a
year, has its programme and its chosen (and fitted-out) premises.

Called by `capacite.core.demo` inside the Cité's scope, once, when it creates the Cité.
"""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from capacite.core.demo import CONSTRUCTION_SLUG
from capacite.core.models import Cite
from capacite.premises.choices import Zone
from capacite.premises.models import Candidate, SpaceProgramme
from capacite.premises.services import choose

RIVEMONT_PROGRAMME = {"reception": 60, "poles": 180, "documentation": 90, "individual": 40,
                      "collective": 60, "meeting": 50, "exhibition": 40}  # 520 m², 598 needed
VALOMBRE_PROGRAMME = {"reception": 80, "poles": 240, "documentation": 120, "individual": 60,
                      "collective": 80, "meeting": 70, "exhibition": 60}


def plan_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with the plan's title and zones (the demo has no architect)."""
    def text(value: str) -> bytes:
        return value.encode("cp1252", "replace").replace(b"(", b"").replace(b")", b"")

    stream = b"BT /F1 18 Tf 60 760 Td (" + text(title) + b") Tj /F1 12 Tf"
    for line in lines:
        stream += b" 0 -24 Td (" + text(line) + b") Tj"
    stream += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def build_premises_demo(*, cite: Cite, today: date) -> None:
    from capacite.partners.models import Organisation

    organisations = list(Organisation.objects.order_by("name"))
    if cite.slug == CONSTRUCTION_SLUG:
        SpaceProgramme.objects.create(cite=cite, **RIVEMONT_PROGRAMME,
                                      notes="Programme établi avec l'architecte de "
                                            "l'agglomération, à confirmer avec Universcience.")
        halle = Candidate.objects.create(
            cite=cite, name="Ancienne halle aux grains", address="12, place de la Halle",
            commune="Rivemont", surface_m2=640, transport="good",
            transport_notes="Tram A, arrêt Halle à 150 m ; bus 4 et 12", step_free=True,
            central=True, open_plan=True, rent_eur=Decimal("48000"),
            works_eur=Decimal("310000"),
            notes="Propriété de l'agglomération ; plateau unique de plain-pied.")
        halle.shared_with.set([o for o in organisations
                               if o.name == "Mission locale du Pays de Rivemont"])
        Candidate.objects.create(
            cite=cite, name="Immeuble du Forum, 2e étage", address="4, avenue du Forum",
            commune="Rivemont", surface_m2=520, transport="good",
            transport_notes="Gare routière à 200 m", step_free=True, central=True,
            open_plan=False, rent_eur=Decimal("62000"), works_eur=Decimal("120000"),
            notes="Bureaux cloisonnés ; ascenseur.")
        Candidate.objects.create(
            cite=cite, name="Zone d'activités des Prés", address="Rue des Artisans",
            commune="Saint-Aubin-sur-Rive", surface_m2=900, transport="poor",
            transport_notes="Bus 21, quatre passages par jour", step_free=False, central=False,
            open_plan=True, rent_eur=Decimal("30000"), works_eur=Decimal("450000"),
            notes="Ancien entrepôt ; quai de chargement à 1,20 m du sol.")
        _choose_with_plan(halle, "Plan d'aménagement — ancienne halle aux grains")
    else:
        SpaceProgramme.objects.create(cite=cite, **VALOMBRE_PROGRAMME)
        site = Candidate.objects.create(
            cite=cite, name="Maison de l'emploi de Valombre, rez-de-chaussée",
            address="12, place de la Halle", commune="Valombre", surface_m2=820,
            transport="good", transport_notes="Métro ligne 1, station Halle ; bus 3, 7 et 9",
            step_free=True, central=True, open_plan=True, rent_eur=Decimal("72000"),
            works_eur=Decimal("380000"),
            notes="Aménagé en plateau ouvert ; ouvert au public depuis un an.")
        site.shared_with.set([o for o in organisations
                              if o.name in ("Mission locale de Valombre",
                                            "Cap emploi de Valombre")])
        _choose_with_plan(site, "Plan d'aménagement — Maison de l'emploi de Valombre")


def _choose_with_plan(candidate: Candidate, title: str) -> None:
    choose(candidate)
    candidate.refresh_from_db()
    programme = SpaceProgramme.objects.get()
    lines = [f"{label} : {getattr(programme, zone)} m²" for zone, label in Zone.choices]
    lines.append(f"Surface du local : {candidate.surface_m2} m²")
    candidate.plan_filename = "plan-amenagement.pdf"
    candidate.plan.save("plan-amenagement.pdf", ContentFile(plan_pdf(title, lines)), save=True)
