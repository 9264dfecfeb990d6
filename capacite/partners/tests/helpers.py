"""Shared builders for the partners tests."""

from datetime import date

from django.urls import reverse
from django_scopes import scope

from capacite.partners.models import Organisation, Position, Public


def url(world, name: str, **kwargs) -> str:
    return reverse(f"partners:{name}", kwargs={"cite_slug": world.cite.slug, **kwargs})


def organisation(world, name: str, *, stance: str = "", publics=(), **fields) -> Organisation:
    with scope(cite=world.cite):
        defaults = {"kind": "operator", "fields": ["orientation"], "roles": ["provider"]}
        org = Organisation.objects.create(cite=world.cite, name=name, **{**defaults, **fields})
        org.publics.set(Public.objects.filter(key__in=publics))
        if stance:
            Position.objects.create(cite=world.cite, organisation=org, stance=stance,
                                    assessed_on=date(2027, 1, 10))
        return org
