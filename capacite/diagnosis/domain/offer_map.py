"""The existing offer map's totals: how many actors offer each service, and what nobody offers.

The guide asks the project to map "qui fait quoi" before building its own offer: a service that
no actor of the territory offers (or only one) is where the Cité adds something new.
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ActorOffer:
    actor: str
    services: frozenset[str]


@dataclass(frozen=True)
class ServiceCount:
    service: str
    count: int
    actors: tuple[str, ...]

    @property
    def gap(self) -> bool:
        """Nobody offers it: the Cité has a reason to."""
        return self.count == 0

    @property
    def thin(self) -> bool:
        """One actor only: the territory depends on it."""
        return self.count == 1


def service_counts(offers: Sequence[ActorOffer], services: Sequence[str]) -> list[ServiceCount]:
    """For each service in `services` order, the actors offering it (in alphabetical order)."""
    counts = []
    for service in services:
        actors = tuple(sorted((o.actor for o in offers if service in o.services), key=str.casefold))
        counts.append(ServiceCount(service, len(actors), actors))
    return counts
