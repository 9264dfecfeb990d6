"""Forms of the people app: a new Cité, an invitation, a new account, a role."""

import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from capacite.core.models import Phase, Role
from capacite.people.services import CiteStart, slug_taken

# The roles a Cité gives; the label authority is instance-wide and never given by a Cité.
CITE_ROLES = (Role.PROJECT_LEAD, Role.SPONSOR, Role.PARTNER, Role.DIRECTOR, Role.STAFF,
              Role.RECEPTION)
SEPARATORS = re.compile(r"[;\n]+")
COMMUNE_SEPARATORS = re.compile(r"[;,\n]+")
SIREN_IN_NAME = re.compile(r"\((\d{9})\)\s*$")
INSEE_CODE = re.compile(r"^\d[\dAB]\d{3}$")


class EpciInput(forms.TextInput):
    """A text field that proposes the reference's EPCI as one types (an HTML datalist)."""

    template_name = "people/epci_input.html"

    def __init__(self, choices: list[str], attrs=None):  # type: ignore[no-untyped-def]
        super().__init__(attrs)
        self.choices = choices

    def get_context(self, name, value, attrs):  # type: ignore[no-untyped-def]
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-liste"
        context["widget"]["attrs"].update({"list": list_id, "autocomplete": "off"})
        context["list_id"], context["choices"] = list_id, self.choices
        return context


class CiteStartForm(forms.Form):
    """A new Cité space: its name and identifier, its territory from the reference, its phase
    and the date its rétro-planning aims at."""

    name = forms.CharField(
        label=gettext_lazy("Nom de la Cité"), max_length=200,
        help_text=gettext_lazy("Par exemple : Cité des métiers du Pays de Bresse."))
    slug = forms.SlugField(
        label=gettext_lazy("Identifiant"), max_length=60, required=False,
        help_text=gettext_lazy("Dans les adresses des pages (/c/identifiant/) : lettres sans "
                               "accents, chiffres et tirets. Laissé vide, il est tiré du nom."))
    epcis = forms.CharField(
        label=gettext_lazy("EPCI du territoire"), required=False,
        help_text=gettext_lazy("Nom ou SIREN de l'intercommunalité ; plusieurs : séparez-les par "
                               "un point-virgule."))
    communes = forms.CharField(
        label=gettext_lazy("Communes hors de ces EPCI"), required=False,
        help_text=gettext_lazy("Nom ou code INSEE, séparés par des virgules."))
    phase = forms.ChoiceField(label=gettext_lazy("Phase en cours"), choices=Phase.choices,
                              initial=Phase.EMERGENCE)
    target_date = forms.DateField(
        label=gettext_lazy("Date visée pour le label projet"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("La séance du comité de labellisation visée : le rétro-planning "
                               "part de cette date (pour une Cité déjà plus avancée, le "
                               "prochain jalon de sa phase)."))

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from capacite.territory.models import Epci
        from capacite.territory.services import latest_year

        super().__init__(*args, **kwargs)
        self.year = latest_year()
        if self.year is None:
            note = _("Le référentiel des communes n'est pas encore chargé sur cette "
                     "instance : le territoire se choisira plus tard, depuis la page "
                     "Territoire de la Cité.")
            for name in ("epcis", "communes"):
                self.fields[name].disabled = True
                self.fields[name].help_text = note
        else:
            names = [f"{name} ({code})" for name, code in
                     Epci.objects.filter(year=self.year).order_by("name")
                     .values_list("name", "code")]
            self.fields["epcis"].widget = EpciInput(names)

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:60]
        if slug and slug_taken(slug):
            raise forms.ValidationError(
                _("L'identifiant « %(slug)s » est déjà celui d'une autre Cité : choisissez-en un "
                  "autre.") % {"slug": slug})
        return slug

    def clean_epcis(self) -> tuple[str, ...]:
        from capacite.territory.domain.reference import search_key
        from capacite.territory.models import Epci

        codes = []
        for item in _items(self.cleaned_data.get("epcis") or "", SEPARATORS):
            match = SIREN_IN_NAME.search(item)
            code = match.group(1) if match else item if item.isdigit() else None
            found = (Epci.objects.filter(year=self.year, code=code) if code
                     else Epci.objects.filter(year=self.year, search_name=search_key(item)))
            codes.append(_one(list(found.values_list("code", flat=True)), item,
                              unknown=_("« %(value)s » n'est pas un EPCI du référentiel : "
                                        "choisissez-le dans la liste proposée.")))
        return tuple(dict.fromkeys(codes))

    def clean_communes(self) -> tuple[str, ...]:
        from capacite.territory.domain.reference import search_key
        from capacite.territory.models import Commune

        codes = []
        for item in _items(self.cleaned_data.get("communes") or "", COMMUNE_SEPARATORS):
            found = (Commune.objects.filter(year=self.year, code=item.upper())
                     if INSEE_CODE.match(item.upper())
                     else Commune.objects.filter(year=self.year, search_name=search_key(item)))
            codes.append(_one(list(found.values_list("code", flat=True)), item,
                              unknown=_("« %(value)s » n'est pas une commune du référentiel : "
                                        "vérifiez l'orthographe ou donnez son code INSEE.")))
        return tuple(dict.fromkeys(codes))

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not self.errors and not data.get("slug"):
            self.add_error("slug", _("Donnez un identifiant : le nom n'en fournit pas."))
        return data

    def start(self) -> CiteStart:
        data = self.cleaned_data
        return CiteStart(name=data["name"], slug=data["slug"], phase=data["phase"],
                         epci_codes=data.get("epcis") or (),
                         commune_codes=data.get("communes") or (),
                         target_date=data.get("target_date"))


def _items(text: str, separators: re.Pattern) -> list[str]:
    return [item.strip() for item in separators.split(text) if item.strip()]


def _one(codes: list[str], value: str, *, unknown: str) -> str:
    if not codes:
        raise forms.ValidationError(unknown % {"value": value})
    if len(codes) > 1:
        raise forms.ValidationError(
            _("« %(value)s » désigne %(count)s communes (%(codes)s) : donnez le code INSEE de "
              "la bonne.") % {"value": value, "count": len(codes), "codes": ", ".join(codes)})
    return codes[0]


class AuthorityStartForm(CiteStartForm):
    """The label authority opens the space and invites its project lead in the same step."""

    lead_email = forms.EmailField(
        label=gettext_lazy("Adresse électronique du porteur de projet"),
        help_text=gettext_lazy("Il reçoit un lien valable sept jours pour créer son compte."))


class SelfStartForm(CiteStartForm):
    """Self-service start: somebody not signed in gives the address the link goes to."""

    lead_email = forms.EmailField(
        label=gettext_lazy("Votre adresse électronique"),
        help_text=gettext_lazy("Vous y recevez un lien valable sept jours : la Cité est créée "
                               "quand vous l'ouvrez et choisissez votre mot de passe."))


with scopes_disabled():
    class InviteForm(forms.Form):
        """An invitation: an address, a role of the Cité and, for a partner, its organisation."""

        email = forms.EmailField(label=gettext_lazy("Adresse électronique"))
        role = forms.ChoiceField(label=gettext_lazy("Rôle"),
                                 choices=[(r.value, r.label) for r in CITE_ROLES])
        organisation = forms.ModelChoiceField(
            label=gettext_lazy("Organisation représentée (partenaire)"), required=False,
            queryset=None,
            help_text=gettext_lazy("Pour un représentant de partenaire : il mettra à jour les "
                                   "engagements et contributions de cette organisation."))

        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = Organisation.objects.order_by("name")

        def clean(self):  # type: ignore[no-untyped-def]
            data = super().clean()
            if data.get("organisation") and data.get("role") != Role.PARTNER:
                self.add_error("organisation", _("Seul un représentant de partenaire parle pour "
                                                 "une organisation : laissez ce champ vide ou "
                                                 "choisissez ce rôle."))
            return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Nouveau rôle"),
                             choices=[(r.value, r.label) for r in CITE_ROLES])


class NewAccountForm(forms.Form):
    """The invitee's account: a name and a password that passes Django's validators."""

    first_name = forms.CharField(label=gettext_lazy("Prénom"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Nom"), max_length=150)
    password1 = forms.CharField(
        label=gettext_lazy("Mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(
        label=gettext_lazy("Le même mot de passe, encore"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email: str, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.email = email
        # Built per form, in the language of the request (the validators' own texts).
        self.fields["password1"].help_text = " ".join(
            password_validation.password_validators_help_texts())

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif first:
            user = get_user_model()(username=self.email, email=self.email,
                                    first_name=data.get("first_name", ""),
                                    last_name=data.get("last_name", ""))
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
