"""The guide's method as data: load and check `roadmap/method/methode.yaml`.

The file is meant to be read and amended by non-programmers, so every mistake is reported in
French with the file, the line, the item and the field, and nothing is used until it is all right.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from capacite.roadmap.domain.graph import find_cycle

DEFAULT_METHOD_FILE = Path(__file__).resolve().parent.parent / "method" / "methode.yaml"
PHASES = ("emergence", "construction", "implementation", "operation")
VOLETS = ("partenarial", "technique")
KINDS = ("task", "validation", "deliverable")
OWNER_ROLES = ("project_lead", "sponsor", "director")
KEY_FORMAT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_LENGTHS = {"key": 80, "title": 200, "guide_section": 300}  # the database columns' sizes

TASK_FIELDS = {
    "key": True,
    "phase": True,
    "volet": True,
    "kind": True,
    "title": True,
    "description": True,
    "guide_section": True,
    "duration_days": True,
    "depends_on": True,
    "owner_role": True,
    "target": False,
    "title_en": False,
    "description_en": False,
}
VIGILANCE_FIELDS = {"key": True, "phase": True, "title": True, "description": True,
                    "guide_section": True, "title_en": False, "description_en": False}
PHASE_FIELDS = {"key": True, "title": True, "objective": True, "guide_section": True,
                "title_en": False, "objective_en": False}
VOLET_FIELDS = {"key": True, "title": True, "title_en": False}
# The texts of the method that have an English version beside the French (`title_en`…): the
# guide is French and stays the source; the English is shown when the interface is in English.
TRANSLATED = {"phases": ("title", "objective"), "volets": ("title",),
              "tasks": ("title", "description"), "vigilance_points": ("title", "description")}


@dataclass(frozen=True)
class MethodPhase:
    key: str
    title: str
    objective: str
    guide_section: str
    title_en: str = ""
    objective_en: str = ""

    def in_language(self, language: str | None) -> "MethodPhase":
        """This phase with its title and objective in `language` (French unless English)."""
        if not is_english(language):
            return self
        return replace(self, title=self.title_en or self.title,
                       objective=self.objective_en or self.objective)


@dataclass(frozen=True)
class MethodTask:
    key: str
    phase: str
    volet: str
    kind: str
    title: str
    description: str
    guide_section: str
    duration_days: int
    depends_on: tuple[str, ...]
    owner_role: str
    target: bool
    title_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class MethodVigilancePoint:
    key: str
    phase: str
    title: str
    description: str
    guide_section: str
    title_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class Method:
    source: str
    phases: tuple[MethodPhase, ...]
    tasks: tuple[MethodTask, ...]
    vigilance_points: tuple[MethodVigilancePoint, ...]


class MethodError(ValueError):
    """The method file has mistakes; `errors` lists each one in French."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str) or key in seen:
                problem = (f"le champ « {key} » apparaît deux fois" if key in seen
                           else "un nom de champ doit être un mot")
                raise yaml.constructor.ConstructorError(None, None, problem, key_node.start_mark)
            seen.add(key)
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_method(path: Path = DEFAULT_METHOD_FILE) -> Method:
    """Read and check the method file; raise MethodError listing every mistake found."""
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise MethodError(
            [f"{name}, ligne {line} : le fichier n'est pas un YAML valide ({exc.problem})."]
        ) from exc
    return parse_method(data, name=name)


def parse_method(data: object, *, name: str = "methode.yaml") -> Method:
    """Check already-parsed method data (see load_method) and build the Method."""
    errors: list[str] = []
    if not isinstance(data, dict):
        raise MethodError([f"{name} : le fichier doit contenir les rubriques source, phases, "
                           "volets, tasks et vigilance_points."])
    for section in ("source", "phases", "volets", "tasks", "vigilance_points"):
        if section not in data:
            errors.append(f"{name} : la rubrique « {section} » manque.")
    if errors:
        raise MethodError(errors)

    def where(item: dict[str, Any], what: str) -> str:
        return f"{name}, ligne {item.get('__line__', '?')}, {what}"

    def check_fields(item: object, spec: dict[str, bool], what: str) -> bool:
        if not isinstance(item, dict):
            errors.append(f"{name} : {what} doit être une liste de champs « nom: valeur ».")
            return False
        for field, required in spec.items():
            if required and item.get(field) in (None, ""):
                errors.append(f"{where(item, what)} : le champ « {field} » manque ou est vide.")
        for field in item:
            if field != "__line__" and field not in spec:
                errors.append(f"{where(item, what)} : champ inconnu « {field} ».")
        for field, limit in MAX_LENGTHS.items():
            if field in spec and len(str(item.get(field, ""))) > limit:
                errors.append(f"{where(item, what)}, champ « {field} » : {limit} caractères au "
                              f"plus ({len(str(item[field]))} ici).")
        if "key" in spec and item.get("key") and not KEY_FORMAT.match(str(item["key"])):
            errors.append(f"{where(item, what)}, champ « key » : minuscules sans accent, chiffres "
                          "et tirets seulement (par exemple « rediger-statuts »).")
        return True

    phases = []
    for item in data["phases"] or []:
        if check_fields(item, PHASE_FIELDS, "phase"):
            phases.append(MethodPhase(*(str(item.get(f) or "") for f in PHASE_FIELDS)))
    if tuple(p.key for p in phases) != PHASES:
        errors.append(f"{name} : les phases doivent être, dans cet ordre : {', '.join(PHASES)}.")
    volets = [v.get("key") for v in data["volets"] or [] if check_fields(v, VOLET_FIELDS, "volet")]
    if tuple(volets) != VOLETS:
        errors.append(f"{name} : les volets doivent être : {', '.join(VOLETS)}.")

    tasks: list[MethodTask] = []
    seen: dict[str, int] = {}
    for item in data["tasks"] or []:
        what = f"tâche « {item.get('key', '?')} »" if isinstance(item, dict) else "tâche"
        if not check_fields(item, TASK_FIELDS, what):
            continue
        key = str(item.get("key", ""))
        if key in seen:
            errors.append(f"{where(item, what)} : la clé est déjà utilisée ligne {seen[key]}.")
        seen[key] = item["__line__"]
        for field, allowed in (("phase", PHASES), ("volet", VOLETS), ("kind", KINDS),
                               ("owner_role", OWNER_ROLES)):
            if item.get(field) not in allowed and item.get(field) not in (None, ""):
                errors.append(f"{where(item, what)}, champ « {field} » : « {item.get(field)} » "
                              f"n'est pas une valeur permise ({', '.join(allowed)}).")
        duration = item.get("duration_days")
        if not isinstance(duration, int) or isinstance(duration, bool) or duration < 1:
            errors.append(f"{where(item, what)}, champ « duration_days » : un nombre entier de "
                          f"jours, au moins 1, est attendu (« {duration} »).")
            duration = 1
        depends_on = item.get("depends_on") or []
        if not isinstance(depends_on, list):
            errors.append(f"{where(item, what)}, champ « depends_on » : une liste de clés est "
                          "attendue, par exemple [cle-a, cle-b].")
            depends_on = []
        target = item.get("target", False)
        if not isinstance(target, bool):
            errors.append(f"{where(item, what)}, champ « target » : true ou false est attendu.")
        tasks.append(MethodTask(
            key=key, phase=str(item.get("phase")), volet=str(item.get("volet")),
            kind=str(item.get("kind")), title=str(item.get("title", "")),
            description=str(item.get("description", "")),
            guide_section=str(item.get("guide_section", "")), duration_days=duration,
            depends_on=tuple(str(d) for d in depends_on),
            owner_role=str(item.get("owner_role")), target=target is True,
            title_en=str(item.get("title_en") or ""),
            description_en=str(item.get("description_en") or ""),
        ))
    for task in tasks:
        for dep in task.depends_on:
            if dep not in seen:
                errors.append(f"{name}, ligne {seen[task.key]}, tâche « {task.key} », champ "
                              f"« depends_on » : la tâche « {dep} » n'existe pas.")
    if cycle := find_cycle({t.key: t.depends_on for t in tasks}):
        errors.append(f"{name} : les dépendances tournent en rond : {' → '.join(cycle)}.")

    points = []
    seen_points: set[str] = set()
    for item in data["vigilance_points"] or []:
        what = (f"point de vigilance « {item.get('key', '?')} »" if isinstance(item, dict)
                else "point de vigilance")
        if not check_fields(item, VIGILANCE_FIELDS, what):
            continue
        if str(item.get("key")) in seen_points:
            errors.append(f"{where(item, what)} : la clé est déjà utilisée.")
        seen_points.add(str(item.get("key")))
        if item.get("phase") not in PHASES:
            errors.append(f"{where(item, what)}, champ « phase » : « {item.get('phase')} » "
                          f"n'est pas une valeur permise ({', '.join(PHASES)}).")
        points.append(MethodVigilancePoint(*(str(item.get(f) or "") for f in VIGILANCE_FIELDS)))

    if errors:
        raise MethodError(errors)
    return Method(str(data["source"]), tuple(phases), tuple(tasks), tuple(points))


@lru_cache(maxsize=4)
def method_phases(path: Path = DEFAULT_METHOD_FILE) -> dict[str, MethodPhase]:
    """The method's phases by key (title, objective, guide section), read once per process."""
    return {phase.key: phase for phase in load_method(path).phases}


def is_english(language: str | None) -> bool:
    return (language or "").split("-")[0] == "en"


@lru_cache(maxsize=4)
def english_texts(path: Path = DEFAULT_METHOD_FILE) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(section, key, field) → (French, English) for every translated text of the method."""
    method = load_method(path)
    items = {"phases": method.phases, "tasks": method.tasks,
             "vigilance_points": method.vigilance_points}
    return {
        (section, item.key, field): (getattr(item, field), getattr(item, f"{field}_en"))
        for section, found in items.items() for item in found
        for field in TRANSLATED[section]
    }


def shown_text(section: str, key: str, field: str, stored: str, language: str | None) -> str:
    """The text to show for a Cité's copy of a method text (`stored`, always French).

    In English, the method's English version when the Cité's text is still the method's French
    one; a text the Cité wrote itself, or a French text the method file has since reworded,
    is shown as it is stored.
    """
    if not is_english(language):
        return stored
    french, english = english_texts().get((section, key, field), ("", ""))
    return english if english and french == stored else stored
