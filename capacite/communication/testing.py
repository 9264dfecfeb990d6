"""Sample objects for tests/test_permission_matrix.py."""

from datetime import date

from django_scopes import scope

from capacite.communication.models import Action, Tool


def sample_kwargs(cite) -> dict:
    with scope(cite=cite):
        action = Action.objects.create(cite=cite, title="Action d'exemple pour les tests",
                                       tool=Tool.PRESS, date=date(2027, 3, 1))
    return {"action_id": action.pk}
