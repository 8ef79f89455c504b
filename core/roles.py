"""The roles of the quality manual (§1.6, §4.5, §6.5) and the permissions each one holds.

This table is the single source of truth: ``manage.py sync_roles`` turns it into groups,
the navigation and the permission-matrix test read it. A person may hold several roles.
Rights over one object (a coordinator's own projects, an organization's own application)
are granted per object with django-guardian by the service that makes the assignment.
"""

import re

from django.db import models
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SUPERVISORY_BOARD = "supervisory_board", _("Supervisory Board member")
    DIRECTOR = "director", _("Director General")
    QMS_OWNER = "qms_owner", _("Advisor for strategic development (IQAS owner)")
    LEGAL_HEAD = "legal_head", _("Head of the legal department")
    PROJECT_MANAGER = "project_manager", _("Project manager")
    COORDINATOR = "coordinator", _("Coordinator")
    COUNCIL_SECRETARY = "council_secretary", _("Accreditation Council secretary")
    COUNCIL_MEMBER = "council_member", _("Accreditation Council member")
    EXPERT = "expert", _("External expert")
    APPEALS_COMMISSION = "appeals_commission", _("Appeals and complaints commission member")
    AUDITOR = "auditor", _("Internal audit working group member")
    STAFF = "staff", _("Staff member")
    EO_REPRESENTATIVE = "eo_representative", _("Education organization representative")


ROLE_DESCRIPTIONS: dict[str, str] = {
    Role.SUPERVISORY_BOARD: _(
        "Sets the quality policy, recommends improvements and receives the annual report."
    ),
    Role.DIRECTOR: _(
        "Approves IQAS documents, approves expert commissions, signs certificates, orders audits."
    ),
    Role.QMS_OWNER: _(
        "Coordinates the IQAS, organizes document revision and controls management review inputs."
    ),
    Role.LEGAL_HEAD: _("Drafts and distributes documents and familiarizes staff with new editions."),
    Role.PROJECT_MANAGER: _("Plans accreditations, proposes experts and keeps the expert database."),
    Role.COORDINATOR: _("Runs one accreditation as a project and evaluates the expert commission."),
    Role.COUNCIL_SECRETARY: _("Records council decisions and keeps the public registry."),
    Role.COUNCIL_MEMBER: _("Votes openly on accreditation decisions at council meetings."),
    Role.EXPERT: _("Assesses an organization as a member of an external expert commission."),
    Role.APPEALS_COMMISSION: _("Hears appeals against council decisions and complaints."),
    Role.AUDITOR: _("Audits the key processes as a member of the internal audit working group."),
    Role.STAFF: _("Reads and acknowledges documents and reports nonconformities."),
    Role.EO_REPRESENTATIVE: _("Applies for accreditation and uploads the self-assessment report."),
}

# Shorthands for permissions every staff-like role holds.
_READ_DOCUMENTS = {"documents.view_document", "documents.view_record", "documents.add_record"}
_RAISE_NC = {"improvement.add_nonconformity", "improvement.view_nonconformity"}
# Process owners keep the risks of their processes (§7.5.3).
_OWN_RISKS = {"improvement.view_risk", "improvement.add_risk", "improvement.change_risk"}
_SEE_RISKS = {"improvement.view_risk", "improvement.view_all_risks"}
# The assessment instruments (§6.6, §6.2.2): standards, criteria and threshold requirements, read by
# those who apply them; their drafts are prepared by those who develop the standards.
_READ_STANDARDS = {"accreditation.view_standardset"}
_DRAFT_STANDARDS = _READ_STANDARDS | {"accreditation.change_standardset"}

ROLE_PERMISSIONS: dict[str, set[str]] = {
    Role.SUPERVISORY_BOARD: _SEE_RISKS
    | {
        "documents.view_document",
        "improvement.view_kpi_report",
        "improvement.view_managementreview",
        "audits.view_audit",
        "audits.view_all_audits",
        "surveys.view_survey",
        "surveys.analyze_survey",
    },
    Role.DIRECTOR: _READ_DOCUMENTS
    | _READ_STANDARDS
    | _RAISE_NC
    | _SEE_RISKS
    | {
        "documents.view_all_documents",
        "documents.approve_document",
        "accreditation.view_organization",
        "accreditation.view_accreditationproject",
        "accreditation.view_all_accreditations",
        "accreditation.approve_commission",
        "accreditation.sign_certificate",
        "accreditation.view_expert",
        "accreditation.view_councilmeeting",
        "audits.view_audit",
        "audits.view_all_audits",
        "audits.order_audit",
        "audits.approve_audit_report",
        "surveys.view_survey",
        "surveys.analyze_survey",
        "surveys.publish_survey_summary",
        "improvement.view_managementreview",
        "improvement.sign_review_order",
        "improvement.view_all_nonconformities",
        "improvement.verify_effectiveness",
        "improvement.view_kpi_report",
        "core.view_role_register",
    },
    Role.QMS_OWNER: _READ_DOCUMENTS
    | _DRAFT_STANDARDS
    | _RAISE_NC
    | _SEE_RISKS
    | _OWN_RISKS
    | {
        "improvement.manage_risks",
        "documents.add_document",
        "documents.change_document",
        "documents.view_all_documents",
        "documents.change_record",
        "accreditation.view_organization",
        "accreditation.view_accreditationproject",
        "accreditation.view_all_accreditations",
        "audits.view_audit",
        "audits.view_all_audits",
        "audits.add_audit",
        "audits.change_audit",
        "audits.add_auditprogramme",
        "audits.change_auditprogramme",
        "surveys.view_survey",
        "surveys.add_survey",
        "surveys.change_survey",
        "surveys.run_campaign",
        "surveys.analyze_survey",
        "surveys.publish_survey_summary",
        "improvement.view_managementreview",
        "improvement.add_managementreview",
        "improvement.change_managementreview",
        "improvement.change_nonconformity",
        "improvement.view_all_nonconformities",
        "improvement.add_correctiveaction",
        "improvement.change_correctiveaction",
        "improvement.verify_effectiveness",
        "improvement.manage_purchasing",
        "improvement.change_kpitarget",
        "improvement.view_kpi_report",
        "core.view_role_register",
    },
    Role.LEGAL_HEAD: _READ_DOCUMENTS
    | _RAISE_NC
    | _OWN_RISKS
    | {
        "documents.add_document",
        "documents.change_document",
        "documents.review_document",
        "documents.manage_familiarization",
        "documents.change_record",
    },
    Role.PROJECT_MANAGER: _READ_DOCUMENTS
    | _DRAFT_STANDARDS
    | _RAISE_NC
    | _OWN_RISKS
    | {
        "accreditation.view_organization",
        "accreditation.add_organization",
        "accreditation.change_organization",
        "accreditation.view_accreditationproject",
        "accreditation.add_accreditationproject",
        "accreditation.change_accreditationproject",
        "accreditation.view_all_accreditations",
        "accreditation.coordinate_project",
        "accreditation.view_expert",
        "accreditation.add_expert",
        "accreditation.change_expert",
        "accreditation.view_councilmeeting",
        "surveys.view_survey",
        "surveys.run_campaign",
        "surveys.analyze_survey",
    },
    Role.COORDINATOR: _READ_DOCUMENTS
    | _READ_STANDARDS
    | _RAISE_NC
    | _OWN_RISKS
    | {
        "accreditation.view_organization",
        "accreditation.view_accreditationproject",
        "accreditation.coordinate_project",
        "accreditation.view_expert",
        "surveys.view_survey",
    },
    Role.COUNCIL_SECRETARY: _READ_DOCUMENTS
    | _RAISE_NC
    | _OWN_RISKS
    | {
        "accreditation.view_organization",
        "accreditation.view_accreditationproject",
        "accreditation.view_all_accreditations",
        "accreditation.record_council_decision",
        "accreditation.view_councilmeeting",
    },
    Role.COUNCIL_MEMBER: {
        "accreditation.view_accreditationproject",
        "accreditation.vote_in_council",
        "accreditation.view_councilmeeting",
    },
    Role.EXPERT: {
        "accreditation.view_accreditationproject",
        "accreditation.serve_on_commission",
    },
    Role.APPEALS_COMMISSION: {
        "accreditation.view_accreditationproject",
        "accreditation.hear_appeal",
    },
    Role.AUDITOR: _READ_DOCUMENTS
    | _RAISE_NC
    | _SEE_RISKS
    | {"audits.view_audit", "audits.conduct_audit", "improvement.verify_effectiveness"},
    Role.STAFF: _READ_DOCUMENTS | _RAISE_NC,
    Role.EO_REPRESENTATIVE: {
        "accreditation.view_organization",
        "accreditation.view_accreditationproject",
        "accreditation.apply_accreditation",
    },
}

# The strategy (§4.3) is published to the agency's staff, its collegial bodies and its experts;
# the IQAS owner drafts it (with the Director General), the Director General approves it.
for _role in set(Role) - {Role.EO_REPRESENTATIVE}:
    ROLE_PERMISSIONS[_role] |= {"governance.view_strategy"}
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {"governance.add_strategy", "governance.change_strategy"}
ROLE_PERMISSIONS[Role.DIRECTOR] |= {"governance.change_strategy", "governance.approve_strategy"}
# The collegial bodies (§1.6): everyone of the agency reads their rosters and meetings; the IQAS
# owner and the council's secretary keep the rosters and may run any body's meeting (each body's
# own secretary runs its meetings by the seat, see governance.workflow_bodies).
for _role in set(Role) - {Role.EO_REPRESENTATIVE}:
    ROLE_PERMISSIONS[_role] |= {"governance.view_body"}
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {"governance.administer_bodies"}
ROLE_PERMISSIONS[Role.COUNCIL_SECRETARY] |= {"governance.administer_bodies"}

# KPI targets (§4.1): proposed by the IQAS owner, approved by the Director General's signature.
ROLE_PERMISSIONS[Role.DIRECTOR] |= {"improvement.approve_kpitarget"}

# Roles and process owners by order (§4.5): the IQAS owner drafts the Director General's order,
# the Director General signs it; the legal department keeps the orders. The responsibility
# matrix (§4.5.1) is read by everyone on the agency's staff.
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {
    "governance.view_directororder",
    "governance.add_directororder",
    "governance.change_directororder",
}
ROLE_PERMISSIONS[Role.DIRECTOR] |= {"governance.view_directororder", "governance.sign_order"}
ROLE_PERMISSIONS[Role.LEGAL_HEAD] |= {"governance.view_directororder"}
for _role, _perms in ROLE_PERMISSIONS.items():
    if "documents.view_document" in _perms:
        _perms.add("governance.view_responsibility_matrix")
# External documents (§3.1) are read by every member of staff; the IQAS owner and the legal head
# keep the register. Records retention (§3.2.2): the IQAS owner owns the records and proposes
# their destruction, the legal head agrees, the Director General signs.
for _role, _perms in ROLE_PERMISSIONS.items():
    if "documents.view_document" in _perms and _role != Role.SUPERVISORY_BOARD:
        _perms |= {"documents.view_externaldocument"}
for _role in (Role.QMS_OWNER, Role.LEGAL_HEAD):
    ROLE_PERMISSIONS[_role] |= {
        "documents.add_externaldocument",
        "documents.change_externaldocument",
        "documents.view_recordclass",
        "documents.view_destructionact",
        "documents.hold_record",
    }
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {
    "documents.add_recordclass",
    "documents.change_recordclass",
    "documents.propose_destruction",
}
ROLE_PERMISSIONS[Role.LEGAL_HEAD] |= {"documents.agree_destruction"}
ROLE_PERMISSIONS[Role.DIRECTOR] |= {
    "documents.view_recordclass",
    "documents.view_destructionact",
    "documents.sign_destruction",
}

# Project managers draw up their work plans; the Director General, as their head, approves them
# (§4.4.2); the IQAS owner follows them. The weekly meeting of management and staff is open to
# the staff; the IQAS owner and the Director General prepare it and keep its minutes.
ROLE_PERMISSIONS[Role.PROJECT_MANAGER] |= {"governance.view_workplan", "governance.add_workplan"}
ROLE_PERMISSIONS[Role.DIRECTOR] |= {
    "governance.view_workplan",
    "governance.view_all_workplans",
    "governance.approve_workplan",
}
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {"governance.view_workplan", "governance.view_all_workplans"}
for _role in (
    Role.DIRECTOR,
    Role.QMS_OWNER,
    Role.LEGAL_HEAD,
    Role.PROJECT_MANAGER,
    Role.COORDINATOR,
    Role.COUNCIL_SECRETARY,
    Role.AUDITOR,
    Role.STAFF,
):
    ROLE_PERMISSIONS[_role] |= {"governance.view_weeklymeeting"}
for _role in (Role.DIRECTOR, Role.QMS_OWNER):
    ROLE_PERMISSIONS[_role] |= {"governance.add_weeklymeeting", "governance.change_weeklymeeting"}

# The yearly reports outward (§4.2, §4.5.2): the IQAS owner (or the Director General) prepares
# them from the records, the Director General signs and sends them; the Supervisory Board's
# members read the reports sent to the board.
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {"improvement.view_outwardreport", "improvement.add_outwardreport"}
ROLE_PERMISSIONS[Role.DIRECTOR] |= {
    "improvement.view_outwardreport",
    "improvement.add_outwardreport",
    "improvement.sign_outwardreport",
}
ROLE_PERMISSIONS[Role.SUPERVISORY_BOARD] |= {"improvement.view_outwardreport"}
# The development of standards (§6.3): the agency's staff and bodies follow the plans; whoever
# drafts documents (the IQAS owner, the legal head) draws them up and keeps them; a working
# group's secretary keeps its plan by the seat (governance.workflow_standards_dev).
for _role in set(Role) - {Role.EO_REPRESENTATIVE}:
    ROLE_PERMISSIONS[_role] |= {"governance.view_developmentplan"}
for _role in (Role.QMS_OWNER, Role.LEGAL_HEAD):
    ROLE_PERMISSIONS[_role] |= {"governance.add_developmentplan", "governance.change_developmentplan"}
# People (§4.5.1, §5.2): the Director General and the IQAS owner keep the staff records
# (positions, holders, hiring, appraisals) and read every person's page; the IQAS owner keeps
# the training plan, the project managers the experts' seminars (they train the experts); the
# staff and the experts accept the code of ethics. A head's rights over their own people (the
# appraisal, the effectiveness check) come from the positions, not from a role.
for _role in (Role.DIRECTOR, Role.QMS_OWNER):
    ROLE_PERMISSIONS[_role] |= {"people.view_staff", "people.manage_staff", "people.view_training"}
for _role in (Role.QMS_OWNER, Role.PROJECT_MANAGER):
    ROLE_PERMISSIONS[_role] |= {"people.view_training", "people.manage_training"}
for _role in set(Role) - {
    Role.EO_REPRESENTATIVE,
    Role.SUPERVISORY_BOARD,
    Role.COUNCIL_MEMBER,
    Role.APPEALS_COMMISSION,
}:
    ROLE_PERMISSIONS[_role] |= {"people.accept_ethics_code"}


def role_label(code: str) -> str:
    return str(Role(code).label)


# A signature, a manifest or a register keeps the roles a person held as their English labels
# (message ids), joined by ", ", and shows them in the reader's language.
ROLES_SEPARATOR = ", "


def roles_stored(codes) -> str:
    """Role codes as a signature stores them: their English labels, joined."""
    with translation.override(None):
        return ROLES_SEPARATOR.join(str(Role(code).label) for code in codes)


def _english_labels() -> str:
    with translation.override(None):
        labels = sorted((str(label) for label in Role.labels), key=len, reverse=True)
    return "|".join(re.escape(label) for label in labels)


def roles_label(text: str) -> str:
    """Stored roles (English labels, joined) in the reader's language; other words (a position
    typed by hand) through the catalogue, else as written."""
    pattern = rf"(?:^|(?<={ROLES_SEPARATOR}))(?:{_english_labels()})(?=,|$)"
    if not text or not re.search(pattern, text):
        return gettext(text) if text else ""
    return re.sub(pattern, lambda m: gettext(m[0]), text)


def signer_stored(name: str, codes) -> str:
    """How a signature names its signer: the name, with the roles held when signing."""
    roles = roles_stored(codes)
    return f"{name} ({roles})" if roles else name


def signer_label(text: str) -> str:
    """A stored signer (``name (role, role)``) in the reader's language."""
    alt = _english_labels()
    match = re.fullmatch(rf"(.*) \(((?:{alt})(?:{ROLES_SEPARATOR}(?:{alt}))*)\)", text or "", re.S)
    if match is None:
        return text or ""
    return f"{match[1]} ({roles_label(match[2])})"


# The agency's own external review (§7.1, ESG 3.7): the IQAS owner keeps the register of
# memberships and reviews; the management and the Supervisory Board read it, and so does the
# staff who own the actions on its recommendations.
for _role in (Role.SUPERVISORY_BOARD, Role.DIRECTOR, Role.QMS_OWNER, Role.LEGAL_HEAD, Role.STAFF):
    ROLE_PERMISSIONS[_role] |= {"governance.view_agencyreview"}
ROLE_PERMISSIONS[Role.QMS_OWNER] |= {"governance.keep_agency_reviews"}
