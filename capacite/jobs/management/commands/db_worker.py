"""`capacite db_worker`: django-tasks-db's worker, kept alive through database errors and
giving a sign of life every 15 s (`capacite/jobs/worker.py`). Same options as the original."""

import threading

from django_tasks_db.management.commands import db_worker as original

from capacite.jobs.worker import beat, keep_beating, run_surviving_database_errors


class Command(original.Command):
    help = ("Exécute les travaux en arrière-plan (dossiers, plannings) ; survit à une base "
            "occupée et signale qu'il tourne.")

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay,
               reload, max_tasks, worker_id, exclude_queues, **options):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise original.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = original.Worker(
            queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
            startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id,
            excluded_queue_names=excluded)
        stop = threading.Event()
        if batch:
            beat(worker_id)
        else:
            keep_beating(worker_id, stop)
        worker.configure_signals()
        try:
            if reload and not batch:
                original.run_with_reloader(lambda: run_surviving_database_errors(worker.run))
            else:
                run_surviving_database_errors(worker.run)
        finally:
            stop.set()
