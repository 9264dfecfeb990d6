"""The job worker that outlives a busy database, and its sign of life.

Why: django-tasks-db's worker exits on `OperationalError: database is locked` when another
process holds SQLite's write lock for longer than the busy timeout (a long import, a backup), and
then every later dossier or roster stays « en attente » with nothing saying why. Here the worker
waits and tries again (1 s, 2 s, 4 s… up to 30 s) on any database error, and a thread writes a
`WorkerBeat` every `BEAT_SECONDS`, which the job pages read (`worker_seen_recently`).
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import OperationalError, close_old_connections, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

BEAT_SECONDS = 15
SILENCE = timedelta(minutes=1)  # no beat for this long: the job pages say no worker runs
MAX_PAUSE = 30.0


def beat(worker_id: str) -> bool:
    """Record that `worker_id` is alive now; False when a busy database delayed it."""
    from capacite.jobs.models import WorkerBeat

    try:
        WorkerBeat.objects.update_or_create(worker_id=worker_id,
                                            defaults={"seen_at": timezone.now()})
    except OperationalError:
        logger.warning("worker %s: database busy, sign of life delayed", worker_id)
        return False
    return True


def worker_seen_recently(now=None) -> bool:
    """True when some worker gave a sign of life within `SILENCE`."""
    from capacite.jobs.models import WorkerBeat

    now = now or timezone.now()
    return WorkerBeat.objects.filter(seen_at__gte=now - SILENCE).exists()


def keep_beating(worker_id: str, stop: threading.Event) -> threading.Thread:
    """Start a daemon thread that beats now, then every `BEAT_SECONDS` (every second while the
    database is busy), until `stop` is set; it then closes its connection."""
    def loop() -> None:
        try:
            while not stop.wait(BEAT_SECONDS if beat(worker_id) else 1):
                pass
        finally:
            connections.close_all()

    thread = threading.Thread(target=loop, name="capacite-worker-beat", daemon=True)
    thread.start()
    return thread


def drop_broken_connections() -> None:
    """Close the connections a database error left unusable (not one inside a transaction)."""
    close_old_connections()
    for connection in connections.all():
        if not connection.in_atomic_block:
            connection.close()


def run_surviving_database_errors(run: Callable[[], None], *,
                                  sleep: Callable[[float], None] = time.sleep,
                                  reset: Callable[[], None] = drop_broken_connections,
                                  max_errors: int | None = None) -> int:
    """Call `run` until it returns; after a database error (locked, connection lost), `reset`
    the connections, wait and call it again, longer each time in a row, never more than
    `MAX_PAUSE`. Returns how many errors were survived. `max_errors` gives up after that many,
    re-raising the last."""
    survived = 0
    pause = 1.0
    while True:
        try:
            run()
            return survived
        except OperationalError as error:
            survived += 1
            if max_errors is not None and survived > max_errors:
                raise
            logger.warning("worker: database error (%s); trying again in %.0f s", error, pause)
            reset()
            sleep(pause)
            pause = min(MAX_PAUSE, pause * 2)
