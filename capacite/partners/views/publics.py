"""The publics the Cité serves: the guide's list, which the Cité extends with its own."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.core.concurrency import save_form_atomically
from capacite.partners.domain.text import normalise
from capacite.partners.models import Public


class PublicForm(forms.ModelForm):
    """A new public: its label; the key (used by imports and filters) is derived from it."""

    class Meta:
        model = Public
        fields = ["label"]
        labels = {"label": gettext_lazy("Intitulé du public")}
        help_texts = {"label": gettext_lazy(
            "Par exemple : « Personnes sous main de justice », « Habitants des quartiers "
            "prioritaires ». Il devient aussitôt un choix des fiches, des filtres, de la "
            "matrice de couverture et des imports.")}

    def clean_label(self) -> str:
        label = " ".join(self.cleaned_data["label"].split())
        taken = {normalise(text) for p in Public.objects.all()
                 for text in (p.label, p.get_label_display())}  # as stored and as shown
        if not normalise(label) or normalise(label) in taken:
            raise forms.ValidationError(
                _("Le public « %(label)s » existe déjà dans la liste.") % {"label": label})
        return label

    def save(self, commit: bool = True) -> Public:
        public = super().save(commit=False)
        keys = set(Public.objects.values_list("key", flat=True))
        base = slugify(public.label)[:50] or "public"
        key, suffix = base, 2
        while key in keys:
            key, suffix = f"{base}-{suffix}", suffix + 1
        public.key = key
        public.position = (Public.objects.aggregate(last=Max("position"))["last"] or 0) + 1
        if commit:
            public.save()
        return public


def publics(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every public with how many organisations serve it, and the form to add one."""
    form = PublicForm(request.POST or None, instance=Public(cite=request.cite))
    # The Cité lock makes the "already there" check and the save one request at a time.
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("Le public « %(label)s » est ajouté à la liste.") % {
            "label": form.instance.label})
        return redirect("partners:publics", cite_slug=cite_slug)
    rows = Public.objects.annotate(served_by=Count("organisation")).order_by("position", "label")
    return render(request, "partners/publics.html", {"publics": rows, "form": form})
