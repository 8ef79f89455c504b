"""The life of a document version (§3.2.2) as one table.

draft → in review (named reviewers; standards and guidelines add peer review and validation
by a collegial body, §6.3) → awaiting approval → approved by the Director General →
effective (from its date) → superseded or withdrawn → archived.
"""

from django.utils.translation import gettext_lazy as _

from core.permissions import user_can
from core.workflow import Move, Workflow, on_record, perm, rel, relation

from .models import (
    DestructionAct,
    Document,
    DocumentVersion,
    ExternalDocument,
    Record,
    ReviewStep,
    RevisionRequest,
)

S = DocumentVersion.Status
D = Document.Status
R = RevisionRequest.Status


@relation("edits the document")
def edits_document(user, document) -> bool:
    """The owner and the drafting staff (legal head, IQAS owner) draft, revise and withdraw."""
    if not user_can(user, "documents.change_document", document):
        return False
    return (
        document.owner_id == user.pk
        or user.has_perm("documents.manage_familiarization")
        or user.has_perm("documents.view_all_documents")
    )


@relation("owns the document")
def owns_document(user, document) -> bool:
    """The document's owner alone records its periodic review (§3.2.2)."""
    return user.is_authenticated and document.owner_id == user.pk


@relation("decides the step")
def decides_step(user, step) -> bool:
    """A review step is decided by the reviewer it names, nobody else."""
    return user.is_authenticated and step.reviewer_id == user.pk


@relation("edits the version")
def edits_version(user, version) -> bool:
    return edits_document(user, version.document)


@relation("reviews the version")
def reviews_version(user, version) -> bool:
    """A reviewer or peer reviewer named on the version's current round of review."""
    steps = version.steps.exclude(kind=ReviewStep.Kind.VALIDATION)
    latest = steps.order_by("-round").values_list("round", flat=True).first()
    return latest is not None and steps.filter(round=latest, reviewer_id=user.pk).exists()


VERSION_WORKFLOW = Workflow(
    DocumentVersion,
    "status",
    {
        S.DRAFT: {S.IN_REVIEW: (rel("edits the version"), _("Sent for review"))},
        S.IN_REVIEW: {
            # Moved by the reviewers' decisions (the service also checks whose turn it is); a
            # standard or guideline goes on once a collegial body's meeting decides to validate
            # it (the portal moves it, from the meeting's decision: governance.services.bodies).
            S.DRAFT: (rel("reviews the version"), _("Returned with comments")),
            S.AWAITING_APPROVAL: Move(
                _("Agreed by every reviewer"),
                rel("reviews the version") | rel("edits the version"),
                by_portal_too=True,
            ),
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

# The document follows its versions: in force with its effective version, withdrawn by its
# editors (with the reason), then archived.
DOCUMENT_WORKFLOW = Workflow(
    Document,
    "status",
    {
        D.DRAFT: {D.EFFECTIVE: (None, _("Became effective"))},
        D.EFFECTIVE: {
            D.WITHDRAWN: Move(
                _("Withdraw"), rel("edits the document"), via="documents:withdraw", style="outline-danger"
            ),
        },
        D.WITHDRAWN: {
            D.ARCHIVED: Move(
                _("Archive"),
                rel("edits the document"),
                via="documents:archive",
                post=True,
                style="outline-dark",
            ),
            # A withdrawn document revised again comes back into force with its new version.
            D.EFFECTIVE: (None, _("Became effective")),
        },
    },
)

RECORD_WORKFLOW = Workflow(
    Record,
    "status",
    {
        Record.Status.ACTIVE: {
            Record.Status.ARCHIVED: (perm("documents.change_record"), _("Archive")),
            # Only by a signed destruction act (documents.services.records).
            Record.Status.DESTROYED: (None, _("Destroyed by a signed act")),
        },
        Record.Status.ARCHIVED: {Record.Status.DESTROYED: (None, _("Destroyed by a signed act"))},
    },
)

# An order to revise follows the document's own revisions (documents.services.revision).
REVISION_REQUEST_WORKFLOW = Workflow(
    RevisionRequest,
    "status",
    {
        R.OPEN: {
            R.IN_REVISION: (None, _("Revision started")),
            R.DONE: (None, _("Revised")),
        },
        R.IN_REVISION: {R.DONE: (None, _("Revised"))},
    },
)

# What the register's views ask of the record their URL names, besides seeing it: the views,
# their services and the permission matrix read these (core.workflow.on_record).
EDITS_DOCUMENT = on_record(Document, rel("edits the document"))
OWNS_DOCUMENT = on_record(Document, rel("owns the document"))
DECIDES_STEP = on_record(ReviewStep, rel("decides the step"), key="step_pk")

# Versions in these states are the past: shown, downloadable, clearly marked as not in force.
OBSOLETE = {S.SUPERSEDED, S.WITHDRAWN, S.ARCHIVED}
IN_PROGRESS = {S.DRAFT, S.IN_REVIEW, S.AWAITING_APPROVAL, S.APPROVED}


# ---- External documents (§3.1) ----
X = ExternalDocument.Status


@relation("checks the external document")
def checks_external(user, external) -> bool:
    """Its owner checks for a new edition; so may those who keep the register."""
    return user.is_authenticated and (
        external.owner_id == user.pk or user.has_perm("documents.change_externaldocument")
    )


# Registered, then introduced (not the internal approval route); a new edition supersedes it.
EXTERNAL_WORKFLOW = Workflow(
    ExternalDocument,
    "status",
    {
        X.REGISTERED: {
            X.INTRODUCED: Move(
                _("Mark as introduced"),
                perm("documents.change_externaldocument"),
                via="documents:external_introduce",
                post=True,
                style="success",
            ),
            X.SUPERSEDED: (None, _("Superseded by a new edition")),
        },
        X.INTRODUCED: {X.SUPERSEDED: (None, _("Superseded by a new edition"))},
    },
)
EDITS_EXTERNAL = on_record(ExternalDocument, perm("documents.change_externaldocument"))
CHECKS_EXTERNAL = on_record(ExternalDocument, rel("checks the external document"))

# ---- Destruction acts (§3.2.2) ----
A = DestructionAct.Status

ACT_WORKFLOW = Workflow(
    DestructionAct,
    "status",
    {
        A.PROPOSED: {
            A.AGREED: Move(
                _("Agree"), perm("documents.agree_destruction"), via="documents:destruction_agree"
            ),
            A.REJECTED: Move(
                _("Reject"),
                perm("documents.agree_destruction"),
                via="documents:destruction_reject",
                style="outline-danger",
            ),
        },
        A.AGREED: {
            A.SIGNED: Move(
                _("Sign and destroy"),
                perm("documents.sign_destruction"),
                via="documents:destruction_sign",
                style="danger",
            ),
            A.REJECTED: Move(
                _("Reject"),
                perm("documents.sign_destruction"),
                via="documents:destruction_reject",
                style="outline-danger",
            ),
        },
    },
)
HOLDS_RECORD = on_record(Record, perm("documents.hold_record"))
