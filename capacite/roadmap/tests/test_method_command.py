"""`capacite method check|sync`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scope

from capacite.roadmap.domain.method import load_method
from capacite.roadmap.models import Task

pytestmark = pytest.mark.django_db


def test_check_reports_the_size_of_the_guide_method():
    out = StringIO()
    call_command("method", "check", stdout=out)
    assert out.getvalue() == "Méthode correcte : 69 tâches, 19 points de vigilance.\n"


def test_check_lists_the_mistakes_of_a_broken_file(tmp_path):
    broken = tmp_path / "methode.yaml"
    broken.write_text("source: x\nphases: []\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("method", "check", str(broken))
    assert str(error.value) == (
        "methode.yaml : la rubrique « volets » manque.\n"
        "methode.yaml : la rubrique « tasks » manque.\n"
        "methode.yaml : la rubrique « vigilance_points » manque."
    )


def test_sync_gives_back_a_task_a_cite_lost_and_leaves_the_others(world):
    with scope(cite=world.cite):
        Task.objects.filter(key="rediger-note-opportunite").delete()
        Task.objects.filter(key="designer-porteur-politique").update(status="done")
    out = StringIO()
    call_command("method", "sync", stdout=out)
    assert out.getvalue() == (
        "Cité des métiers d'Alpha : 1 tâche(s) ajoutée(s).\n"
        "Cité des métiers de Bêta : 0 tâche(s) ajoutée(s).\n"
    )
    with scope(cite=world.cite):
        assert Task.objects.count() == 69
        note = Task.objects.get(key="rediger-note-opportunite")
        assert sorted(note.depends_on.values_list("key", flat=True)) == sorted(
            load_method().tasks[[t.key for t in load_method().tasks].index(note.key)].depends_on)
        assert sorted(note.required_by.values_list("key", flat=True)) == sorted(
            t.key for t in load_method().tasks if note.key in t.depends_on)
        assert Task.objects.get(key="designer-porteur-politique").status == "done"


def test_sync_refuses_tasks_that_would_close_a_loop_and_adds_nothing(world):
    with scope(cite=world.cite):
        Task.objects.filter(key="rediger-note-opportunite").delete()
        # The parrain waits for the decision, which waits for the note, which waits for the
        # parrain: no loop until the note comes back.
        parrain = Task.objects.get(key="obtenir-parrain")
        parrain.depends_on.add(Task.objects.get(key="decider-poursuite-projet"))
    with pytest.raises(CommandError) as error:
        call_command("method", "sync", stdout=StringIO())
    message = str(error.value)
    assert message.startswith(
        "Cité des métiers d'Alpha : Les dépendances de la méthode, ajoutées à celles de la Cité, "
        "tourneraient en rond : ")
    assert "rediger-note-opportunite" in message
    assert message.endswith("(rien n'a été ajouté).")
    with scope(cite=world.cite):
        assert Task.objects.count() == 68
