"""The open Cité's activity, captured anonymously: visits, questionnaire answers, event
headcounts, documentation use, kiosks.

Visitors are anonymous by construction (the charter: free, anonymous, no appointment). No model
here can hold a name, an e-mail, a phone number, an IP address or an exact time about a visitor:
a visit has a day and a 30-minute slot; the one free-text field (a Cité's own open question,
off by default) is scrubbed of names, e-mails and phone numbers before it is stored.
`tests/test_anonymity.py` inspects every field of this app's models to prove it.

Figures read from these rows are computed in `activity.counts`, and only there.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from capacite.activity.rollups import DIMENSIONS
from capacite.core.concurrency import Versioned
from capacite.core.models import Cite

SLOTS_PER_DAY = 48  # 30-minute slots: slot n starts at n × 30 minutes after midnight


class VisitKind(models.TextChoices):
    """What happened during the visit."""

    RECEPTION = "reception", _("Accueil et orientation")
    INTERVIEW = "interview", _("Entretien conseil")
    DOCUMENTATION = "documentation", _("Documentation en libre-service")
    EVENT = "event", _("Atelier ou événement")
    KIOSK = "kiosk", _("Borne")


class AgeBand(models.TextChoices):
    UNKNOWN = "", _("Non renseigné")
    UNDER_16 = "under_16", _("Moins de 16 ans")
    FROM_16_TO_25 = "16_25", _("16 à 25 ans")
    FROM_26_TO_44 = "26_44", _("26 à 44 ans")
    FROM_45_TO_54 = "45_54", _("45 à 54 ans")
    FROM_55 = "55_plus", _("55 ans et plus")


class Sex(models.TextChoices):
    UNKNOWN = "", _("Non renseigné")
    FEMALE = "female", _("Femme")
    MALE = "male", _("Homme")


class Source(models.TextChoices):
    """How a row reached the database (a figure can be traced to the way it was captured)."""

    DESK = "desk", _("Saisie à l'accueil ou au pôle")
    KIOSK = "kiosk", _("Borne")
    IMPORT = "import", _("Import d'historique")
    DEMO = "demo", _("Démonstration")


class Visit(models.Model):
    """One anonymous visit (a « passage »): where, which day and half-hour, what for, and the
    categories the visitor agreed to give. `client_id` is the random id the browser made for
    this tally, so a retried tally is stored once (the first wins); it says nothing about the
    visitor. `slot` is empty when only the day is known (imported day counts)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="visits")
    site = models.ForeignKey("offer.Site", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="visits", verbose_name=_("site"))
    day = models.DateField(_("jour"))
    slot = models.PositiveSmallIntegerField(
        _("demi-heure"), null=True, blank=True,
        help_text=_("0 pour 0 h 00-0 h 30, 19 pour 9 h 30-10 h 00… ; vide si seul le jour est "
                    "connu."))
    kind = models.CharField(_("nature du passage"), max_length=20, choices=VisitKind.choices,
                            default=VisitKind.RECEPTION)
    poles = models.ManyToManyField("offer.Pole", blank=True, related_name="visits",
                                   verbose_name=_("pôles demandés"))
    public = models.ForeignKey("partners.Public", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="visits", verbose_name=_("public"))
    age_band = models.CharField(_("tranche d'âge"), max_length=10, choices=AgeBand.choices,
                                default=AgeBand.UNKNOWN, blank=True)
    sex = models.CharField(_("sexe"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN,
                           blank=True)
    first_visit = models.BooleanField(_("première visite"), null=True, blank=True)
    residence_epci = models.ForeignKey(
        "territory.Epci", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("EPCI de résidence"))
    residence_commune = models.ForeignKey(
        "territory.Commune", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("commune de résidence"))
    outside_territory = models.BooleanField(_("hors territoire"), default=False)
    oriented_to = models.ForeignKey(
        "partners.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="oriented_visits", verbose_name=_("orienté vers"))
    source = models.CharField(_("saisie"), max_length=10, choices=Source.choices,
                              default=Source.DESK)
    client_id = models.UUIDField(_("identifiant de saisie"), unique=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["-day", "-slot", "-pk"]
        indexes = [
            models.Index(fields=["cite", "day"], name="visit_cite_day"),
            # The opening-hours advice: one site's interviews by half-hour over a year, read
            # from the index alone but for the pôles (`counts.visits_by_pole_and_half_hour`).
            models.Index(fields=["cite", "site", "kind", "day", "slot"],
                         name="visit_cite_site_kind_day"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(slot__lt=SLOTS_PER_DAY),
                                   name="visit_slot_within_day"),
            models.CheckConstraint(
                condition=~models.Q(outside_territory=True)
                | models.Q(residence_epci__isnull=True, residence_commune__isnull=True),
                name="visit_outside_territory_has_no_place"),
        ]

    def __str__(self) -> str:
        return f"{self.day} — {self.get_kind_display()}"


class Survey(Versioned):
    """A Cité's satisfaction questionnaire: the network's common core (`domain.questions`),
    always asked the same way, then the Cité's own questions. An open question exists only
    when the Cité turns `free_text_enabled` on."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("titre"), max_length=200)
    active = models.BooleanField(_("ouvert aux réponses"), default=True)
    free_text_enabled = models.BooleanField(
        _("autoriser les questions ouvertes"), default=False,
        help_text=_("Les réponses libres sont débarrassées des noms, courriels et numéros de "
                    "téléphone avant d'être enregistrées ; le questionnaire rappelle de ne pas "
                    "écrire son nom."))

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("questionnaire de satisfaction")
        verbose_name_plural = _("questionnaires de satisfaction")
        ordering = ["-active", "title"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Note de 1 à 5")
    CHOICE = "choice", _("Choix dans une liste")
    YES_NO = "yes_no", _("Oui ou non")
    TEXT = "text", _("Réponse libre")


class SurveyQuestion(models.Model):
    """One of the Cité's own questions, asked after the common core."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("ordre"), default=0)
    text = models.CharField(_("question"), max_length=250)
    kind = models.CharField(_("type de réponse"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.SCALE)
    choices = models.JSONField(_("choix proposés"), default=list, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("question propre à la Cité")
        verbose_name_plural = _("questions propres à la Cité")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


def new_token() -> str:
    return secrets.token_urlsafe(12)


class SurveyLink(models.Model):
    """An anonymous way into a questionnaire: a link (and its QR code on a poster) for a pôle,
    an event or the whole Cité. The token in the URL names the questionnaire; it says nothing
    about who answers."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    token = models.CharField(_("jeton"), max_length=32, unique=True, default=new_token,
                             editable=False)
    pole = models.ForeignKey("offer.Pole", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="+", verbose_name=_("pôle"))
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="+", verbose_name=_("événement"))

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("lien vers un questionnaire")
        verbose_name_plural = _("liens vers les questionnaires")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.event or self.pole or self.survey)


class Channel(models.TextChoices):
    LINK = "link", _("Lien")
    QR = "qr", _("Code QR")
    KIOSK = "kiosk", _("Borne")
    IMPORT = "import", _("Import d'historique")
    DEMO = "demo", _("Démonstration")


class SurveyResponse(models.Model):
    """One anonymous answer to a questionnaire: the day only (no time), the way in, and the
    common core's answers as columns so every Cité's figures compare. No IP, no user agent, no
    cookie: `client_id` is the random id of this submission, so a double click stores one."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="survey_responses")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    day = models.DateField(_("jour"))
    channel = models.CharField(_("réponse par"), max_length=10, choices=Channel.choices,
                               default=Channel.LINK)
    pole = models.ForeignKey("offer.Pole", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("pôle"))
    event = models.ForeignKey("events.Event", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("événement"))
    found_answer = models.BooleanField(_("a trouvé une réponse utile"), null=True, blank=True)
    welcome = models.PositiveSmallIntegerField(_("qualité de l'accueil"), null=True, blank=True)
    advice = models.PositiveSmallIntegerField(_("qualité du conseil"), null=True, blank=True)
    documentation = models.PositiveSmallIntegerField(_("qualité de la documentation"),
                                                     null=True, blank=True)
    waiting = models.PositiveSmallIntegerField(_("temps d'attente"), null=True, blank=True)
    would_recommend = models.BooleanField(_("recommanderait la Cité"), null=True, blank=True)
    overall = models.PositiveSmallIntegerField(_("satisfaction générale"), null=True, blank=True)
    client_id = models.UUIDField(_("identifiant de saisie"), unique=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("réponse au questionnaire")
        verbose_name_plural = _("réponses aux questionnaires")
        ordering = ["-day", "-pk"]
        indexes = [models.Index(fields=["cite", "day"], name="response_cite_day")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5})
                | models.Q(**{f"{name}__isnull": True}),
                name=f"response_{name}_1_to_5")
            for name in ("welcome", "advice", "documentation", "waiting", "overall")
        ]

    def __str__(self) -> str:
        return f"{self.survey} — {self.day}"


class SurveyAnswer(models.Model):
    """The answer to one of the Cité's own questions. `text` is the only free text of the app:
    filled only when the Cité allowed open questions, and scrubbed before storage
    (`domain.scrub`)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE,
                                 related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE,
                                 related_name="answers")
    scale = models.PositiveSmallIntegerField(_("note"), null=True, blank=True)
    choice = models.CharField(_("choix"), max_length=250, blank=True)
    yes_no = models.BooleanField(_("oui ou non"), null=True, blank=True)
    text = models.TextField(_("réponse libre"), blank=True, max_length=1000)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("réponse à une question propre")
        verbose_name_plural = _("réponses aux questions propres")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"],
                                    name="answer_one_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} : {self.response_id}"


class Kiosk(models.Model):
    """A public terminal (« borne multimédia ») of a site. A staff member turns a browser into
    this kiosk with a link that expires; the browser then holds a signed cookie naming the
    kiosk and its `key`. Drawing a new key retires every browser turned into it before."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="kiosks")
    site = models.ForeignKey("offer.Site", on_delete=models.CASCADE, related_name="kiosks",
                             verbose_name=_("site"))
    name = models.CharField(_("nom"), max_length=100,
                            help_text=_("Pour la retrouver : « Borne de l'entrée »."))
    survey = models.ForeignKey(Survey, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("questionnaire proposé"))
    key = models.CharField(max_length=32, default=new_token, editable=False)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("borne")
        verbose_name_plural = _("bornes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AllowedLink(models.Model):
    """An outside site the Cité's kiosks may open (the guide's « bridage »): nothing else is
    followable from a kiosk."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("intitulé"), max_length=120)
    url = models.URLField(_("adresse"))
    position = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("lien autorisé sur les bornes")
        verbose_name_plural = _("liens autorisés sur les bornes")
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return self.label


class EventHeadcount(models.Model):
    """How many people came to an event, in total or for one public category (`public` empty:
    the people whose public was not noted). An event's headcount is the sum of its rows."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE,
                              related_name="headcounts", verbose_name=_("événement"))
    public = models.ForeignKey("partners.Public", on_delete=models.CASCADE, null=True,
                               blank=True, related_name="+", verbose_name=_("public"))
    count = models.PositiveIntegerField(_("participants"))

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("participation à un événement")
        verbose_name_plural = _("participations aux événements")
        constraints = [
            models.UniqueConstraint(fields=["event", "public"], name="headcount_one_per_public"),
            models.UniqueConstraint(fields=["event"], condition=models.Q(public__isnull=True),
                                    name="headcount_one_unnoted_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} : {self.count}"


class DocumentationUse(models.Model):
    """Use of the documentation catalogue in one month: consultations on site and loans."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("mois"), help_text=_("Le premier jour du mois."))
    consultations = models.PositiveIntegerField(_("consultations"), default=0)
    loans = models.PositiveIntegerField(_("prêts"), default=0)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("usage de la documentation")
        verbose_name_plural = _("usages de la documentation")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "month"], name="docuse_one_per_month"),
            models.CheckConstraint(condition=models.Q(month__day=1),
                                   name="docuse_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y} : {self.consultations} / {self.loans}"


class VisitMonth(models.Model):
    """How many visits a Cité counted in one calendar month for one value of one category —
    kept by database triggers on the visits and their pôles (`rollups.py`), never written by
    the application. `counts.py` reads them for whole months; `cite_id` is a bare number (no
    foreign key) because the triggers, not Django's collector, follow the visits' deletions."""

    cite_id = models.BigIntegerField()
    month = models.DateField()
    dimension = models.CharField(max_length=20, choices=[(d, d) for d in DIMENSIONS])
    value = models.CharField(max_length=40, blank=True)
    visits = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("passages d'un mois par catégorie")
        verbose_name_plural = _("passages des mois par catégorie")
        constraints = [
            models.UniqueConstraint(fields=["cite_id", "dimension", "month", "value"],
                                    name="visitmonth_one_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.cite_id} {self.month:%m/%Y} {self.dimension}={self.value} : {self.visits}"
