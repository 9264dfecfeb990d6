"""Scenarios, budget lines, the funding round and the treasury settings of a Cité.

Rows hold the choices and amounts people type; every figure shown is computed by
`planning/domain/` from the plain data `planning/services.py` builds out of these rows.
Money is `DecimalField(decimal_places=2)`, never a float.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.partners.choices import StaffFunction

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(0)]}
POSITIVE = [MinValueValidator(0)]


class PlanningSettings(Versioned):
    """The Cité's planning parameters: first budget year, FTE hours, treasury start and cash."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="planning_settings")
    first_year = models.PositiveIntegerField(
        _("première année du budget"), validators=[MinValueValidator(2000)],
        help_text=_("Le budget couvre trois années civiles à partir de celle-ci."))
    annual_hours = models.DecimalField(
        _("heures annuelles d'un ETP"), max_digits=6, decimal_places=2, default=Decimal(1607),
        validators=[MinValueValidator(1)],
        help_text=_("1 607 h : la durée légale annuelle du travail en France."))
    preparation_share = models.DecimalField(
        _("part de préparation, formation et congés"), max_digits=3, decimal_places=2,
        default=Decimal("0.15"),
        validators=[MinValueValidator(0), MaxValueValidator(Decimal("0.99"))],
        help_text=_("Part du temps d'un ETP passée hors du public, par exemple 0,15 pour 15 %."))
    treasury_start = models.DateField(
        _("début du plan de trésorerie"),
        help_text=_("Le plan couvre 36 mois à partir du mois de cette date."))
    opening_cash = models.DecimalField(_("trésorerie d'ouverture (€)"), **MONEY)  # type: ignore[arg-type]
    rent_rhythm = models.CharField(
        _("rythme du loyer"), max_length=10, default="monthly",
        choices=[("monthly", _("Mensuel")), ("quarterly", _("Trimestriel, d'avance"))])

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("paramètres de planification")
        verbose_name_plural = _("paramètres de planification")

    def __str__(self) -> str:
        return str(_("Paramètres de planification"))


class Scenario(Versioned):
    """One way of running the Cité: pôles, opening pattern, staffing and costs.

    Lists and per-function amounts are JSON (pôle names; {function: "1.50"}), validated by
    `planning.domain.scenario.scenario_errors` through the form before they are stored.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="scenarios")
    name = models.CharField(_("nom du scénario"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    poles = models.JSONField(_("pôles de conseil"), default=list)
    hours_per_day = models.DecimalField(_("heures d'ouverture par jour"), max_digits=4,
                                        decimal_places=2, null=True, blank=True,
                                        validators=POSITIVE)
    days_per_week = models.DecimalField(_("jours d'ouverture par semaine"), max_digits=3,
                                        decimal_places=1, null=True, blank=True,
                                        validators=POSITIVE)
    weekly_hours = models.DecimalField(
        _("heures d'ouverture par semaine"), max_digits=5, decimal_places=2, null=True,
        blank=True, validators=POSITIVE,
        help_text=_("Si renseigné, l'emporte sur heures par jour × jours par semaine."))
    weeks_per_year = models.DecimalField(_("semaines d'ouverture par an"), max_digits=4,
                                         decimal_places=1, default=Decimal(45),
                                         validators=POSITIVE)
    counsellors_per_pole = models.DecimalField(
        _("conseillers par pôle et par heure d'ouverture"), max_digits=4, decimal_places=2,
        default=Decimal(1), validators=POSITIVE)
    counsellors_by_pole = models.JSONField(_("conseillers d'un pôle"), default=dict, blank=True)
    reception_staff = models.DecimalField(_("personnes à l'accueil par heure d'ouverture"),
                                          max_digits=4, decimal_places=2, default=Decimal(1),
                                          validators=POSITIVE)
    documentation_staff = models.DecimalField(
        _("personnes à la documentation par heure d'ouverture"), max_digits=4, decimal_places=2,
        default=Decimal(1), validators=POSITIVE)
    function_fte = models.JSONField(_("ETP des fonctions"), default=dict, blank=True)
    cost_per_fte = models.JSONField(_("coût annuel d'un ETP par fonction"), default=dict,
                                    blank=True)
    default_cost_per_fte = models.DecimalField(_("coût annuel d'un ETP par défaut (€)"),
                                               **MONEY)  # type: ignore[arg-type]
    yearly_increase = models.DecimalField(
        _("hausse annuelle des charges"), max_digits=4, decimal_places=3, default=Decimal(0),
        validators=POSITIVE, help_text=_("Par exemple 0,02 pour 2 % par an."))
    social_charges_rate = models.DecimalField(
        _("taux de charges sociales patronales"), max_digits=4, decimal_places=3,
        default=Decimal("0.42"), validators=POSITIVE,
        help_text=_("Part des salaires bruts, par exemple 0,42 pour 42 % : sépare le coût "
                    "employeur en rémunérations (641) et charges sociales (645)."))
    chosen = models.BooleanField(_("retenu"), default=False, editable=False)
    decision = models.ForeignKey(
        "governance.Decision", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("décision du comité de pilotage"), editable=False)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("scénario")
        verbose_name_plural = _("scénarios")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="scenario_unique_name_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name


class ChargeLine(Versioned):
    """An operating charge of a scenario other than payroll, by Cerfa account, for year 1
    (years 2 and 3 follow the scenario's yearly increase)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="charges",
                                 verbose_name=_("scénario"))
    account = models.CharField(_("compte"), max_length=6,
                               help_text=_("Sous-compte du Cerfa 12156, de 60 à 68 : 613 "
                                           "loyer, 618 documentation, 623 communication, "
                                           "6233 événements, 648 formation…"))
    label = models.CharField(_("libellé"), max_length=150)
    annual_amount = models.DecimalField(_("montant annuel, première année (€)"),
                                        **MONEY)  # type: ignore[arg-type]

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("ligne de charges")
        verbose_name_plural = _("lignes de charges")
        ordering = ["account", "pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.label}"


class SourceKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation partenaire")
    APPRENTICESHIP_TAX = "apprenticeship_tax", _("Taxe d'apprentissage")
    CPER = "cper", _("Contrat de plan État-Région (CPER)")
    EU = "eu", _("Fonds européens")
    PRIVATE = "private", _("Mécène privé")
    OWN = "own", _("Recettes propres")
    OTHER = "other", _("Autre source")


CERFA_SUBSIDY_CHOICES = [
    ("state", _("État")), ("region", _("Région(s)")), ("departement", _("Département(s)")),
    ("epci", _("Intercommunalité(s) : EPCI")), ("commune", _("Commune(s)")),
    ("social", _("Organismes sociaux")), ("eu", _("Fonds européens")),
    ("asp", _("L'agence de services et de paiement (emplois aidés)")),
    ("other_public", _("Autres établissements publics")), ("private", _("Aides privées"))]


class FundingStatus(models.TextChoices):
    LEAD = "lead", _("Piste")
    AGREED = "agreed", _("Accord de principe")
    COMMITTED = "committed", _("Engagé")
    PAID = "paid", _("Versé")


class Funder(Versioned):
    """A funder of the round: a partner organisation or a named source (CPER, EU funds…).

    `key` is the short identifier the command line uses (`--delay REGION:3`)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="funders")
    key = models.SlugField(_("identifiant court"), max_length=30,
                           help_text=_("En majuscules, sans espace, par exemple REGION : "
                                       "la ligne de commande l'utilise."))
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("nature"), max_length=20, choices=SourceKind.choices,
                            default=SourceKind.ORGANISATION)
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("organisation"))
    category = models.CharField(
        _("ligne du Cerfa (subventions, compte 74)"), max_length=20,
        choices=CERFA_SUBSIDY_CHOICES, default="other_public",
        help_text=_("La ligne du formulaire Cerfa 12156 où ses subventions s'inscrivent : "
                    "une communauté d'agglomération va en « Intercommunalité(s) : EPCI », le "
                    "FSE en « Fonds européens »."))
    ministry = models.CharField(
        _("ministère ou service de l'État"), max_length=200, blank=True,
        help_text=_("Pour une subvention de l'État, le Cerfa demande de préciser le ou les "
                    "ministères, directions ou services déconcentrés sollicités."))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("financeur")
        verbose_name_plural = _("financeurs")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="funder_unique_key_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name


class FundingLine(Versioned):
    """What a funder gives, per budget year, for operating or investment, and how sure it is.

    An operating line belongs to one scenario (scenarios differ in resources as well as in
    pôles and hours: the funders may give more to the ambitious one); an investment line
    belongs to none, the premises being the same whatever the scenario."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    funder = models.ForeignKey(Funder, on_delete=models.CASCADE, related_name="lines",
                               verbose_name=_("financeur"))
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="funding_lines", verbose_name=_("scénario"),
                                 help_text=_("Le scénario que finance cette ligne de "
                                             "fonctionnement ; aucun pour un investissement."))
    purpose = models.CharField(_("objet"), max_length=12, default="operating",
                               choices=[("operating", _("Fonctionnement")),
                                        ("investment", _("Investissement"))])
    account = models.CharField(_("compte"), max_length=6, default="74",
                               help_text=_("74 pour une subvention (sa ligne du Cerfa est "
                                           "celle du financeur) ; un sous-compte pour une "
                                           "autre recette : 706 prestations, 756 cotisations, "
                                           "758 dons et mécénat…"))
    label = models.CharField(_("libellé"), max_length=150, blank=True)
    status = models.CharField(_("statut"), max_length=12, choices=FundingStatus.choices,
                              default=FundingStatus.LEAD)
    conditions = models.TextField(_("conditions"), blank=True)
    amount_year1 = models.DecimalField(_("montant année 1 (€)"), default=Decimal(0),
                                       **MONEY)  # type: ignore[arg-type]
    amount_year2 = models.DecimalField(_("montant année 2 (€)"), default=Decimal(0),
                                       **MONEY)  # type: ignore[arg-type]
    amount_year3 = models.DecimalField(_("montant année 3 (€)"), default=Decimal(0),
                                       **MONEY)  # type: ignore[arg-type]

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("ligne de financement")
        verbose_name_plural = _("lignes de financement")
        ordering = ["funder__name", "purpose", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(purpose="investment", scenario__isnull=True)
                | models.Q(purpose="operating", scenario__isnull=False),
                name="fundingline_operating_has_a_scenario"),
        ]

    def __str__(self) -> str:
        return f"{self.funder} — {self.label or self.get_purpose_display()}"

    @property
    def amounts(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.amount_year1, self.amount_year2, self.amount_year3)


class Disbursement(models.Model):
    """One expected payment of a funding line (the disbursement calendar)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    line = models.ForeignKey(FundingLine, on_delete=models.CASCADE,
                             related_name="disbursements", verbose_name=_("ligne"))
    on = models.DateField(_("date"))
    amount = models.DecimalField(_("montant (€)"), **MONEY)  # type: ignore[arg-type]

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("versement")
        verbose_name_plural = _("versements")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.line.funder} — {self.on:%d/%m/%Y}"


class InvestmentLine(Versioned):
    """An investment expense (fitting-out, furniture, IT) paid on a given day."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(_("catégorie"), max_length=12, choices=[
        ("fitting_out", _("Aménagement des locaux")), ("furniture", _("Mobilier")),
        ("it", _("Équipements informatiques"))])
    label = models.CharField(_("libellé"), max_length=150)
    amount = models.DecimalField(_("montant (€)"), **MONEY)  # type: ignore[arg-type]
    paid_on = models.DateField(_("payé le"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("investissement")
        verbose_name_plural = _("investissements")
        ordering = ["paid_on", "pk"]

    def __str__(self) -> str:
        return self.label


class ScenarioContribution(Versioned):
    """What a partner would bring to one scenario: staff time and valued in-kind resources.

    Copied, when the scenario is created, from the retained scenario (or, before any choice,
    from the partners' declared contributions of the first budget year), then changed with the
    partner for this scenario only: an ambitious Cité may ask a partner for more counsellors.
    Money goes through the scenario's funding lines, so it counts once."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE,
                                 related_name="contributions", verbose_name=_("scénario"))
    organisation = models.ForeignKey("partners.Organisation", on_delete=models.CASCADE,
                                     related_name="+", verbose_name=_("partenaire"))
    function = models.CharField(_("fonction"), max_length=20, blank=True,
                                choices=StaffFunction.choices)
    pole = models.CharField(_("pôle"), max_length=120, blank=True,
                            help_text=_("Le pôle de conseil concerné, s'il y a lieu."))
    fte = models.DecimalField(_("ETP"), max_digits=5, decimal_places=2, default=Decimal(0),
                              validators=POSITIVE)
    in_kind_eur = models.DecimalField(_("apport en nature valorisé par an (€)"),
                                      default=Decimal(0), **MONEY)  # type: ignore[arg-type]

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("apport d'un partenaire au scénario")
        verbose_name_plural = _("apports des partenaires au scénario")
        ordering = ["organisation__name", "function", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.scenario}"


from capacite.planning.models_acts import FundingAct  # noqa: E402,F401 - actes d'engagement
