"""Read a source once per page: `@read_once` functions keep their result inside `reading_once()`.

The dossier page previews three dossiers and runs each one's pre-flight; each dossier reads the
same sources (partners, budget, today's figures, the dashboards' tables), and the label
fonctionnement's readiness reads them a fourth time. Each source stays computed in its one place
(`label/services.py`, `label/conformity.py`, …); this only keeps what it returned while one page
or one dossier is being built, so the page reads each source once instead of four times.

Outside `reading_once()` nothing is kept: a form that saves and then reads sees the saved data.
Results are keyed on the arguments, the language (labels are translated when read) and the Cité
of the current scope (most sources take no Cité and read through the scope). What is returned
is shared: callers read it, never change it.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.utils import translation
from django_scopes import get_scope

P = ParamSpec("P")
R = TypeVar("R")

_kept: ContextVar[dict[tuple, Any] | None] = ContextVar("capacite_read_once", default=None)


@contextmanager
def reading_once() -> Iterator[None]:
    """Inside, each `@read_once` source is computed once per arguments; nested uses share."""
    if _kept.get() is not None:
        yield
        return
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def read_once(source: Callable[P, R]) -> Callable[P, R]:
    """Keep `source`'s result while `reading_once()` is open (see the module's docstring)."""

    @wraps(source)
    def kept(*args: P.args, **kwargs: P.kwargs) -> R:
        found = _kept.get()
        if found is None:
            return source(*args, **kwargs)
        cite = get_scope().get("cite")
        key = (source.__module__, source.__qualname__, translation.get_language(),
               getattr(cite, "pk", cite), args, tuple(sorted(kwargs.items())))
        if key not in found:
            found[key] = source(*args, **kwargs)
        return found[key]

    return kept
