from itertools import groupby

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.core.models import Phase
from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload, is_new_upload, original_name
from capacite.roadmap.domain.graph import find_cycle
from capacite.roadmap.models import BackplanTarget, Task, TaskStatus, VigilancePoint

EVIDENCE_EXTENSIONS = DOCUMENT_EXTENSIONS | {".xlsx", ".ods"}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# django-scopes: building a ModelForm class touches the default manager of its related models,
# which needs a scope; the querysets are replaced per Cité in __init__.
with scopes_disabled():

    class TaskForm(VersionedModelForm):
        """Edit one task of the roadmap; dependencies may never loop, and marking it done
        before its dependencies asks why (the reason is kept in the task's history)."""

        reason = forms.CharField(
            label=_("Raison"), required=False, max_length=100,
            help_text=_("Obligatoire pour marquer la tâche faite avant les tâches dont elle "
                        "dépend ; gardée dans l'historique."),
        )

        class Meta:
            model = Task
            fields = [
                "owner", "due_date", "duration_days", "status", "done_on", "depends_on",
                "evidence_note", "evidence_file",
            ]
            widgets = {
                "due_date": DateInput(),
                "done_on": DateInput(),
                "depends_on": forms.CheckboxSelectMultiple,
            }
            help_texts = {
                "duration_days": _("En jours calendaires ; sert au rétro-planning."),
                "depends_on": _("Cochez les tâches qui doivent être terminées avant que celle-ci "
                                "puisse commencer."),
                "evidence_file": _("PDF, DOCX, ODT, XLSX, ODS, PNG ou JPEG."),
            }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            cite = self.instance.cite
            self.fields["owner"].queryset = (
                get_user_model().objects.filter(memberships__cite=cite).distinct().order_by("username")
            )
            self.fields["owner"].label_from_instance = (
                lambda user: user.get_full_name() or user.get_username()
            )
            dependencies = self.fields["depends_on"]
            dependencies.queryset = Task.objects.exclude(pk=self.instance.pk)
            order = {phase.value: index for index, phase in enumerate(Phase)}
            others = sorted(dependencies.queryset, key=lambda t: (order[t.phase], t.position))
            dependencies.choices = [
                (Phase(phase).label, [(t.pk, t.get_title_display()) for t in tasks])
                for phase, tasks in groupby(others, key=lambda t: t.phase)
            ]
            self.fields["evidence_file"].help_text = _(
                "PDF, DOCX, ODT, XLSX, ODS, PNG ou JPEG, %(size)s au plus."
            ) % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}

        def clean_evidence_file(self):
            upload = self.cleaned_data.get("evidence_file")
            if is_new_upload(upload):
                check_upload(upload, extensions=EVIDENCE_EXTENSIONS)
                self.instance.evidence_filename = original_name(upload)
            return upload

        def clean_done_on(self):
            """Left empty on a task already done, it keeps its day; never in the future."""
            day = self.cleaned_data.get("done_on")
            if day and day > timezone.localdate():
                raise forms.ValidationError(_("Cette date est à venir : une tâche ne peut être "
                                              "faite qu'aujourd'hui ou avant."))
            return day or self.instance.done_on

        def clean_depends_on(self):
            chosen = self.cleaned_data["depends_on"]
            graph = {
                t.key: [d.key for d in t.depends_on.all()]
                for t in Task.objects.prefetch_related("depends_on")
            }
            graph[self.instance.key] = [t.key for t in chosen]
            if cycle := find_cycle(graph):
                titles = {t.key: t.get_title_display() for t in Task.objects.filter(key__in=cycle)}
                raise forms.ValidationError(
                    _("Ces dépendances tournent en rond : %(cycle)s.")
                    % {"cycle": " → ".join(titles[k] for k in cycle)}
                )
            return chosen

        def clean(self):
            cleaned = super().clean()
            becomes_done = (cleaned.get("status") == TaskStatus.DONE
                            and self.initial.get("status") != TaskStatus.DONE)
            pending = [t for t in cleaned.get("depends_on") or () if not t.is_done]
            reason = (cleaned.get("reason") or "").strip()
            if becomes_done and pending and not reason:
                self.add_error("reason", _(
                    "Ces tâches dont elle dépend ne sont pas faites : %(tasks)s. Dites pourquoi "
                    "celle-ci est faite quand même, ou laissez-la « En cours »."
                ) % {"tasks": ", ".join(f"« {t.get_title_display()} »" for t in pending)})
            if reason:
                # django-simple-history writes this into the history record of the save.
                self.instance._change_reason = reason
            return cleaned


    class BackplanTargetForm(VersionedModelForm):
        class Meta:
            model = BackplanTarget
            fields = ["task", "date"]
            widgets = {"date": DateInput()}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["task"].queryset = Task.objects.filter(is_target=True)


class VigilancePointForm(VersionedModelForm):
    """A point's status and notes; a measured point's status comes from the data, so only its
    notes are edited here."""

    class Meta:
        model = VigilancePoint
        fields = ["status", "note"]
        labels = {"note": _("Notes et mesures prises")}

    def __init__(self, *args, measured: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if measured:
            del self.fields["status"]


class TeamVigilancePointForm(VersionedModelForm):
    """A difficulty the team adds itself, beside the guide's points."""

    class Meta:
        model = VigilancePoint
        fields = ["title", "description", "phase", "status", "note"]
        labels = {"note": _("Notes et mesures prises")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3}),
                   "note": forms.Textarea(attrs={"rows": 3})}
