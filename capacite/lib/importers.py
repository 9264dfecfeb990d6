"""Kinds of data `capacite import KIND --cite SLUG FILE` accepts besides organisations.

The command lives in the partners app (which has the first import, `organisations`); other apps
register their import here in their AppConfig.ready(), so the command offers it without
depending on them. An importer reads the file's bytes inside the Cité's scope and either
returns a French summary line or raises `ImportRefused` with every error (nothing written).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class ImportRefused(Exception):
    """The file has errors; nothing was written. `errors` are French lines, one per error shown
    (the first ones, then how many more: `capacite.lib.tables.bounded`); `count` is how many
    errors the file has."""

    def __init__(self, errors: list[str], count: int | None = None):
        super().__init__("\n".join(errors))
        self.errors = errors
        self.count = len(errors) if count is None else count


@dataclass(frozen=True)
class Importer:
    kind: str  # the command's word, e.g. "indicators"
    help: str
    run: Callable[[Any, bytes, str], str]  # (cite, data, filename) → summary


_importers: dict[str, Importer] = {}


def register_importer(importer: Importer) -> None:
    _importers[importer.kind] = importer


def importers() -> list[Importer]:
    return sorted(_importers.values(), key=lambda i: i.kind)
