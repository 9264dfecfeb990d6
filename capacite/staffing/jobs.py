"""The roster solve as a background job: the request records a queued run, the worker solves it."""

from django.utils.translation import gettext_lazy as _

from capacite.core.models import Role
from capacite.jobs.registry import JobOutput, job_kind


@job_kind("roster_solve", label=_("Calcul du planning"),
          readers=frozenset({Role.PROJECT_LEAD, Role.DIRECTOR}))
def solve_roster_job(job, progress) -> JobOutput:  # type: ignore[no-untyped-def]
    """job.params: {"run_id": …}; solves that run within its time limit and stores the result
    on the run (the job keeps a summary)."""
    from capacite.staffing.services import solve_run

    run = solve_run(int(job.params["run_id"]), progress)
    solution = run.solution or {}
    return JobOutput(data={
        "run_id": run.pk, "status": solution.get("status"),
        "uncovered": sum(gap["missing"] for gap in solution.get("uncovered", [])),
        "violations": len(run.violations)})
