"""The life of a document version (§3.2.2) as one table.

draft → in review (named reviewers; standards and guidelines add peer review and validation
by a collegial body, §6.3) → awaiting approval → approved by the Director General →
effective (from its date) → superseded or withdrawn → archived.
"""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import DocumentVersion

S = DocumentVersion.Status

VERSION_WORKFLOW = Workflow(
    DocumentVersion,
    "status",
    {
        S.DRAFT: {S.IN_REVIEW: ("documents.change_document", _("Sent for review"))},
        S.IN_REVIEW: {
            # Moved by the reviewers' decisions, after the service checks each is a named reviewer.
            S.DRAFT: (None, _("Returned with comments")),
            S.AWAITING_APPROVAL: (None, _("Agreed by every reviewer")),
        },
        S.AWAITING_APPROVAL: {
            S.APPROVED: ("documents.approve_document", _("Approved by the Director General")),
            S.DRAFT: ("documents.approve_document", _("Returned by the Director General")),
        },
        S.APPROVED: {S.EFFECTIVE: (None, _("Became effective"))},
        S.EFFECTIVE: {
            S.SUPERSEDED: (None, _("Superseded by a new version")),
            S.WITHDRAWN: (None, _("Withdrawn")),
        },
        S.SUPERSEDED: {S.ARCHIVED: (None, _("Archived"))},
        S.WITHDRAWN: {S.ARCHIVED: (None, _("Archived"))},
    },
)

# Versions in these states are the past: shown, downloadable, clearly marked as not in force.
OBSOLETE = {S.SUPERSEDED, S.WITHDRAWN, S.ARCHIVED}
IN_PROGRESS = {S.DRAFT, S.IN_REVIEW, S.AWAITING_APPROVAL, S.APPROVED}
