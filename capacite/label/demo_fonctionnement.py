"""Demo: Valombre, open for a year and two weeks, prepares its label fonctionnement.

Its label projet was deposited with a snapshot of its figures; the year since planted a few real
gaps, each answered by the team: the main site closes two hours earlier on Saturdays (40 → 38 h),
one pôle changed partner, the Afpa withdrew its adviser, and the scenario was re-costed (FTE and
budget −5 %). Two experimental actions, the fitted spaces with their signage and photos, signed
acts for most funding lines, the links with the network and an opinion on the draft complete it,
so its dossier has no empty part except the dashboards the activity app will fill.
"""

import io
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from capacite.core.demo import OPEN_SLUG
from capacite.core.models import Cite
from capacite.lib.money import format_money

ANSWERS = {
    "site:Cité des métiers de Valombre — site principal": (
        "Le samedi après-midi accueillait moins de cinq visiteurs par heure sur les six "
        "premiers mois ; les conseillers y étaient sous-employés.",
        "Fermeture à 15 h le samedi ; les deux heures sont reportées sur une soirée du jeudi "
        "jusqu'à 20 h à partir de la rentrée, à tester six mois."),
    "pole:Créer son activité": (
        "L'union départementale CFDT a réorienté ses permanences vers le pôle « Changer sa vie "
        "professionnelle » ; la CCI, déjà présente, a repris l'animation du pôle.",
        "Convention de pôle signée avec la CCI ; la CFDT reste membre du comité technique."),
    "partner:Afpa de Valombre": (
        "L'Afpa a fermé son antenne de Valombre en mars et ne peut plus mettre de conseiller "
        "à disposition (0,4 ETP).",
        "Les ateliers « Découvrir les métiers de l'industrie » sont repris par le Greta ; "
        "l'Afpa intervient désormais lors des forums, sans permanence."),
    "fte": (
        "Le scénario a été recalculé sur l'activité réelle de la première année : le départ "
        "de l'Afpa et la fermeture du samedi après-midi réduisent le besoin d'accueil.",
        "Pas de recrutement sur le demi-poste d'accueil du samedi ; le besoin sera revu au "
        "bilan de la deuxième année."),
    "budget": (
        "Le loyer a été renégocié avec la Métropole et le demi-poste d'accueil n'a pas été "
        "pourvu.",
        "Budget présenté au conseil d'administration du GIP ; l'économie finance les actions "
        "expérimentales de la deuxième année."),
}

SPACES = (
    ("reception", "Accueil général", 90, "Banque d'accueil basse accessible, 6 places assises, "
     "écran des événements du jour.", "Totem à l'entrée, fléchage au sol par couleur de pôle."),
    ("poles", "Plateau des pôles de conseil", 320, "Cinq îlots ouverts, un par pôle, chacun "
     "avec deux postes de conseil et une table d'entretien.",
     "Suspensions colorées au nom de chaque pôle, visibles dès l'entrée."),
    ("documentation", "Espace documentation", 140, "Libre accès : 2 300 ressources, 8 postes "
     "informatiques, imprimante.", "Bandeaux thématiques au-dessus des rayonnages."),
    ("collective", "Salle des ateliers", 80, "24 places, vidéoprojecteur, cloison mobile.",
     "Planning du jour affiché à la porte."),
    ("exhibition", "Espace d'exposition", 60, "Cimaises et vitrines pour les métiers à "
     "l'honneur.", "Panneau « Métier du mois » renouvelé chaque mois."),
)


def _photo(text: str, colour: tuple[int, int, int]) -> bytes:
    """A plain demo picture standing for a photo of the space."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 260, 600, 360), fill=(255, 255, 255))
    draw.text((60, 300), text, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def build_fonctionnement_demo(*, cite: Cite, today: date) -> None:
    from capacite.label.conformity import current_figures, take_snapshot
    from capacite.label.domain.conformity import Figures
    from capacite.label.models_followup import ExperimentalAction, GapAnswer

    if cite.slug != OPEN_SLUG or ExperimentalAction.objects.exists():
        return
    # Opened the day its roadmap task « ouvrir-au-public » was done (core demo, a year and two
    # weeks ago): the one-year deadline has just passed, the committee is planned in 75 days.
    cite.refresh_from_db(fields=["opened_on"])
    opened_on = cite.opened_on
    lead = get_user_model().objects.get(username="porteur2")

    # The label projet as deposited: today's figures before the year's changes, with the FTE
    # and the budget as first costed (5 % above the re-costed scenario).
    before = current_figures(cite)
    _plant_gaps()
    after = current_figures(cite)
    budget_before = (after.budget_total / Decimal("0.95") / 1000).quantize(Decimal(1)) * 1000
    lines = dict(after.budget_lines)
    staff = "64 Charges de personnel"
    if staff in lines:
        lines[staff] += budget_before - after.budget_total
    before = Figures(**{**before.__dict__, "fte": after.fte + Decimal("0.5"),
                        "budget_total": budget_before, "budget_lines": lines})
    # Kept with the label projet as deposited (review's demo): its date and number.
    from capacite.review.models import DossierKind, Submission

    deposit = (Submission.objects.filter(cite=cite, kind=DossierKind.LABEL_PROJET)
               .order_by("-number").first())
    take_snapshot(cite, on=(timezone.localtime(deposit.submitted_at).date() if deposit
                            else opened_on - timedelta(days=565)),
                  submission_number=deposit.number if deposit else 1, figures=before)
    for key, (explanation, measure) in ANSWERS.items():
        GapAnswer.objects.create(cite=cite, key=key, explanation=explanation, measure=measure,
                                 updated_by=lead)
    _experiments(cite, today)
    _spaces(cite)
    _plan(cite)
    _acts(cite, today)
    _network(cite, today, lead)


def _plant_gaps() -> None:
    """The year's real changes: Saturday closes at 15:00, a pôle's partner, the Afpa gone."""
    from capacite.offer.models import Pole, Site, WeeklyHours
    from capacite.partners.models import Contribution, Organisation

    site = Site.objects.filter(name="Cité des métiers de Valombre — site principal").first()
    saturday = WeeklyHours.objects.filter(site=site, weekday=5).order_by("-closes").first()
    if saturday is not None:
        WeeklyHours.objects.filter(pk=saturday.pk).update(
            closes=time(saturday.closes.hour - 2, saturday.closes.minute))
    # One partner of « Créer son activité » hands it over to the CCI (or, when the CCI already
    # animates it, to the Chambre de métiers).
    pole = Pole.objects.filter(name="Créer son activité").first()
    if pole is not None:
        current = sorted(pole.partners.all(), key=lambda o: o.name)
        newcomer = next((o for o in Organisation.objects.filter(
            name__in=("CCI de Valombre", "Chambre de métiers et de l'artisanat de Valombre"))
            .order_by("name") if o not in current), None)
        leaving = next((o for o in current if not o.name.startswith("CCI")), None)
        if newcomer and leaving:
            pole.partners.remove(leaving)
            pole.partners.add(newcomer)
            ANSWERS["pole:Créer son activité"] = (
                f"{leaving.name} a réorienté ses permanences vers un autre pôle ; "
                f"{newcomer.name}, déjà partenaire de la Cité, a repris l'animation du pôle.",
                f"Convention de pôle signée avec {newcomer.name} ; {leaving.name} reste membre "
                "du comité technique.")
    Contribution.objects.filter(organisation__name="Afpa de Valombre").delete()
    # The finalised budget follows the hours: the chosen scenario is re-costed on 38 h.
    from capacite.planning.models import Scenario

    Scenario.objects.filter(chosen=True, weekly_hours=40).update(weekly_hours=38)


def _experiments(cite: Cite, today: date) -> None:
    from capacite.label.models_followup import ExperimentalAction

    ExperimentalAction.objects.create(
        cite=cite, title="Les jeudis de la reconversion",
        started_on=today - timedelta(days=200), ended_on=today - timedelta(days=30),
        partners="Cap emploi de Valombre, Région Val-de-Rive, CCI de Valombre",
        publics="Salariés en poste envisageant une reconversion",
        description="Une soirée par mois jusqu'à 20 h : témoignages de personnes reconverties, "
                    "puis entretiens courts avec les conseillers des pôles.",
        result="6 soirées, 148 participants dont 61 % de salariés en poste ; 40 entretiens de "
               "suivi pris le soir même.",
        kept="Une soirée par semaine jusqu'à 20 h à la rentrée, à la place du samedi "
             "après-midi.")
    ExperimentalAction.objects.create(
        cite=cite, title="Permanences mobiles dans les quartiers prioritaires",
        started_on=today - timedelta(days=120),
        partners="Mission locale de Valombre, CIDFF de Valombre",
        publics="Jeunes et femmes éloignés de l'emploi des quartiers Nord",
        description="Deux demi-journées par mois au centre social des Tilleuls, avec un poste "
                    "documentaire portable.",
        result="Première évaluation à six mois : 52 personnes reçues, dont 30 venues ensuite "
               "à la Cité.",
        kept="À décider au bilan de juin.")


def _spaces(cite: Cite) -> None:
    from capacite.premises.models import FittedSpace, SpacePhoto

    colours = {"reception": (0, 0, 145), "poles": (225, 0, 15)}
    for zone, name, surface, fitting, signage in SPACES:
        space = FittedSpace.objects.create(cite=cite, zone=zone, name=name, surface_m2=surface,
                                           fitting=fitting, signage=signage)
        if zone in colours:
            photo = SpacePhoto(cite=cite, space=space, caption=f"{name}, vue d'ensemble",
                               filename=f"{zone}.png")
            photo.file.save(f"{zone}.png", ContentFile(_photo(name, colours[zone])), save=False)
            photo.save()


def _plan(cite: Cite) -> None:
    """The fitting-out plan of the premises as built, drawn like Rivemont's."""
    from capacite.label.demo import plan_pdf
    from capacite.premises.models import Candidate

    candidate = Candidate.objects.filter(chosen=True).first()
    if candidate is None or candidate.plan:
        return
    candidate.plan_filename = "Plan d'aménagement - Maison de l'emploi.pdf"
    candidate.plan.save("plan.pdf", ContentFile(plan_pdf(cite, candidate)))


def _acts(cite: Cite, today: date) -> None:
    """Signed acts for every operating line but one still to sign — one not paid yet: money
    paid without a signed act would contradict itself; the first convention as PDF."""
    from capacite.lib.pdf import write_pdf
    from capacite.planning.models import FundingAct, FundingLine

    lines = list(FundingLine.objects.filter(purpose="operating").select_related("funder"))
    unsigned = (next((line for line in reversed(lines) if line.status != "paid"), lines[-1])
                if len(lines) > 1 else None)
    signed = [line for line in lines if line is not unsigned]
    for index, line in enumerate(signed):
        act = FundingAct(cite=cite, line=line, kind="convention" if index % 2 == 0 else "vote",
                         signed_on=today - timedelta(days=330 - 20 * index),
                         reference=f"CONV-{today.year - 1}-{index + 1:03d}")
        if index == 0:
            pdf = write_pdf(
                "<html lang='fr'><head><meta charset='utf-8'><title>Convention de "
                "financement</title><style>@page{size:A4;margin:25mm}body{font-family:"
                "'DejaVu Sans',sans-serif}</style></head><body>"
                f"<h1>Convention de financement</h1><p>Entre {line.funder.name} et le GIP "
                f"Cité des métiers de Valombre, pour {line.label or 'le fonctionnement'}.</p>"
                f"<p>Montant de la première année : {format_money(line.amount_year1, 'fr')}.</p>"
                "<p>Fait à Valombre, en deux exemplaires.</p></body></html>")
            act.file.save("convention.pdf", ContentFile(pdf), save=False)
            act.filename = "convention-financement.pdf"
        act.save()


def _network(cite: Cite, today: date, lead) -> None:
    from capacite.review.models import NetworkLink, OpinionRequest

    opened = cite.opened_on
    for kind, days_before, counterpart, notes in (
        ("intent", 1400, "Universcience", "Courrier du président de la Métropole."),
        ("sponsor", 1300, "Cité des métiers de Rivebelle", "Désignée par Universcience."),
        ("visit", 1250, "Cité des métiers de Rivebelle", "Visite de l'équipe projet et des élus."),
        ("visit", 1100, "Cité des métiers du Val-Doré", "Visite des partenaires des pôles."),
        ("logo", 800, "Universcience", "Logo « Cité des métiers en projet » et charte graphique."),
        ("membership", 30, "Réseau international des Cités des métiers",
         "Cotisation de l'année d'ouverture."),
    ):
        NetworkLink.objects.create(cite=cite, kind=kind, on=opened - timedelta(days=days_before),
                                   counterpart=counterpart, notes=notes, recorded_by=lead)
    OpinionRequest.objects.create(
        cite=cite, subject="label_fonctionnement", asked_by=lead,
        asked_on=today - timedelta(days=20),
        summary="Projet de dossier de confirmation du label fonctionnement, avec les écarts "
                "constatés depuis le label projet et leurs mesures correctives.",
        opinion="Le dossier est complet sur la conformité. Précisez, pour la fermeture du "
                "samedi après-midi, comment les publics salariés sont informés du nouvel "
                "horaire du jeudi soir.",
        opinion_on=today - timedelta(days=12),
        answer="L'horaire du jeudi soir est annoncé sur le site, dans la lettre mensuelle et par "
               "les partenaires des pôles ; l'affichage à l'accueil est en place.",
        answered_on=today - timedelta(days=8))
