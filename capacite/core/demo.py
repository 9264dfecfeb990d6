"""The demo Cités: invented places and people, plausible enough for a newcomer to see every screen.

Dates are set relative to the day the demo is built, so a fresh demo always shows late tasks, next
tasks and a rétro-planning that already slips. Later apps add their own demo data here.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Cite, Membership, Phase, Role

CONSTRUCTION_SLUG = "rivemont"
OPENED_DAYS_AGO = 380  # Valombre opened a year and two weeks before the demo's day
# Validation moments of Rivemont's construction phase that its past committees decided.
DECIDED_IN_CONSTRUCTION = ("arbitrer-scenarios", "choisir-structure-juridique")
OPEN_SLUG = "valombre"

DEMO_USERS = [
    ("autorite", "autorité de label : voit toutes les Cités"),
    ("porteur", "porteur de projet, Cité des métiers de Rivemont (en construction)"),
    ("elu", "porteur politique, Cité des métiers de Rivemont"),
    ("partenaire", "représentant d'un partenaire, Cité des métiers de Rivemont"),
    ("directeur", "directeur, Cité des métiers de Valombre (ouverte)"),
    ("conseiller", "conseillère de l'équipe, Cité des métiers de Valombre"),
    ("accueil", "agent d'accueil, Cité des métiers de Valombre"),
    ("porteur2", "porteur de projet, Cité des métiers de Valombre"),
    ("partenaire2", "représentant de la Mission locale, Cité des métiers de Valombre"),
]

PEOPLE = {
    "autorite": ("Hélène", "Vautrin", None, Role.LABEL_AUTHORITY),
    "porteur": ("Camille", "Berthelot", CONSTRUCTION_SLUG, Role.PROJECT_LEAD),
    "elu": ("Marc", "Delaunay-Ferrand", CONSTRUCTION_SLUG, Role.SPONSOR),
    "partenaire": ("Nadia", "Keraudren", CONSTRUCTION_SLUG, Role.PARTNER),
    "directeur": ("Olivier", "Maréchal", OPEN_SLUG, Role.DIRECTOR),
    "conseiller": ("Inès", "Fontvieille", OPEN_SLUG, Role.STAFF),
    "accueil": ("Théo", "Lambesc", OPEN_SLUG, Role.RECEPTION),
    "porteur2": ("Sophie", "Arnaudet", OPEN_SLUG, Role.PROJECT_LEAD),
    "partenaire2": ("Louis", "Carrère", OPEN_SLUG, Role.PARTNER),
}


# Demo builders of the domain apps, registered in their AppConfig.ready(): each is called as
# builder(cite=…, today=…) inside the Cité's scope, once, right after the demo creates that Cité
# (after the roadmap progress), so later apps add their data without editing this file.
_builders: list[tuple[int, str, Callable[..., None]]] = []


def register_demo_builder(order: int, name: str, builder: Callable[..., None]) -> None:
    if all(existing != name for _, existing, _ in _builders):
        _builders.append((order, name, builder))
        _builders.sort(key=lambda entry: entry[0])


def build_demo(*, password: str, today: date | None = None) -> list[tuple[str, bool]]:
    """Create the two demo Cités, their users and roadmap progress; leave existing ones alone.

    Returns each Cité's name with whether it was created now.
    """
    today = today or timezone.localdate()
    results = []
    for slug, name, territory, phase, progress in (
        (CONSTRUCTION_SLUG, "Cité des métiers de Rivemont",
         "Communauté d'agglomération de Rivemont (fictive), sur les 38 communes réelles de la "
         "CA du Grand Angoulême", Phase.CONSTRUCTION,
         _construction_progress),
        (OPEN_SLUG, "Cité des métiers de Valombre",
         "Métropole de Valombre (fictive), sur les 24 communes réelles de la CA de Sophia "
         "Antipolis", Phase.OPERATION, _open_progress),
    ):
        cite, created = Cite.objects.get_or_create(
            slug=slug, defaults={"name": name, "territory": territory, "phase": phase,
                                 "invitation_email": f"contact@cite-{slug}.example"}
        )
        if created:
            _create_members(cite, password)
            with scope(cite=cite):
                _assign_owners(cite)
                progress(cite, today)
                for _order, _name, builder in _builders:
                    builder(cite=cite, today=today)
        results.append((name, created))
    return results


def _create_members(cite: Cite, password: str) -> None:
    """Give the demo people their role in the demo Cité just created.

    Roles are only ever given along with a Cité the demo creates, and the instance-wide label
    authority only to an `autorite` account the demo creates itself: running the demo on a real
    instance never hands a role to an existing account.
    """
    User = get_user_model()
    for username, (first, last, slug, role) in PEOPLE.items():
        if slug not in (cite.slug, None):
            continue
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last,
                      "email": f"{username}@demo.capacite.invalid"},
        )
        if created:
            user.set_password(password)
            user.save()
        if slug == cite.slug:
            Membership.objects.get_or_create(user=user, cite=cite, role=role)
        elif created:
            Membership.objects.create(user=user, cite=None, role=role)


def _assign_owners(cite: Cite) -> None:
    from capacite.roadmap.domain.method import load_method
    from capacite.roadmap.models import Task

    owner_role = {t.key: t.owner_role for t in load_method().tasks}
    people = {m.role: m.user for m in Membership.objects.filter(cite=cite)}
    for task in Task.objects.filter(owner__isnull=True):
        user = people.get(owner_role.get(task.key)) or people.get(Role.PROJECT_LEAD)
        if user:
            task.owner = user
            task.save(update_fields=["owner"])


def _mark(tasks, *, status: str, first_due: date, step_days: int) -> None:
    """Give `tasks` a status and due dates `step_days` apart; done ones were done up to two days
    before their due date, one in five four days after it (the Gantt shows those in red)."""
    due = first_due
    for index, task in enumerate(tasks):
        task.status = status
        task.due_date = due
        task.done_on = None
        if status == "done":
            task.evidence_note = "Fait — voir le compte rendu partagé avec le comité de suivi."
            early_or_late = timedelta(days=4 if index % 5 == 3 else -(index % 3))
            task.done_on = due + early_or_late  # every done due date is weeks past
        task.save(update_fields=["status", "due_date", "evidence_note", "done_on"])
        due += timedelta(days=step_days)


def _in_dependency_order(tasks: list, *, done: set[str]) -> list:
    """`tasks` reordered so that each comes after those of them it depends on."""
    ordered, placed, remaining = [], set(done), list(tasks)
    while remaining:
        ready = [t for t in remaining if {d.key for d in t.depends_on.all()} <= placed]
        ready = ready or remaining[:1]  # a loop in edited data: keep going in file order
        for task in ready:
            ordered.append(task)
            placed.add(task.key)
            remaining.remove(task)
    return ordered


def _construction_progress(cite: Cite, today: date) -> None:
    """Rivemont: Phase 1 done, Phase 2 under way with two tasks late, committee in 4 months."""
    from capacite.roadmap.models import BackplanTarget, Task, VigilancePoint

    emergence = list(Task.objects.filter(phase=Phase.EMERGENCE).prefetch_related("depends_on"))
    emergence = _in_dependency_order(emergence, done=set())
    construction = _in_dependency_order(
        list(Task.objects.filter(phase=Phase.CONSTRUCTION).prefetch_related("depends_on")),
        done={t.key for t in emergence},
    )
    _mark(emergence, status="done", first_due=today - timedelta(days=420), step_days=14)
    # The governance demo's committees chose the scenario and the GIP: those validations and
    # everything they depend on are done, so the register and the roadmap agree.
    keys = [t.key for t in construction]
    done_count = max([len(construction) * 2 // 5,
                      *(keys.index(k) + 1 for k in DECIDED_IN_CONSTRUCTION if k in keys)])
    _mark(construction[:done_count], status="done", first_due=today - timedelta(days=150),
          step_days=9)
    _mark(construction[done_count:done_count + 2], status="in_progress",
          first_due=today - timedelta(days=12), step_days=5)
    _mark(construction[done_count + 2:], status="todo", first_due=today + timedelta(days=10),
          step_days=6)
    target = next((t for t in construction if t.is_target), None)
    if target:
        target_date = today + timedelta(days=120)
        Task.objects.filter(pk=target.pk).update(due_date=target_date)
        BackplanTarget.objects.create(cite=cite, task=target, date=target_date)
    notes = {  # each point its own note (the pilotage point is measured from the meetings)
        "faiblesse-portage-politique": "Le vice-président de l'agglomération préside chaque "
        "comité de pilotage et rend compte en conseil communautaire.",
        "mission-porteur-mal-cadree": "Lettre de mission de la cheffe de projet signée : "
        "périmètre, moyens et calendrier jusqu'au comité de labellisation.",
    }
    for point in VigilancePoint.objects.filter(key__in=notes):
        point.status = "controlled"
        point.note = notes[point.key]
        point.save(update_fields=["status", "note"])


def _open_progress(cite: Cite, today: date) -> None:
    """Valombre: opened a year ago; the label fonctionnement committee is next."""
    from capacite.roadmap.models import BackplanTarget, Task, VigilancePoint

    before_opening = _in_dependency_order(
        list(Task.objects.exclude(phase=Phase.OPERATION).prefetch_related("depends_on")),
        done=set(),
    )
    # The last of them is the opening, a year and two weeks ago (the README's « ouverte depuis
    # un an »); everything of the operation phase comes after it.
    _mark(before_opening, status="done",
          first_due=today - timedelta(days=OPENED_DAYS_AGO + 12 * (len(before_opening) - 1)),
          step_days=12)
    # The ONE opening date: the Cité's `opened_on` is the day its task « ouvrir-au-public » was
    # done (the label fonctionnement's deadline, the dossier's first year and the network's
    # links all read it).
    opening = Task.objects.filter(key="ouvrir-au-public").first()
    if opening is not None:
        Task.objects.filter(pk=opening.pk).update(done_on=opening.due_date)
        Cite.objects.filter(pk=cite.pk).update(opened_on=opening.due_date)
        cite.opened_on = opening.due_date
    operation = _in_dependency_order(
        list(Task.objects.filter(phase=Phase.OPERATION).prefetch_related("depends_on")),
        done={t.key for t in before_opening},
    )
    half = len(operation) // 2
    _mark(operation[:half], status="done", first_due=today - timedelta(days=OPENED_DAYS_AGO - 30),
          step_days=30)
    _mark(operation[half:], status="todo", first_due=today + timedelta(days=20), step_days=15)
    target = next((t for t in operation if t.is_target), None)
    if target:
        target_date = today + timedelta(days=75)
        Task.objects.filter(pk=target.pk).update(due_date=target_date)
        BackplanTarget.objects.create(cite=cite, task=target, date=target_date)
    VigilancePoint.objects.exclude(phase=Phase.OPERATION).update(
        status="controlled", note="Traité avant l'ouverture."
    )
