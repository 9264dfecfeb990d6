"""The fixed lines of the Cerfa 12156*06 budget table and how a funder finds its line.

The form prints, under some classes, lines of its own that every applicant fills in the same
way: 64 splits payroll into salaries, social charges and other staff costs; 74 lists the
public funders by level (État — naming the ministry —, Région(s), Département(s),
Intercommunalité(s) EPCI, Commune(s)…); 75 names 756 Cotisations and 758 Dons manuels —
Mécénat. A funder reading the table looks for those lines, so they are printed even when
empty, and every subsidy sits under exactly one of them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

CHARGE_CLASSES = (
    ("60", "Achats"),
    ("61", "Services extérieurs"),
    ("62", "Autres services extérieurs"),
    ("63", "Impôts et taxes"),
    ("64", "Charges de personnel"),
    ("65", "Autres charges de gestion courante"),
    ("66", "Charges financières"),
    ("67", "Charges exceptionnelles"),
    ("68", "Dotation aux amortissements"),
)
PRODUCT_CLASSES = (
    ("70", "Vente de produits finis, de marchandises, prestations de services"),
    ("73", "Dotations et produits de tarification"),
    ("74", "Subventions d'exploitation"),
    ("75", "Autres produits de gestion courante"),
    ("76", "Produits financiers"),
    ("77", "Produits exceptionnels"),
    ("78", "Reprises sur amortissements et provisions"),
)

# 64: payroll comes from the FTE model (641 and 645); the scenario's own staff costs
# (training, occupational health…) fill 648.
SALARIES, SOCIAL_CHARGES, OTHER_STAFF_COSTS = "641", "645", "648"
PERSONNEL_LINES = (
    (SALARIES, "Rémunération des personnels"),
    (SOCIAL_CHARGES, "Charges sociales"),
    (OTHER_STAFF_COSTS, "Autres charges de personnel"),
)
FEES, GIFTS = "756", "758"
OTHER_INCOME_LINES = (
    (FEES, "Cotisations"),
    (GIFTS, "Dons manuels — Mécénat"),
)

# The 74 lines of the form, in its order. They carry no account number on the form; the key
# names them in the data and the JSON export.
SUBSIDY_LINES = (
    ("state", "État"),
    ("region", "Région(s)"),
    ("departement", "Département(s)"),
    ("epci", "Intercommunalité(s) : EPCI"),
    ("commune", "Commune(s)"),
    ("social", "Organismes sociaux"),
    ("eu", "Fonds européens"),
    ("asp", "L'agence de services et de paiement (emplois aidés)"),
    ("other_public", "Autres établissements publics"),
    ("private", "Aides privées"),
)
SUBSIDY_LABELS = dict(SUBSIDY_LINES)
SUBSIDY_ACCOUNT = "74"

# When a 2-digit account (a class) was typed for a detail line, the line moves to the class's
# « divers » sub-account, so a detail never carries its parent's code.
DIVERS = {"60": "606", "61": "618", "62": "628", "63": "637", "64": "648", "65": "658",
          "66": "668", "67": "678", "68": "681", "70": "706", "73": "738", "75": "758",
          "76": "768", "77": "778", "78": "781"}

EPCI_WORDS = ("agglom", "communauté de communes", "communauté urbaine", "métropole", "epci",
              "intercommunal")


@dataclass(frozen=True, kw_only=True)
class FunderType:
    """What capacite knows about a funder to suggest its Cerfa line."""

    name: str
    kind: str = "organisation"  # planning.models.SourceKind
    first_circle: str = ""  # partners.choices.FirstCircle of its organisation
    organisation_kind: str = ""  # partners.choices.OrganisationKind


def suggested_category(funder: FunderType) -> str:
    """The 74 line a funder most likely belongs to, from its type; the user may change it.

    Communes and EPCI share one first-circle category in the guide, so the name decides
    (« Communauté d'agglomération » → EPCI). The apprenticeship-tax balance is paid by the
    Caisse des dépôts (SOLTéA) since 2023: « Autres établissements publics ». Chambers and
    France Travail are public bodies too; the social partners and economic actors are private.
    """
    name = funder.name.casefold()
    if funder.kind == "eu":
        return "eu"
    if funder.kind == "private":
        return "private"
    if funder.kind == "cper":
        return "state"
    if funder.kind == "apprenticeship_tax":
        return "other_public"
    by_circle = {"region": "region", "departement": "departement", "state": "state",
                 "education": "state", "employment_service": "other_public",
                 "chambers": "other_public", "social_partners": "private"}
    if funder.first_circle == "communes":
        return "epci" if any(w in name for w in EPCI_WORDS) else "commune"
    if funder.first_circle in by_circle:
        return by_circle[funder.first_circle]
    for words, category in ((("région", "regional"), "region"),
                            (("département", "departemental"), "departement"),
                            (EPCI_WORDS, "epci"),
                            (("commune", "ville", "mairie"), "commune"),
                            (("caf", "caisse d'allocations", "msa", "urssaf"), "social"),
                            (("fse", "feder", "européen", "europe"), "eu"),
                            (("agence de services et de paiement", "asp"), "asp"),
                            (("préfecture", "ministère", "dreets", "état", "drac"), "state"),
                            (("fondation", "mécén", "entreprise"), "private")):
        if any(w in name for w in words):
            return category
    if funder.organisation_kind in ("economic", "social_partner"):
        return "private"
    return "other_public"


def product_account_error(account: str) -> str:
    """A message (active language) when `account` cannot carry a product line, "" when it
    can: 74 (the line comes from the funder's category) or a sub-account (3 digits or more) of
    70 to 78."""
    classes = {code for code, _ in PRODUCT_CLASSES}
    if not account.isdigit() or account[:2] not in classes:
        return gettext("le compte %(account)s n'est pas un compte de produits 70 à 78.") % {
            "account": account}
    if account != SUBSIDY_ACCOUNT and len(account) < 3:
        return _class_error(account, DIVERS.get(account, account + "8"))
    return ""


def charge_account_error(account: str) -> str:
    """A message (active language) when `account` cannot carry a charge line, "" when it can: a
    sub-account (3 digits or more) of 60 to 68, but not 641 or 645 (payroll comes from the
    FTE to recruit)."""
    classes = {code for code, _ in CHARGE_CLASSES}
    if not account.isdigit() or account[:2] not in classes:
        return gettext("le compte %(account)s n'est pas un compte de charges 60 à 68.") % {
            "account": account}
    if len(account) < 3:
        return _class_error(account, DIVERS[account])
    if account.startswith((SALARIES, SOCIAL_CHARGES)):
        return gettext("le compte %(account)s est calculé à partir des ETP à recruter ; les "
                       "autres charges de personnel vont en %(other)s.") % {
            "account": account, "other": OTHER_STAFF_COSTS}
    return ""


def _class_error(account: str, example: str) -> str:
    return gettext("le compte %(account)s est une classe du Cerfa ; indiquez un sous-compte, "
                   "par exemple %(example)s.") % {"account": account, "example": example}
