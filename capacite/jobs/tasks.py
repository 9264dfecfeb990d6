"""The one task the queue knows: run a Job by id (the Job row carries everything else)."""

from django_tasks import task

from capacite.jobs.services import execute_job


@task()
def run_job(job_id: int) -> None:
    execute_job(job_id)
