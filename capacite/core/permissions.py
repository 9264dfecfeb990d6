"""Who may do what: the single permission matrix (URL name × role → none / read / write).

Every URL pattern of the project has one entry here; `tests/test_permission_matrix.py` discovers
the patterns itself and fails on any URL without an entry, then checks every role against it, in
its own Cité and in a foreign one. The middleware enforces it before any view runs: reading needs
READ, any unsafe method (POST…) needs WRITE.
"""

from enum import IntEnum

from capacite.core.models import Role


class Level(IntEnum):
    NONE = 0
    READ = 1
    WRITE = 2


class Audience:
    """Pages outside any Cité: open to everybody, or to anybody signed in."""

    EVERYONE = "everyone"
    SIGNED_IN = "signed_in"
    LABEL_AUTHORITY = "label_authority"  # the authority's own pages, across every Cité


ALL_ROLES = frozenset(Role)
PROJECT_TEAM = frozenset({Role.PROJECT_LEAD, Role.DIRECTOR})
ROADMAP_READERS = frozenset(
    {Role.SPONSOR, Role.PARTNER, Role.STAFF, Role.LABEL_AUTHORITY} | PROJECT_TEAM
)
GOVERNANCE_READERS = frozenset({Role.SPONSOR, Role.LABEL_AUTHORITY} | PROJECT_TEAM)
# Those who count visits at the desk and at the pôles (issue 14).
TALLY_WRITERS = frozenset({Role.STAFF, Role.RECEPTION} | PROJECT_TEAM)
# Who reads the dashboards (issue 15): everybody in the Cité but the reception desk.
DASHBOARD_READERS = frozenset(
    {Role.STAFF, Role.PARTNER, Role.SPONSOR, Role.LABEL_AUTHORITY} | PROJECT_TEAM
)


def cite_page(*, read: frozenset = frozenset(), write: frozenset = frozenset()) -> dict:
    """A page inside one Cité: the roles that may read it and those that may also write."""
    levels = {role: Level.NONE for role in Role}
    levels.update({role: Level.READ for role in read})
    levels.update({role: Level.WRITE for role in write})
    return levels


MATRIX: dict[str, str | dict] = {
    # Accounts and language: outside any Cité.
    "login": Audience.EVERYONE,
    "logout": Audience.EVERYONE,
    "password_reset": Audience.EVERYONE,
    "password_reset_done": Audience.EVERYONE,
    "password_reset_confirm": Audience.EVERYONE,
    "password_reset_complete": Audience.EVERYONE,
    "password_change": Audience.SIGNED_IN,
    "password_change_done": Audience.SIGNED_IN,
    "set_language": Audience.EVERYONE,
    "core:home": Audience.EVERYONE,  # the front door for visitors, one's Cités once signed in
    # A Cité's home and settings.
    "core:cite_home": cite_page(read=ALL_ROLES),
    "core:cite_settings": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "core:all_pages": cite_page(read=ALL_ROLES),  # the menu of every phase (issue 19)
    # The method as a live roadmap.
    "roadmap:roadmap": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "roadmap:task_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "roadmap:task_edit": cite_page(write=PROJECT_TEAM),
    "roadmap:task_evidence": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "roadmap:backplan": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "roadmap:vigilance": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "roadmap:vigilance_edit": cite_page(write=PROJECT_TEAM),
    # The Cité's territory (issue 4): communes and EPCI from the French reference.
    "territory:cite_territory": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    # The service offer (issue 4): pôles, sites and opening hours.
    "offer:poles": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "offer:pole_edit": cite_page(write=PROJECT_TEAM),
    "offer:pole_delete": cite_page(write=PROJECT_TEAM),
    "offer:sites": cite_page(read=ALL_ROLES, write=PROJECT_TEAM),
    "offer:site_detail": cite_page(read=ALL_ROLES, write=PROJECT_TEAM),
    "offer:site_edit": cite_page(write=PROJECT_TEAM),
    "offer:site_week": cite_page(write=PROJECT_TEAM),
    "offer:site_exception_add": cite_page(write=PROJECT_TEAM),
    "offer:site_closure_add": cite_page(write=PROJECT_TEAM),
    "offer:site_exception_delete": cite_page(write=PROJECT_TEAM),
    "offer:site_closure_delete": cite_page(write=PROJECT_TEAM),
    # Background jobs: every member reaches the pages; each job kind says who may read it.
    "jobs:list": cite_page(read=ALL_ROLES),
    "jobs:detail": cite_page(read=ALL_ROLES),
    "jobs:download": cite_page(read=ALL_ROLES),
    # --- diagnosis and premises (issue 4): indicators, narratives, existing offer, premises ---
    "diagnosis:overview": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "diagnosis:indicator_add": cite_page(write=PROJECT_TEAM),
    "diagnosis:indicator_edit": cite_page(write=PROJECT_TEAM),
    "diagnosis:indicator_delete": cite_page(write=PROJECT_TEAM),
    "diagnosis:import": cite_page(write=PROJECT_TEAM),
    "diagnosis:export_csv": cite_page(read=ROADMAP_READERS),
    "diagnosis:export_xlsx": cite_page(read=ROADMAP_READERS),
    "diagnosis:narrative_edit": cite_page(write=PROJECT_TEAM),
    "diagnosis:offer_map": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "diagnosis:offer_map_edit": cite_page(write=PROJECT_TEAM),
    "premises:overview": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "premises:programme_edit": cite_page(write=PROJECT_TEAM),
    "premises:candidate_add": cite_page(write=PROJECT_TEAM),
    "premises:candidate_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "premises:candidate_edit": cite_page(write=PROJECT_TEAM),
    "premises:candidate_delete": cite_page(write=PROJECT_TEAM),
    "premises:candidate_choose": cite_page(write=PROJECT_TEAM),
    "premises:candidate_plan": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    # --- partners (issue 3): organisations, contacts, positions, commitments ---
    "partners:organisations": cite_page(read=ROADMAP_READERS),
    "partners:organisation_add": cite_page(write=PROJECT_TEAM),
    "partners:organisation_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "partners:organisation_edit": cite_page(write=PROJECT_TEAM),
    "partners:organisation_delete": cite_page(write=PROJECT_TEAM),
    "partners:contact_add": cite_page(write=PROJECT_TEAM),
    "partners:contact_edit": cite_page(write=PROJECT_TEAM),
    "partners:contact_export": cite_page(read=frozenset({Role.SPONSOR}) | PROJECT_TEAM,
                                          write=PROJECT_TEAM),
    "partners:contact_erase": cite_page(write=PROJECT_TEAM),
    "partners:interaction_add": cite_page(write=PROJECT_TEAM),
    "partners:interaction_edit": cite_page(write=PROJECT_TEAM),
    "partners:position_add": cite_page(write=PROJECT_TEAM),
    "partners:commitment_add": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "partners:commitment_edit": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "partners:commitment_file": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "partners:contribution_add": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "partners:contribution_edit": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "partners:partner_link_add": cite_page(write=PROJECT_TEAM),
    "partners:coverage": cite_page(read=ROADMAP_READERS),
    "partners:stance_chart": cite_page(read=ROADMAP_READERS),
    "partners:who_does_what": cite_page(read=ROADMAP_READERS),
    "partners:without_letter": cite_page(read=ROADMAP_READERS),
    "partners:alerts": cite_page(read=ROADMAP_READERS),
    "partners:import": cite_page(write=PROJECT_TEAM),
    "partners:export_csv": cite_page(read=ROADMAP_READERS),
    "partners:export_xlsx": cite_page(read=ROADMAP_READERS),
    # --- governance (issue 3): bodies, meetings, decisions, workshops, legal structure ---
    "governance:bodies": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:body_create": cite_page(write=PROJECT_TEAM),
    "governance:body_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:body_edit": cite_page(write=PROJECT_TEAM),
    "governance:meeting_create": cite_page(write=PROJECT_TEAM),
    "governance:meetings": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:meeting_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:meeting_edit": cite_page(write=PROJECT_TEAM),
    "governance:item_create": cite_page(write=PROJECT_TEAM),
    "governance:item_edit": cite_page(write=PROJECT_TEAM),
    "governance:items_add": cite_page(write=PROJECT_TEAM),
    "governance:item_move": cite_page(write=PROJECT_TEAM),
    "governance:meeting_send": cite_page(write=PROJECT_TEAM),
    "governance:seance": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:meeting_ics": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:agenda_pdf": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:minutes_pdf": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:agenda_document": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:decisions": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:decision_edit": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:workshops": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:workshop_create": cite_page(write=PROJECT_TEAM),
    "governance:workshop_detail": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:workshop_edit": cite_page(write=PROJECT_TEAM),
    "governance:legal": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:statute_file": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "governance:step_edit": cite_page(write=PROJECT_TEAM),
    # --- review (issue 7): submissions to the label authority, decisions, reserves ---
    "review:cite_review": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "review:submission": cite_page(read=GOVERNANCE_READERS),
    "review:submission_file": cite_page(read=GOVERNANCE_READERS),
    "review:decision_create": cite_page(write=frozenset({Role.LABEL_AUTHORITY})),
    "review:decision": cite_page(read=GOVERNANCE_READERS),
    "review:decision_edit": cite_page(write=frozenset({Role.LABEL_AUTHORITY})),
    "review:decision_letter": cite_page(read=GOVERNANCE_READERS),
    "review:reserve_add": cite_page(write=frozenset({Role.LABEL_AUTHORITY})),
    "review:reserve": cite_page(read=GOVERNANCE_READERS),
    "review:reserve_lift": cite_page(write=PROJECT_TEAM),
    "review:reserve_rule": cite_page(write=frozenset({Role.LABEL_AUTHORITY})),
    "review:reserve_evidence": cite_page(read=GOVERNANCE_READERS),
    "authority:queue": Audience.LABEL_AUTHORITY,
    "authority:sessions": Audience.LABEL_AUTHORITY,
    "authority:session": Audience.LABEL_AUTHORITY,
    # --- documentation, events, communication, public pages (issue 4) ---
    "documentation:resources": cite_page(read=ALL_ROLES, write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:resource_add": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:resource_edit": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:resource_delete": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:themes": cite_page(read=ALL_ROLES, write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:theme_edit": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "documentation:theme_delete": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "events:events": cite_page(read=ALL_ROLES, write=PROJECT_TEAM | {Role.STAFF}),
    "events:event_add": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "events:event_edit": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "events:event_delete": cite_page(write=PROJECT_TEAM | {Role.STAFF}),
    "communication:plan": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "communication:action_add": cite_page(write=PROJECT_TEAM),
    "communication:action_edit": cite_page(write=PROJECT_TEAM),
    "communication:action_delete": cite_page(write=PROJECT_TEAM),
    "publishing:settings": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    # Public pages of a published Cité: no login, the view opens that Cité's scope itself.
    "public:home": Audience.EVERYONE,
    "public:agenda": Audience.EVERYONE,
    "public:agenda_ics": Audience.EVERYONE,
    "public:event_ics": Audience.EVERYONE,
    "public:documentation": Audience.EVERYONE,
    # partners and governance (issue 3): edit screens — publics, removals with confirmation.
    "partners:publics": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "partners:partner_link_remove": cite_page(write=PROJECT_TEAM),
    "partners:interaction_delete": cite_page(write=PROJECT_TEAM),
    "partners:commitment_delete": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "partners:contribution_delete": cite_page(write=PROJECT_TEAM | {Role.PARTNER}),
    "governance:meeting_delete": cite_page(write=PROJECT_TEAM),
    "governance:step_delete": cite_page(write=PROJECT_TEAM),
    "governance:proposal_edit": cite_page(write=PROJECT_TEAM),
    "governance:proposal_delete": cite_page(write=PROJECT_TEAM),
    "governance:member_edit": cite_page(write=PROJECT_TEAM),
    "governance:member_remove": cite_page(write=PROJECT_TEAM),
    "governance:item_delete": cite_page(write=PROJECT_TEAM),
    "governance:session_delete": cite_page(write=PROJECT_TEAM),
    "governance:statute_delete": cite_page(write=PROJECT_TEAM),
    # --- staffing (issue 6): team, org chart, demand, weekly rosters ---
    "staffing:team": cite_page(read=PROJECT_TEAM | {Role.STAFF, Role.RECEPTION},
                               write=PROJECT_TEAM),
    "staffing:job_add": cite_page(write=PROJECT_TEAM),
    "staffing:job_edit": cite_page(write=PROJECT_TEAM),
    "staffing:member_add": cite_page(write=PROJECT_TEAM),
    "staffing:member_edit": cite_page(write=PROJECT_TEAM),
    "staffing:org_chart": cite_page(read=PROJECT_TEAM | {Role.STAFF, Role.RECEPTION},
                                    write=PROJECT_TEAM),
    "staffing:org_chart_svg": cite_page(read=PROJECT_TEAM | {Role.STAFF, Role.RECEPTION},
                                        write=PROJECT_TEAM),
    "staffing:demand": cite_page(write=PROJECT_TEAM),
    "staffing:rosters": cite_page(write=PROJECT_TEAM),
    "staffing:run": cite_page(write=PROJECT_TEAM),
    "staffing:run_edit": cite_page(write=PROJECT_TEAM),
    "staffing:run_resolve": cite_page(write=PROJECT_TEAM),
    "staffing:run_pdf": cite_page(write=PROJECT_TEAM),
    "staffing:run_xlsx": cite_page(write=PROJECT_TEAM),
    "staffing:run_ics": cite_page(write=PROJECT_TEAM),
    # Staff read their own schedule only; partners the hours of their own staff only.
    "staffing:my_schedule": cite_page(read=PROJECT_TEAM | {Role.STAFF, Role.RECEPTION}),
    "staffing:my_ics": cite_page(read=PROJECT_TEAM | {Role.STAFF, Role.RECEPTION}),
    "staffing:partner_hours": cite_page(read=PROJECT_TEAM | {Role.PARTNER}),
    # --- planning (issue 5): scenarios, budget, funding round, treasury. The project team
    # writes; the sponsor and the label authority read; partners, staff and reception see none
    # of it (the budget shows every partner's contribution and the funders' negotiations).
    "planning:scenarios": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:scenario_edit": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:scenario_copy": cite_page(write=PROJECT_TEAM),
    "planning:scenario_fte": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:scenario_budget": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:charge_add": cite_page(write=PROJECT_TEAM),
    "planning:scenario_choose": cite_page(write=PROJECT_TEAM),
    "planning:charge_edit": cite_page(write=PROJECT_TEAM),
    "planning:comparison": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:comparison_xlsx": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:comparison_pdf": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:funding": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:funder_edit": cite_page(write=PROJECT_TEAM),
    "planning:funding_line_add": cite_page(write=PROJECT_TEAM),
    "planning:funding_line_edit": cite_page(write=PROJECT_TEAM),
    "planning:disbursement_add": cite_page(write=PROJECT_TEAM),
    "planning:disbursement_delete": cite_page(write=PROJECT_TEAM),
    "planning:investments": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:investment_edit": cite_page(write=PROJECT_TEAM),
    "planning:settings": cite_page(write=PROJECT_TEAM),
    "planning:treasury": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    # Issue 17 point 5: each scenario's own partner contributions and its value.
    "planning:scenario_resources": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "planning:contribution_edit": cite_page(write=PROJECT_TEAM),
    # --- label (issue 7): criteria checklist, declarations, dossiers' prose and generation ---
    "label:checklist": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "label:declaration_edit": cite_page(write=PROJECT_TEAM),
    "label:declaration_file": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "label:dossier": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "label:narrative_edit": cite_page(write=PROJECT_TEAM),
    "label:generate": cite_page(write=PROJECT_TEAM),
    # --- people and homes (issue 18): opening Cités, invitations, members, personal data ---
    "core:cite_project": cite_page(read=GOVERNANCE_READERS),
    "people:start": Audience.LABEL_AUTHORITY,
    "people:accounts": Audience.LABEL_AUTHORITY,
    "people:anonymise": Audience.LABEL_AUTHORITY,
    "people:self_start": Audience.EVERYONE,  # 404 unless the operator opened self-service
    "people:accept": Audience.EVERYONE,  # the invitation's secret is the credential
    "people:my_data": Audience.SIGNED_IN,
    "people:my_data_export": Audience.SIGNED_IN,
    # The director manages people once the Cité is open (people.domain.rules.may_manage_members).
    "people:members": cite_page(read=PROJECT_TEAM | {Role.LABEL_AUTHORITY}),
    "people:invite": cite_page(write=PROJECT_TEAM | {Role.LABEL_AUTHORITY}),
    "people:member_edit": cite_page(write=PROJECT_TEAM | {Role.LABEL_AUTHORITY}),
    "people:invitation_cancel": cite_page(write=PROJECT_TEAM | {Role.LABEL_AUTHORITY}),
    # --- activity (issue 14): anonymous tallies, kiosks, questionnaires, headcounts. Reception,
    # advisers and the open Cité's team write tallies of their own Cité; partners, the sponsor
    # and the label authority never see a single visit (they read figures, issue 15).
    "activity:tally": cite_page(write=TALLY_WRITERS),
    "activity:tally_state": cite_page(read=TALLY_WRITERS),
    "activity:tally_undo": cite_page(write=TALLY_WRITERS),
    # --- dashboards (issue 15): the open Cité's staff read raw counts; partners, the sponsor and
    # the label authority read them with the small-group rule (dashboards/figures.py).
    "dashboards:dashboard": cite_page(read=DASHBOARD_READERS),
    "dashboards:report": cite_page(write={Role.STAFF} | PROJECT_TEAM),
    "dashboards:network": cite_page(read=DASHBOARD_READERS, write=PROJECT_TEAM),
    "network:benchmarks": Audience.LABEL_AUTHORITY,
    "dashboards:export_xlsx": cite_page(read=DASHBOARD_READERS),
    "dashboards:export_csv": cite_page(read=DASHBOARD_READERS),
    # Quality indicators (issue 15, point 4): the staff read, the project team enters values.
    "dashboards:quality": cite_page(read={Role.STAFF}, write=PROJECT_TEAM),
    # Opening-hours advice (issue 15, point 7): the team reads each pôle's half-hours against
    # the rosters; the project team sets its figures and turns the demand into the rosters'.
    "dashboards:opening_hours": cite_page(read={Role.STAFF}, write=PROJECT_TEAM),
    "dashboards:opening_hours_xlsx": cite_page(read={Role.STAFF} | PROJECT_TEAM),
    "dashboards:opening_hours_csv": cite_page(read={Role.STAFF} | PROJECT_TEAM),
    # Questionnaires' results are figures (no single visitor): the team reads, the direction
    # and the project lead write; kiosks are set up by the direction.
    "activity:surveys": cite_page(read=TALLY_WRITERS, write=PROJECT_TEAM),
    "activity:survey": cite_page(read=TALLY_WRITERS, write=PROJECT_TEAM),
    "activity:kiosks": cite_page(read=TALLY_WRITERS, write=PROJECT_TEAM),
    "activity:kiosk_activation": cite_page(write=PROJECT_TEAM),
    "activity:allowed_link_delete": cite_page(write=PROJECT_TEAM),
    "activity:import_history": cite_page(write=PROJECT_TEAM),
    "activity:attendance": cite_page(read=TALLY_WRITERS, write=PROJECT_TEAM | {Role.STAFF}),
    # Issue 14b: the printed posters of a questionnaire's links (the team prints them).
    "activity:survey_poster_a4": cite_page(read=TALLY_WRITERS),
    "activity:survey_poster_a5": cite_page(read=TALLY_WRITERS),
    # Anonymous visitors: the questionnaire's link is the credential; the kiosk is a browser a
    # staff member turned into one (signed cookie); neither knows who is there.
    "survey:answer": Audience.EVERYONE,
    "survey:thanks": Audience.EVERYONE,
    "kiosk:start": Audience.EVERYONE,
    "kiosk:activate": Audience.EVERYONE,
    "kiosk:documentation": Audience.EVERYONE,
    "kiosk:survey": Audience.EVERYONE,
    "kiosk:use": Audience.EVERYONE,
    # --- label fonctionnement and the network's follow-up (issue 16): conformity with the
    # label projet, experimental actions, opinions, links with the network, fitted spaces,
    # funding acts. The authority writes opinions only; the team answers and records.
    "label:conformity": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "label:gap_answer": cite_page(write=PROJECT_TEAM),
    "label:snapshot_manual": cite_page(write=PROJECT_TEAM),
    "label:experiments": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "label:experiment_add": cite_page(write=PROJECT_TEAM),
    "label:experiment_edit": cite_page(write=PROJECT_TEAM),
    "label:experiment_delete": cite_page(write=PROJECT_TEAM),
    "review:opinions": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    "review:opinion": cite_page(read=GOVERNANCE_READERS,
                                write=PROJECT_TEAM | {Role.LABEL_AUTHORITY}),
    "review:opinion_file": cite_page(read=GOVERNANCE_READERS),
    "review:network": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "review:network_link_edit": cite_page(write=PROJECT_TEAM),
    "premises:spaces": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "premises:space_edit": cite_page(write=PROJECT_TEAM),
    "premises:photo_add": cite_page(write=PROJECT_TEAM),
    "premises:photo": cite_page(read=ROADMAP_READERS, write=PROJECT_TEAM),
    "planning:funding_act": cite_page(write=PROJECT_TEAM),
    "planning:funding_act_file": cite_page(read=GOVERNANCE_READERS, write=PROJECT_TEAM),
    # --- one truth (issue 17): the team adds its own vigilance points ---
    "roadmap:vigilance_add": cite_page(write=PROJECT_TEAM),
}


def level_for(url_name: str, roles: set[Role]) -> Level:
    """The highest level any of `roles` gives on `url_name` (NONE if the URL is not declared)."""
    entry = MATRIX.get(url_name)
    if not isinstance(entry, dict):
        return Level.NONE
    return max((entry[role] for role in roles), default=Level.NONE)
