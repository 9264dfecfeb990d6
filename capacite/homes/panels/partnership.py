"""The partner's home (our commitments and how they are kept) and the elected sponsor's page
(phase, next decision, money still to find, risks open).

Each function is a panel's context and asks the app that owns each figure.
"""

from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone


def _our_organisations(request: HttpRequest):  # type: ignore[no-untyped-def]
    """The organisations this partner representative speaks for (their PartnerLink)."""
    from capacite.partners.models import Organisation
    from capacite.staffing.services import organisations_of

    return list(Organisation.objects.filter(pk__in=organisations_of(request.user))
                .order_by("name"))


def our_commitments(request: HttpRequest) -> dict:
    """Letters and pledges with their state, this year's contributions, and the hours our
    seconded staff hold this week against the share we committed."""
    from capacite.partners.models import Commitment
    from capacite.partners.services import contributions_for_year
    from capacite.staffing.duties import partner_hours
    from capacite.staffing.services import HOURS_PER_FTE, monday_of

    organisations = _our_organisations(request)
    ids = {o.pk for o in organisations}
    today = timezone.localdate()
    lines = [line for line in contributions_for_year(today.year) if line.organisation_id in ids]
    committed_fte = sum((line.fte for line in lines), Decimal(0))
    hours = partner_hours(monday_of(today), ids)
    return {
        "organisations": organisations,
        "commitments": list(Commitment.objects.filter(organisation_id__in=ids)
                            .select_related("organisation")),
        "year": today.year,
        "fte": committed_fte,
        "committed_hours": committed_fte * HOURS_PER_FTE,
        "money": sum((line.money_eur for line in lines), Decimal(0)),
        "in_kind": sum((line.in_kind_eur for line in lines), Decimal(0)),
        "held": sum(p["held"] for p in hours),
        "contract": sum(p["contract"] for p in hours),
        "staff": sum(len(p["rows"]) for p in hours),
    }


def our_stance(request: HttpRequest) -> dict:
    """Our organisation's stance as the project team last recorded it, and our next meetings."""
    from capacite.governance.services import next_meetings
    from capacite.partners.services import latest_positions

    organisations = _our_organisations(request)
    positions = latest_positions([o.pk for o in organisations])
    return {
        "stances": [{"organisation": o, "position": positions.get(o.pk)} for o in organisations],
        "meetings": next_meetings(now=timezone.now(), organisations={o.pk for o in organisations}),
    }


def expected_of_us(request: HttpRequest) -> dict:
    """What the Cité waits for from us: the letters and pledges asked and not received yet,
    a letter of intent never sent, and the next steps agreed with the project team."""
    from capacite.partners.choices import CommitmentStatus
    from capacite.partners.models import Commitment, Interaction
    from capacite.partners.services import without_letter_of_intent

    organisations = _our_organisations(request)
    ids = [o.pk for o in organisations]
    asked = list(Commitment.objects.filter(organisation_id__in=ids,
                                           status=CommitmentStatus.REQUESTED)
                 .select_related("organisation").order_by("dated"))
    no_letter = list(without_letter_of_intent().filter(pk__in=ids))
    steps = list(Interaction.objects.filter(organisation_id__in=ids, next_step_done=False)
                 .exclude(next_step="").select_related("organisation")
                 .order_by("next_step_on", "pk"))
    return {"asked": asked, "no_letter": no_letter, "steps": steps,
            "linked": bool(organisations)}


def sponsor_page(request: HttpRequest) -> dict:
    """The one page to decide from: phase, the next decision, money still to find, risks."""
    from capacite.governance.choices import BodyKind
    from capacite.governance.services import next_meetings
    from capacite.planning.services import home_planning
    from capacite.review.models import Stage
    from capacite.review.services import status_of_cite
    from capacite.roadmap.services import home_summary

    cite = request.cite
    summary = home_summary(cite=cite, today=timezone.localdate())
    label = status_of_cite()
    return {
        "summary": summary,
        "planning": home_planning(cite),
        "meetings": next_meetings(now=timezone.now(),
                                  kinds={BodyKind.SPONSOR, BodyKind.STEERING}, limit=1),
        "label": label, "label_stage": Stage(label.stage.value).label if label.stage else "",
    }
