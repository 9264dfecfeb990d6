"""The fields × publics coverage matrix of the guide's "cartographie des acteurs".

A cell lists the allies and hesitants acting in that field for that public, with their roles
(funder, prescriber, provider); an empty cell is a gap no willing partner covers yet.
"""

from dataclasses import dataclass

COUNTED_STANCES = ("ally", "hesitant")


@dataclass(frozen=True)
class Actor:
    organisation_id: int
    name: str
    stance: str  # ally | hesitant | refusal | unknown
    fields: tuple[str, ...]
    publics: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class CellEntry:
    organisation_id: int
    name: str
    stance: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    public: str
    entries: tuple[CellEntry, ...]

    @property
    def empty(self) -> bool:
        return not self.entries


@dataclass(frozen=True)
class MatrixRow:
    field: str
    cells: tuple[Cell, ...]


def coverage_matrix(actors: list[Actor], *, fields: list[str],
                    publics: list[str]) -> list[MatrixRow]:
    """One row per field, one cell per public, in the given orders.

    Only allies and hesitants count: a refusal or an unknown position covers nothing yet.
    Within a cell, allies come before hesitants, then by name.
    """
    rank = {stance: index for index, stance in enumerate(COUNTED_STANCES)}
    counted = sorted((a for a in actors if a.stance in rank),
                     key=lambda a: (rank[a.stance], a.name.casefold()))
    rows = []
    for field in fields:
        cells = []
        for public in publics:
            entries = tuple(
                CellEntry(a.organisation_id, a.name, a.stance, a.roles)
                for a in counted if field in a.fields and public in a.publics
            )
            cells.append(Cell(public, entries))
        rows.append(MatrixRow(field, tuple(cells)))
    return rows


def gaps(matrix: list[MatrixRow]) -> list[tuple[str, str]]:
    """The (field, public) pairs no ally or hesitant covers."""
    return [(row.field, cell.public) for row in matrix for cell in row.cells if cell.empty]
