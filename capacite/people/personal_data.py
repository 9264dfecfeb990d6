"""What capacite holds about one account, and anonymising a departed person (GDPR).

The records are found by walking every foreign key and many-to-many field that points to the
user model, so a model added tomorrow with a link to a person shows in the export the day it is
added, without editing this file. Historical rows (the change history) are counted, not listed:
they are the same records at earlier times.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from capacite.core.models import Cite, Membership, Role
from capacite.people.domain.rules import Holding, leaves_no_manager
from capacite.people.models import Invitation

User = get_user_model()


@dataclass
class PersonalData:
    account: list[tuple[str, str]]
    roles: list[dict]
    invitations: list[dict]
    records: list[dict] = field(default_factory=list)
    changes_made: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"compte": dict(self.account), "roles": self.roles,
                "invitations": self.invitations, "fiches": self.records,
                "modifications_faites": self.changes_made, "fiches_contact": self.contacts}


def _when(moment) -> str:  # type: ignore[no-untyped-def]
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else "—"


def _is_history(model: type[models.Model]) -> bool:
    return model.__name__.startswith("Historical")


def _cite_of(obj: models.Model) -> str:
    cite = getattr(obj, "cite", None)
    return cite.name if isinstance(cite, Cite) else ""


def personal_data(user) -> PersonalData:  # type: ignore[no-untyped-def]
    """Everything held about `user`: the account, roles, invitations, the records that name
    them, how many changes they made, and the partner contact cards at their address."""
    with scopes_disabled():
        data = PersonalData(
            account=[(_("Identifiant"), user.get_username()),
                     (_("Prénom"), user.first_name), (_("Nom"), user.last_name),
                     (_("Adresse électronique"), user.email),
                     (_("Compte créé le"), _when(user.date_joined)),
                     (_("Dernière connexion"), _when(user.last_login))],
            roles=[{"cite": m.cite.name if m.cite_id else _("toutes les Cités"),
                    "role": str(Role(m.role).label)}
                   for m in Membership.objects.filter(user=user).select_related("cite")
                   .order_by("cite__name", "role")],
            invitations=[{"cite": i.cite.name if i.cite_id else i.cite_request.get("name", ""),
                          "role": str(Role(i.role).label), "envoyee": _when(i.created_at),
                          "acceptee": _when(i.accepted_at)}
                         for i in Invitation.objects.filter(email__iexact=user.email)
                         .exclude(email="").select_related("cite")] if user.email else [],
        )
        for relation in User._meta.related_objects:
            model = relation.related_model
            if model in (Membership, Invitation):
                continue
            if _is_history(model):
                if relation.field.name == "history_user":
                    count = model.objects.filter(history_user=user).count()
                    if count:
                        data.changes_made.append({
                            "sur": str(model.instance_type._meta.verbose_name_plural),
                            "nombre": count})
                continue
            rows = model._default_manager.filter(**{relation.field.name: user})
            for obj in rows[:500]:
                data.records.append({"fiche": str(model._meta.verbose_name),
                                     "champ": str(relation.field.verbose_name),
                                     "cite": _cite_of(obj), "valeur": str(obj)})
        data.contacts = _contacts(user.email)
    return data


def _contacts(email: str) -> list[dict]:
    """The partner contact cards at the same address: the same person, seen as a contact."""
    from capacite.partners.models import Contact
    from capacite.partners.services import contact_export_rows

    if not email:
        return []
    return [{"cite": contact.cite.name,
             "lignes": [[str(cell) for cell in row] for row in contact_export_rows(contact)[1:]]}
            for contact in Contact.objects.filter(email__iexact=email)
            .select_related("cite", "organisation")]


class AnonymiseRefused(ValueError):
    pass


def anonymise(user, *, by) -> str:  # type: ignore[no-untyped-def]
    """Replace a departed person's name and address everywhere, take their roles away, and
    keep every record and its history (now naming « ancien compte N »). Returns the new name.

    Refused if it would leave a Cité with no project lead and no director; the partner contact
    cards at the same address are erased the partners app's way.
    """
    from capacite.partners.models import Contact
    from capacite.partners.services import erase_contact
    from capacite.staffing.models import StaffMember

    pseudonym = _("ancien compte %(id)s") % {"id": user.pk}
    with transaction.atomic(), scopes_disabled():
        memberships = list(Membership.objects.filter(user=user).select_related("cite"))
        cite_ids = {m.cite_id for m in memberships if m.cite_id}
        list(Cite.objects.select_for_update().filter(pk__in=cite_ids).values_list("pk"))
        holdings: dict[int, list[Holding]] = {}
        for cite_id, pk, role in Membership.objects.filter(cite_id__in=cite_ids).values_list(
                "cite_id", "pk", "role"):
            holdings.setdefault(cite_id, []).append(Holding(pk, Role(role)))
        mine = {m.pk for m in memberships}
        for cite in Cite.objects.filter(pk__in=cite_ids).order_by("name"):
            if leaves_no_manager(holdings[cite.pk], removed=mine):
                raise AnonymiseRefused(_(
                    "%(name)s est la dernière personne porteur de projet ou direction de "
                    "« %(cite)s » : invitez d'abord quelqu'un à ce rôle, puis anonymisez.") % {
                    "name": user.get_full_name() or user.get_username(), "cite": cite.name})
        for membership in memberships:
            membership._history_user = by  # type: ignore[attr-defined]
            membership.delete()
        if user.email:
            for contact in Contact.objects.filter(email__iexact=user.email):
                erase_contact(contact)
            Invitation.objects.filter(email__iexact=user.email).update(email="")
        StaffMember.objects.filter(user=user).update(name=pseudonym, version=F("version") + 1)
        StaffMember.history.model.objects.filter(user=user).update(name=pseudonym)
        user.username = f"ancien-compte-{user.pk}"
        user.first_name, user.last_name, user.email = str(pseudonym), "", ""
        user.set_unusable_password()
        user.is_active = False
        user.save()
    return str(pseudonym)
