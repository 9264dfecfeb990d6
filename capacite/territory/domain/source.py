"""From the JSON files of `@etalab/decoupage-administratif` to capacite's compact reference.

Used by `scripts/generate-territories`; plain data in, plain data out. Only what capacite uses is
kept: current communes ("commune-actuelle", so no communes déléguées or associées and no
arrondissements municipaux) with their EPCI (from the EPCI's `membres`), EPCI à fiscalité propre,
départements and régions.
"""

from collections.abc import Iterable

from capacite.territory.domain.reference import FORMAT

CURRENT_COMMUNE = "commune-actuelle"


class SourceError(Exception):
    """The package's files are not what the generator expects (message in French)."""


def build_reference(
    *,
    year: int,
    source: dict,
    communes: Iterable[dict],
    epcis: Iterable[dict],
    departements: Iterable[dict],
    regions: Iterable[dict],
) -> dict:
    """The compact reference (see domain/reference.py for its layout), rows sorted by code."""
    epcis, departements = list(epcis), list(departements)
    epci_of: dict[str, str] = {}
    for epci in epcis:
        for member in epci.get("membres", []):
            previous = epci_of.setdefault(member["code"], epci["code"])
            if previous != epci["code"]:
                raise SourceError(
                    f"La commune {member['code']} est membre de deux EPCI "
                    f"({previous} et {epci['code']})."
                )
    region_of_departement = {d["code"]: d["region"] for d in departements}
    current = [c for c in communes if c.get("type") == CURRENT_COMMUNE]
    for commune in current:
        expected = region_of_departement.get(commune["departement"])
        if expected != commune.get("region"):
            raise SourceError(
                f"La commune {commune['code']} est dans la région {commune.get('region')} mais "
                f"son département {commune['departement']} dans la région {expected}."
            )
    return {
        "format": FORMAT,
        "year": year,
        "source": source,
        "regions": sorted([r["code"], r["nom"]] for r in regions),
        "departements": sorted([d["code"], d["nom"], d["region"]] for d in departements),
        "epci": sorted(
            [e["code"], e["nom"], e["type"], e.get("populationMunicipale")] for e in epcis
        ),
        "communes": sorted(
            [
                c["code"],
                c["nom"],
                c["departement"],
                c["region"],
                epci_of.get(c["code"]),
                c.get("population"),
                " ".join(sorted(set(c.get("codesPostaux", [])))),
            ]
            for c in current
        ),
    }
