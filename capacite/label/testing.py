"""Sample objects for tests/test_permission_matrix.py."""

from django.core.files.base import ContentFile

from capacite.label.models import Declaration, NarrativeText


def sample_kwargs(cite) -> dict:
    """Reuses the rows a Cité already has (the demo writes them) rather than duplicating them."""
    narrative, _ = NarrativeText.objects.get_or_create(
        cite=cite, key="context", defaults={"text": "Historique."})
    declaration = (Declaration.objects.filter(cite=cite, key="free_access").first()
                   or Declaration(cite=cite, key="free_access"))
    declaration.status, declaration.evidence = "met", "Règlement intérieur."
    declaration.filename = "reglement.pdf"
    declaration.file.save("reglement.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    declaration.save()
    from datetime import date

    from capacite.label.models_followup import ExperimentalAction, GapAnswer

    answer = GapAnswer.objects.create(cite=cite, key="site:Site d'exemple pour les tests")
    action = ExperimentalAction.objects.create(cite=cite, title="Action d'exemple pour les tests",
                                               started_on=date(2027, 1, 4))
    return {"narrative_id": narrative.pk, "declaration_id": declaration.pk,
            "gap_answer_id": answer.pk, "experimental_action_id": action.pk}
