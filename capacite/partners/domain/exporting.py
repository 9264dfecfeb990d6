"""Exported cells that a spreadsheet will not run as formulas (pure).

A cell starting with = + - @, a tab or a carriage return can be read by Excel or LibreOffice as
a formula (CSV injection); such cells get a leading apostrophe, which spreadsheets show as text.
"""

from collections.abc import Iterable, Sequence

from capacite.lib.exports import cell_text


def neutralise(value: object) -> str:
    """`value` as text, with a leading apostrophe when a spreadsheet could run it (the rule of
    every export: `capacite/lib/exports.py`)."""
    return cell_text(value)


def neutralise_rows(rows: Iterable[Sequence[object]]) -> list[list[str]]:
    return [[neutralise(cell) for cell in row] for row in rows]
