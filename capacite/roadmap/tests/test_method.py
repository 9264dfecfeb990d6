"""The method file: the real one loads; mistakes are reported in French with line and field."""

import textwrap

import pytest

from capacite.roadmap.domain.graph import ancestors
from capacite.roadmap.domain.method import (
    DEFAULT_METHOD_FILE,
    TRANSLATED,
    MethodError,
    load_method,
    shown_text,
)

HEADER = textwrap.dedent("""\
    source: "Guide"
    phases:
      - {key: emergence, title: "Émergence", objective: "o", guide_section: "s"}
      - {key: construction, title: "Construction", objective: "o", guide_section: "s"}
      - {key: implementation, title: "Mise en œuvre", objective: "o", guide_section: "s"}
      - {key: operation, title: "Fonctionnement", objective: "o", guide_section: "s"}
    volets:
      - {key: partenarial, title: "Volet partenarial"}
      - {key: technique, title: "Volet technique"}
    vigilance_points: []
    tasks:
    """)

TASK = """\
  - key: {key}
    phase: {phase}
    volet: partenarial
    kind: task
    title: "Une tâche"
    description: "d"
    guide_section: "s"
    duration_days: {duration}
    depends_on: {deps}
    owner_role: project_lead
"""


def write(tmp_path, *tasks):
    path = tmp_path / "methode.yaml"
    path.write_text(HEADER + "".join(tasks), encoding="utf-8")
    return path


def task(key, phase="emergence", duration=5, deps="[]"):
    return TASK.format(key=key, phase=phase, duration=duration, deps=deps)


def test_the_guide_method_loads_with_its_phases_targets_and_vigilance_points():
    method = load_method()
    assert [p.key for p in method.phases] == [
        "emergence", "construction", "implementation", "operation"]
    assert len(method.tasks) == 69
    assert len(method.vigilance_points) == 19
    targets = [t.key for t in method.tasks if t.target]
    assert targets == ["comite-label-projet", "ouvrir-au-public", "comite-label-fonctionnement"]
    kinds = {t.kind for t in method.tasks}
    assert kinds == {"task", "validation", "deliverable"}
    assert all(t.guide_section for t in method.tasks)


def test_every_task_of_the_guide_leads_to_a_target():
    method = load_method()
    graph = {t.key: t.depends_on for t in method.tasks}
    reached = set()
    for t in method.tasks:
        if t.target:
            reached |= ancestors(graph, t.key) | {t.key}
    assert reached == set(graph)


def test_a_small_valid_file_loads(tmp_path):
    method = load_method(write(tmp_path, task("a"), task("b", deps="[a]")))
    assert [(t.key, t.depends_on) for t in method.tasks] == [("a", ()), ("b", ("a",))]


def test_an_unknown_dependency_is_reported_with_line_and_field(tmp_path):
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, task("a"), task("b", deps="[zz]")))
    assert error.value.errors == [
        "methode.yaml, ligne 22, tâche « b », champ « depends_on » : "
        "la tâche « zz » n'existe pas."
    ]


def test_every_mistake_is_listed_at_once(tmp_path):
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, task("a", phase="ete", duration=0), task("a")))
    assert error.value.errors == [
        "methode.yaml, ligne 12, tâche « a », champ « phase » : « ete » n'est pas une valeur "
        "permise (emergence, construction, implementation, operation).",
        "methode.yaml, ligne 12, tâche « a », champ « duration_days » : un nombre entier de "
        "jours, au moins 1, est attendu (« 0 »).",
        "methode.yaml, ligne 22, tâche « a » : la clé est déjà utilisée ligne 12.",
    ]


def test_a_dependency_loop_is_reported(tmp_path):
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, task("a", deps="[b]"), task("b", deps="[a]")))
    assert error.value.errors == [
        "methode.yaml : les dépendances tournent en rond : a → b → a."
    ]


def test_an_unknown_field_and_a_missing_one_are_reported(tmp_path):
    broken = task("a").replace('    title: "Une tâche"\n', '    titre: "Une tâche"\n')
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, broken))
    assert error.value.errors == [
        "methode.yaml, ligne 12, tâche « a » : le champ « title » manque ou est vide.",
        "methode.yaml, ligne 12, tâche « a » : champ inconnu « titre ».",
    ]


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    path = tmp_path / "methode.yaml"
    path.write_text(HEADER + "  - key: [a\n", encoding="utf-8")
    with pytest.raises(MethodError) as error:
        load_method(path)
    assert len(error.value.errors) == 1
    assert error.value.errors[0].startswith("methode.yaml, ligne 1")


def test_a_field_written_twice_is_reported_with_its_line(tmp_path):
    doubled = task("a").replace('    kind: task\n', '    kind: task\n    kind: validation\n')
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, doubled))
    assert error.value.errors == [
        "methode.yaml, ligne 16 : le fichier n'est pas un YAML valide "
        "(le champ « kind » apparaît deux fois)."
    ]


def test_keys_and_lengths_that_the_database_cannot_hold_are_reported(tmp_path):
    long_title = task("Clé avec espaces").replace('"Une tâche"', '"' + "x" * 201 + '"')
    with pytest.raises(MethodError) as error:
        load_method(write(tmp_path, long_title))
    assert error.value.errors == [
        "methode.yaml, ligne 12, tâche « Clé avec espaces », champ « title » : 200 caractères "
        "au plus (201 ici).",
        "methode.yaml, ligne 12, tâche « Clé avec espaces », champ « key » : minuscules sans "
        "accent, chiffres et tirets seulement (par exemple « rediger-statuts »).",
    ]


def test_every_text_of_the_guide_method_has_an_english_version():
    import yaml

    data = yaml.safe_load(DEFAULT_METHOD_FILE.read_text(encoding="utf-8"))
    missing, same = [], []
    for section, fields in TRANSLATED.items():
        for item in data[section]:
            for field in fields:
                english = str(item.get(f"{field}_en") or "").strip()
                if not english:
                    missing.append(f"{section} {item['key']} {field}_en")
                elif english == item[field]:
                    same.append(f"{section} {item['key']} {field}_en")
    assert missing == [], "Texts of the method without English:\n" + "\n".join(missing)
    assert same == [], "English identical to the French:\n" + "\n".join(same)
    counted = sum(len(data[section]) * len(fields) for section, fields in TRANSLATED.items())
    assert counted == 4 * 2 + 2 + 69 * 2 + 19 * 2  # 186 texts


def test_the_english_of_a_method_text_is_shown_only_in_english_and_over_its_own_french():
    method = load_method()
    first = method.tasks[0]
    assert first.title == "Identifier et mobiliser le porteur politique"
    assert first.title_en == "Identify and win over the political sponsor"
    assert shown_text("tasks", first.key, "title", first.title, "en") == first.title_en
    assert shown_text("tasks", first.key, "title", first.title, "fr") == first.title
    # A Cité's own wording, or a French text since reworded in the file, stays as stored.
    assert shown_text("tasks", first.key, "title", "Trouver un élu", "en") == "Trouver un élu"
    assert shown_text("vigilance_points", "equipe-x", "title", "Notre point", "en") == "Notre point"
    phase = method.phases[2].in_language("en")
    assert (phase.title, phase.objective[:38]) == (
        "Implementation of the Cité des métiers", "Conformity with the label: turn the ch")
    assert method.phases[2].in_language("fr").title == "Mise en œuvre de la Cité des métiers"


def test_an_english_text_is_optional_for_the_loader(tmp_path):
    with_english = task("a").replace('    title: "Une tâche"\n',
                                     '    title: "Une tâche"\n    title_en: "A task"\n')
    method = load_method(write(tmp_path, with_english, task("b", deps="[a]")))
    assert [(t.title_en, t.description_en) for t in method.tasks] == [("A task", ""), ("", "")]
