"""The kinds of background job the apps declare, and what a job hands back.

A job kind is a plain function `fn(job, progress) -> JobOutput | None`; apps register theirs with
`@job_kind(...)` at import time (in their `jobs.py`, imported by `AppConfig.ready()`), so the
worker, which only knows a job's kind by name, can find the function again in another process.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from capacite.core.models import Role

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class JobOutput:
    """What a finished job keeps: an optional file (bytes + its download name) and data."""

    content: bytes | None = None
    filename: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str
    run: Callable[..., JobOutput | None]
    # Who may follow such a job and fetch its result, within the job's Cité.
    readers: frozenset[Role]


_kinds: dict[str, JobKind] = {}


def job_kind(name: str, *, label: str, readers: frozenset[Role]) -> Callable:
    """Register the decorated function as the job kind `name`."""

    def register(fn: Callable[..., JobOutput | None]) -> Callable[..., JobOutput | None]:
        _kinds[name] = JobKind(name=name, label=label, run=fn, readers=frozenset(readers))
        return fn

    return register


def kind_named(name: str) -> JobKind | None:
    return _kinds.get(name)


def kinds_readable_by(roles) -> list[str]:
    """The names of the job kinds one of `roles` may follow."""
    return [name for name, kind in _kinds.items() if kind.readers & set(roles)]
