"""Forms of the planning screens. Scenario choices are checked by the domain's
`scenario_errors()` before anything is stored, so a stored scenario is always a valid one."""

from dataclasses import replace
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.planning.domain.cerfa import DIVERS, FunderType, suggested_category
from capacite.planning.domain.scenario import (
    DIRECT_FUNCTIONS,
    FUNCTION_LABELS,
    FUNCTIONS,
    scenario_errors,
)
from capacite.planning.models import (
    CERFA_SUBSIDY_CHOICES,
    ChargeLine,
    Disbursement,
    Funder,
    FundingLine,
    InvestmentLine,
    PlanningSettings,
    Scenario,
    ScenarioContribution,
)

CHARGE_CLASSES = ("60", "61", "62", "63", "64", "65", "66", "67", "68")
PRODUCT_CLASSES = ("70", "73", "74", "75", "76", "77", "78")


def _decimal_field(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=12,
                              decimal_places=2)


with scopes_disabled():

    class ScenarioForm(VersionedModelForm):
        poles = forms.MultipleChoiceField(label=_("Pôles de conseil"),
                                          widget=forms.CheckboxSelectMultiple, required=False)
        other_poles = forms.CharField(
            label=_("Autres pôles"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Un nom par ligne, pour un pôle que l'offre de service ne définit pas "
                        "encore."))

        class Meta:
            model = Scenario
            fields = ["name", "description", "poles", "hours_per_day", "days_per_week",
                      "weekly_hours", "weeks_per_year", "counsellors_per_pole",
                      "reception_staff", "documentation_staff", "default_cost_per_fte",
                      "social_charges_rate", "yearly_increase"]
            widgets = {"description": forms.Textarea(attrs={"rows": 2})}

        def __init__(self, *args, pole_names: list[str], **kwargs):
            super().__init__(*args, **kwargs)
            names = list(pole_names) + [p for p in (self.instance.poles or [])
                                        if p not in pole_names]
            self.fields["poles"].choices = [(n, n) for n in names]
            self.fields["poles"].help_text = _("De 3 à 7 pôles, choisis parmi ceux de l'offre "
                                               "de service.")
            self.initial.setdefault("poles", list(self.instance.poles or []))
            self.fields["counsellors_by_pole"] = forms.CharField(
                label=_("Conseillers d'un pôle, s'il diffère"), required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Une ligne par pôle, par exemple « Trouver un emploi : 2 » ; les "
                            "autres pôles ont le nombre ci-dessus."),
                initial="\n".join(f"{pole} : {count}" for pole, count
                                  in (self.instance.counsellors_by_pole or {}).items()))
            self.fields["social_charges_rate"].required = False  # empty: the model's default
            self.order_fields(["name", "description", "poles", "other_poles"])
            for function in DIRECT_FUNCTIONS:
                field = _decimal_field(_("ETP : %(f)s") % {"f": FUNCTION_LABELS[function]})
                field.initial = (self.instance.function_fte or {}).get(function)
                self.fields[f"fte_{function}"] = field
            for function in FUNCTIONS:
                field = _decimal_field(_("Coût annuel d'un ETP (€) : %(f)s")
                                       % {"f": FUNCTION_LABELS[function]})
                field.help_text = _("Vide : le coût par défaut.")
                field.initial = (self.instance.cost_per_fte or {}).get(function)
                self.fields[f"cost_{function}"] = field

        def clean_name(self):
            name = self.cleaned_data["name"].strip()
            taken = Scenario.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(_("Un scénario porte déjà ce nom."))
            return name

        def clean(self):
            cleaned = super().clean()
            if self.errors:
                return cleaned
            from capacite.planning.services import to_domain

            instance = self.instance
            if cleaned.get("social_charges_rate") is None:
                cleaned["social_charges_rate"] = Scenario._meta.get_field(
                    "social_charges_rate").default
            for name in self.Meta.fields:
                if name in cleaned:
                    setattr(instance, name, cleaned[name])
            poles = list(cleaned.get("poles") or [])
            for line in (cleaned.get("other_poles") or "").splitlines():
                name = " ".join(line.split())
                if name and name.casefold() not in {p.casefold() for p in poles}:
                    poles.append(name)
            instance.poles = cleaned["poles"] = poles  # construct_instance() reads cleaned
            by_pole = {}
            for number, line in enumerate(
                    (cleaned.get("counsellors_by_pole") or "").splitlines(), start=1):
                if not line.strip():
                    continue
                pole, sep, count = line.rpartition(":")
                try:
                    value = Decimal(count.strip().replace(",", "."))
                except ArithmeticError:
                    value = None
                if not sep or not pole.strip() or value is None or value < 0:
                    self.add_error("counsellors_by_pole", _(
                        "Ligne %(n)s : écrivez « nom du pôle : nombre », par exemple « Trouver "
                        "un emploi : 2 ».") % {"n": number})
                    return cleaned
                by_pole[" ".join(pole.split())] = str(value)
            instance.counsellors_by_pole = by_pole
            instance.function_fte = {f: str(cleaned[f"fte_{f}"]) for f in DIRECT_FUNCTIONS
                                     if cleaned.get(f"fte_{f}")}
            instance.cost_per_fte = {f: str(cleaned[f"cost_{f}"]) for f in FUNCTIONS
                                     if cleaned.get(f"cost_{f}") is not None}
            domain = to_domain(instance, charges=[])
            for message in scenario_errors(replace(domain, charges=())):
                self.add_error(None, message)
            return cleaned

    class CopyForm(forms.Form):
        name = forms.CharField(label=_("Nom de la copie"), max_length=120)

        def clean_name(self):
            name = self.cleaned_data["name"].strip()
            if Scenario.objects.filter(name__iexact=name).exists():
                raise forms.ValidationError(_("Un scénario porte déjà ce nom."))
            return name

    class ChargeLineForm(VersionedModelForm):
        class Meta:
            model = ChargeLine
            fields = ["account", "label", "annual_amount"]

        def clean_account(self):
            account = self.cleaned_data["account"].strip()
            if not account.isdigit() or account[:2] not in CHARGE_CLASSES:
                raise forms.ValidationError(
                    _("« %(a)s » n'est pas un compte de charges du Cerfa 12156 (60 à 68).")
                    % {"a": account})
            if len(account) < 3:
                raise forms.ValidationError(
                    _("« %(a)s » est une classe du Cerfa : indiquez un sous-compte, par "
                      "exemple %(d)s.") % {"a": account, "d": DIVERS[account]})
            if account.startswith(("641", "645")):
                raise forms.ValidationError(
                    _("Les rémunérations (641) et charges sociales (645) sont calculées à "
                      "partir des ETP à recruter : ne les saisissez pas ici ; les autres "
                      "charges de personnel vont en 648."))
            return account

    class FunderForm(VersionedModelForm):
        class Meta:
            model = Funder
            fields = ["name", "key", "kind", "organisation", "category", "ministry"]

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = Organisation.objects.order_by("name")
            category = self.fields["category"]
            category.required = False
            category.choices = [("", _("Selon sa nature et son organisation (proposée par "
                                       "capacite)")), *CERFA_SUBSIDY_CHOICES]
            if not self.instance.pk:
                self.initial["category"] = ""

        def clean_category(self):
            """Empty: the line its type suggests (an agglomération under EPCI…)."""
            category = self.cleaned_data.get("category")
            if category:
                return category
            org = self.cleaned_data.get("organisation")
            return suggested_category(FunderType(
                name=self.cleaned_data.get("name") or "",
                kind=self.cleaned_data.get("kind") or "organisation",
                first_circle=org.first_circle if org else "",
                organisation_kind=org.kind if org else ""))

        def clean_key(self):
            key = self.cleaned_data["key"].strip().upper()
            taken = Funder.objects.filter(key__iexact=key).exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(_("Un autre financeur a déjà l'identifiant %(k)s.")
                                            % {"k": key})
            return key

    class FundingLineForm(VersionedModelForm):
        class Meta:
            model = FundingLine
            fields = ["purpose", "scenario", "account", "label", "status", "amount_year1",
                      "amount_year2", "amount_year3", "conditions"]
            widgets = {"conditions": forms.Textarea(attrs={"rows": 2})}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["scenario"].queryset = Scenario.objects.all()

        def clean(self):
            """An operating line finances one scenario; an investment line none."""
            cleaned = super().clean()
            if cleaned.get("purpose") == "investment":
                cleaned["scenario"] = None
            elif cleaned.get("purpose") == "operating" and not cleaned.get("scenario"):
                self.add_error("scenario", _("Choisissez le scénario que finance cette ligne "
                                             "de fonctionnement."))
            return cleaned

        def clean_account(self):
            account = self.cleaned_data["account"].strip()
            if not account.isdigit() or account[:2] not in PRODUCT_CLASSES:
                raise forms.ValidationError(
                    _("« %(a)s » n'est pas un compte de produits du Cerfa 12156 (70 à 78).")
                    % {"a": account})
            if account != "74" and len(account) < 3:
                raise forms.ValidationError(
                    _("« %(a)s » est une classe du Cerfa : indiquez un sous-compte, par "
                      "exemple %(d)s (74 seul pour une subvention).")
                    % {"a": account, "d": DIVERS[account]})
            return account

    class ContributionForm(VersionedModelForm):
        class Meta:
            model = ScenarioContribution
            fields = ["organisation", "function", "pole", "fte", "in_kind_eur"]

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = Organisation.objects.order_by("name")

        def clean(self):
            cleaned = super().clean()
            if not cleaned.get("fte") and not cleaned.get("in_kind_eur"):
                self.add_error(None, _("Indiquez des ETP ou un apport en nature valorisé : "
                                       "une ligne vide n'apporte rien au scénario."))
            return cleaned

    class DisbursementForm(forms.ModelForm):
        class Meta:
            model = Disbursement
            fields = ["on", "amount"]
            widgets = {"on": forms.DateInput(attrs={"type": "date"})}

    class InvestmentForm(VersionedModelForm):
        class Meta:
            model = InvestmentLine
            fields = ["category", "label", "amount", "paid_on"]
            widgets = {"paid_on": forms.DateInput(attrs={"type": "date"})}

    class SettingsForm(VersionedModelForm):
        class Meta:
            model = PlanningSettings
            fields = ["first_year", "annual_hours", "preparation_share", "treasury_start",
                      "opening_cash", "rent_rhythm"]
            widgets = {"treasury_start": forms.DateInput(attrs={"type": "date"})}

    class ChooseForm(forms.Form):
        body = forms.ModelChoiceField(label=_("Instance qui décide"), queryset=None)
        decided_on = forms.DateField(label=_("Date de la décision"),
                                     widget=forms.DateInput(attrs={"type": "date"}))
        details = forms.CharField(label=_("Précisions"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

        def __init__(self, *args, **kwargs):
            from capacite.governance.choices import BodyKind
            from capacite.governance.models import Body

            super().__init__(*args, **kwargs)
            bodies = Body.objects.order_by("name")
            self.fields["body"].queryset = bodies
            steering = bodies.filter(kind=BodyKind.STEERING).first()
            if steering:
                self.fields["body"].initial = steering.pk
            self.fields["decided_on"].initial = timezone.localdate()


class StressForm(forms.Form):
    """The stress test: one funder's payments delayed by N months and/or cut by P %."""

    funder = forms.ChoiceField(label=_("Financeur"))
    delay = forms.IntegerField(label=_("Retard (mois)"), min_value=0, max_value=36, initial=0,
                               required=False)
    cut = forms.DecimalField(label=_("Réduction (%)"), min_value=0, max_value=100, initial=0,
                             required=False, decimal_places=2)

    def __init__(self, *args, funders: list[Funder], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].choices = [(f.key, f"{f.name} ({f.key})") for f in funders]

    def clean(self):
        cleaned = super().clean()
        cleaned["delay"] = cleaned.get("delay") or 0
        cleaned["cut"] = cleaned.get("cut") or Decimal(0)
        return cleaned
