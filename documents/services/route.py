"""The approval route of a version: review, agreement, peer review, validation, approval,
entry into force (§3.2.2, §6.3)."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import Department, stored_ref
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..extensions import version_became_effective
from ..models import Acknowledgement, Distribution, Document, DocumentVersion, ReviewStep, Signature
from ..workflow import DOCUMENT_WORKFLOW, VERSION_WORKFLOW
from .common import require_edit, sign
from .register import add_months, people_with_perm
from .revision import revision_requests_advance

S = DocumentVersion.Status
Kind = ReviewStep.Kind
Decision = ReviewStep.Decision


def _lock(version: DocumentVersion) -> DocumentVersion:
    return DocumentVersion.objects.select_for_update().select_related("document").get(pk=version.pk)


def _current_round(version: DocumentVersion) -> int:
    return version.steps.aggregate(r=Max("round"))["r"] or 0


def _actionable(version: DocumentVersion, round_: int) -> list[ReviewStep]:
    """Pending steps whose turn it is: all of them in parallel, the first one in sequence."""
    pending = list(
        version.steps.filter(round=round_, decision=Decision.PENDING)
        .exclude(kind=Kind.VALIDATION)
        .order_by("position", "pk")
    )
    if version.review_mode == DocumentVersion.ReviewMode.SEQUENTIAL:
        return pending[:1]
    return pending


def _notify_reviewers(version: DocumentVersion, steps: Iterable[ReviewStep]) -> None:
    notification_send(
        recipients=[s.reviewer for s in steps],
        subject=gettext_lazy("Please review %(version)s: %(title)s"),
        params={"version": version, "title": stored_ref(version.document, "localized_title")},
        body=version.change_summary,
        url=version.get_absolute_url(),
    )


@transaction.atomic
def version_submit(
    *,
    version: DocumentVersion,
    actor,
    reviewers: Iterable,
    mode: str = DocumentVersion.ReviewMode.PARALLEL,
    peer_reviewers: Iterable = (),
    comment: str = "",
) -> DocumentVersion:
    """Send a draft to named reviewers; standards and guidelines also need peer reviewers."""
    version = _lock(version)
    require_edit(actor, version.document)
    reviewers, peer_reviewers = list(reviewers), list(peer_reviewers)
    if not reviewers:
        raise ValidationError(_("Name at least one reviewer."))
    if version.document.follows_design_route and not peer_reviewers:
        raise ValidationError(_("Standards and guidelines need at least one peer reviewer (§6.3)."))
    if any(r.pk == version.created_by_id for r in [*reviewers, *peer_reviewers]):
        raise ValidationError(_("The author cannot review their own draft."))
    round_ = _current_round(version) + 1
    steps = [
        ReviewStep(version=version, kind=Kind.AGREEMENT, reviewer=r, position=i, round=round_)
        for i, r in enumerate(reviewers, start=1)
    ] + [
        ReviewStep(
            version=version, kind=Kind.PEER_REVIEW, reviewer=r, position=len(reviewers) + i, round=round_
        )
        for i, r in enumerate(peer_reviewers, start=1)
    ]
    for step in steps:
        step.save()
    version = transition_perform(
        obj=version,
        workflow=VERSION_WORKFLOW,
        target=S.IN_REVIEW,
        actor=actor,
        comment=comment,
        also={"review_mode": mode},
    )
    _notify_reviewers(version, _actionable(version, round_))
    return version


@transaction.atomic
def step_decide(
    *, step: ReviewStep, actor, decision: str, password: str = "", comment: str = ""
) -> ReviewStep:
    """A reviewer agrees (signing) or returns the draft with comments."""
    step = ReviewStep.objects.select_for_update().get(pk=step.pk)
    version = _lock(step.version)
    if step.reviewer_id != actor.pk:
        raise PermissionDenied(_("This review step is someone else's."))
    if (
        version.status != S.IN_REVIEW
        or step.decision != Decision.PENDING
        or step.round != _current_round(version)
    ):
        raise ValidationError(_("This review is closed already; nothing was changed."))
    if step not in _actionable(version, step.round):
        raise ValidationError(_("It is not your turn yet: the reviewers before you have not decided."))
    now = timezone.now()
    if decision == Decision.RETURNED:
        if not comment.strip():
            raise ValidationError(_("Say what must change when you return a draft."))
        step.decision, step.comment, step.decided_at = Decision.RETURNED, comment, now
        step.save()
        for other in version.steps.filter(round=step.round, decision=Decision.PENDING):
            other.decision, other.comment, other.decided_at = (
                Decision.RETURNED,
                _("Not needed: returned earlier"),
                now,
            )
            other.save()
        transition_perform(
            obj=version, workflow=VERSION_WORKFLOW, target=S.DRAFT, actor=actor, comment=comment
        )
        notification_send(
            recipients=[version.document.owner, version.created_by],
            subject=gettext_lazy("%(version)s was returned with comments"),
            params={"version": version},
            body=comment,
            url=version.get_absolute_url(),
        )
        return step
    if decision != Decision.AGREED:
        raise ValidationError(_("Choose to agree or to return the draft."))
    meaning = Signature.Meaning.VERIFIED if step.kind == Kind.PEER_REVIEW else Signature.Meaning.AGREED
    sign(version=version, actor=actor, meaning=meaning, password=password)
    step.decision, step.comment, step.decided_at = Decision.AGREED, comment, now
    step.save()
    event_record(obj=version, action=Signature.Meaning(meaning).label, actor=actor, comment=comment)
    following = _actionable(version, step.round)
    if following:
        if version.review_mode == DocumentVersion.ReviewMode.SEQUENTIAL:
            _notify_reviewers(version, following)
        return step
    if version.document.follows_design_route:
        notification_send(
            recipients=[version.document.owner],
            subject=gettext_lazy("%(version)s is agreed: record its validation by the collegial body"),
            params={"version": version},
            url=version.get_absolute_url(),
        )
        return step
    _to_approval(version, actor)
    return step


def _to_approval(version: DocumentVersion, actor) -> None:
    transition_perform(obj=version, workflow=VERSION_WORKFLOW, target=S.AWAITING_APPROVAL, actor=actor)
    notification_send(
        recipients=people_with_perm("approve_document"),
        subject=gettext_lazy("%(version)s awaits your approval"),
        params={"version": version},
        body=version.change_summary,
        url=version.get_absolute_url(),
    )


def awaits_validation(version: DocumentVersion) -> bool:
    """A standard or guideline in review whose reviewers and peer reviewers have all agreed:
    it waits for a collegial body's decision (§6.3.5–6.3.6)."""
    version = DocumentVersion.objects.select_related("document").get(pk=version.pk)
    return (
        version.document.follows_design_route
        and version.status == S.IN_REVIEW
        and version.steps.exists()
        and not version.steps.filter(round=_current_round(version), decision=Decision.PENDING).exists()
    )


@transaction.atomic
def version_validation_from_body(
    *, version: DocumentVersion, actor, body: str, meeting_date: date, comment: str = ""
) -> DocumentVersion:
    """Record a collegial body's decision validating a standard or guideline (§6.3): called by
    the service that closes the vote on a meeting's "document validation" item (governance),
    never declared by the document's editor. ``actor`` is the body's secretary recording it;
    the body's decision is signed in its minutes by the chair and the secretary."""
    version = _lock(version)
    if not version.document.follows_design_route:
        raise ValidationError(_("Only standards and guidelines are validated by a collegial body."))
    if not awaits_validation(version):
        raise ValidationError(_("Validation is recorded after every reviewer and peer reviewer has agreed."))
    if meeting_date > timezone.localdate():
        raise ValidationError(_("The meeting date cannot be in the future."))
    if not body.strip():
        raise ValidationError(_("Name the collegial body that validated it."))
    ReviewStep.objects.create(
        version=version,
        kind=Kind.VALIDATION,
        reviewer=actor,
        position=99,
        round=_current_round(version),
        decision=Decision.AGREED,
        body=body,
        meeting_date=meeting_date,
        comment=comment,
        decided_at=timezone.now(),
    )
    event_record(
        obj=version,
        action=gettext_lazy("Validated by %(body)s"),
        params={"body": body},
        actor=actor,
        comment=comment,
    )
    _to_approval(version, None)  # the body decided: the portal moves the version on
    return version


@transaction.atomic
def version_approve(
    *,
    version: DocumentVersion,
    actor,
    password: str,
    effective_from: date,
    ack_groups=(),
    ack_departments=(),
    ack_users=(),
    ack_days: int = 14,
    comment: str = "",
) -> DocumentVersion:
    """The Director General approves and signs; the version takes effect on its date."""
    version = _lock(version)
    if not actor.has_perm("documents.approve_document"):
        raise PermissionDenied(_("Only the Director General approves documents."))
    if version.status != S.AWAITING_APPROVAL:
        raise ValidationError(
            _("%(version)s is “%(status)s”; only a version awaiting approval can be approved.")
            % {"version": version, "status": version.get_status_display()}
        )
    if effective_from < timezone.localdate():
        raise ValidationError(_("The effective date cannot be in the past."))
    sign(version=version, actor=actor, meaning=Signature.Meaning.APPROVED, password=password)
    # The audience is many-to-many (no history row of the version); the date and the days to
    # acknowledge change with the move, in its one save: one move, one history row.
    version.ack_groups.set(ack_groups)
    version.ack_departments.set(ack_departments)
    version.ack_users.set(ack_users)
    version = transition_perform(
        obj=version,
        workflow=VERSION_WORKFLOW,
        target=S.APPROVED,
        actor=actor,
        comment=comment,
        also={"effective_from": effective_from, "ack_days": ack_days},
    )
    notification_send(
        recipients=[version.document.owner],
        subject=gettext_lazy("%(version)s is approved, effective from %(date)s"),
        params={"version": version, "date": effective_from.isoformat()},
        url=version.get_absolute_url(),
    )
    if effective_from <= timezone.localdate():
        version_make_effective(version=version)
    return version


@transaction.atomic
def version_return(*, version: DocumentVersion, actor, comment: str) -> DocumentVersion:
    """The Director General sends a version back to its author with comments."""
    if not comment.strip():
        raise ValidationError(_("Say what must change when you return a draft."))
    version = transition_perform(
        obj=version, workflow=VERSION_WORKFLOW, target=S.DRAFT, actor=actor, comment=comment
    )
    notification_send(
        recipients=[version.document.owner, version.created_by],
        subject=gettext_lazy("%(version)s was returned by the Director General"),
        params={"version": version},
        body=comment,
        url=version.get_absolute_url(),
    )
    return version


def _audience(version: DocumentVersion) -> set:
    User = get_user_model()
    people = set(User.objects.filter(is_active=True, groups__in=version.ack_groups.all()))
    people |= set(
        User.objects.filter(
            is_active=True,
            department__in=Department.objects.filter(pk__in=version.ack_departments.values("pk")),
        )
    )
    people |= set(version.ack_users.filter(is_active=True))
    return people


@transaction.atomic
def version_make_effective(*, version: DocumentVersion) -> DocumentVersion:
    """Put an approved version in force: the previous one is superseded, copies are called back,
    and everyone it applies to gets a task to read and acknowledge it."""
    version = _lock(version)
    if version.status != S.APPROVED:
        return version  # already done by an earlier run
    document = Document.objects.select_for_update().get(pk=version.document_id)
    previous = document.effective_version
    if previous is not None:
        transition_perform(obj=previous, workflow=VERSION_WORKFLOW, target=S.SUPERSEDED, actor=None)
        holders = Distribution.objects.filter(
            version=previous, withdrawn_at__isnull=True, recipient__isnull=False
        )
        notification_send(
            recipients=[d.recipient for d in holders],
            subject=gettext_lazy("%(version)s is superseded: return or destroy your copy"),
            params={"version": previous},
            url=document.get_absolute_url(),
        )
        # The hold-over of the previous revision's outstanding acknowledgements ends here.
    version = transition_perform(obj=version, workflow=VERSION_WORKFLOW, target=S.EFFECTIVE, actor=None)
    # What other apps keep as part of the version (standards, criteria) comes into force with it.
    version_became_effective(version=version, previous=previous)
    # The document's status, its effective version and its next review change in one save:
    # one move, one history row.
    action = gettext_lazy("Version %(number)s became effective")
    params = {"number": version.number}
    also = {
        "effective_version": version,
        "next_review_date": add_months(
            version.effective_from or timezone.localdate(), document.review_interval_months
        ),
    }
    if document.status != Document.Status.EFFECTIVE:
        document = transition_perform(
            obj=document,
            workflow=DOCUMENT_WORKFLOW,
            target=Document.Status.EFFECTIVE,
            actor=None,
            action=action,
            params=params,
            also=also,
        )
    else:  # a new version of a document in force: the status stays
        for name, value in also.items():
            setattr(document, name, value)
        with translation.override(None):
            document._change_reason = str(action) % params
        document.save()
        event_record(obj=document, action=action, params=params, to_state=document.status)
    due = timezone.localdate() + timedelta(days=version.ack_days)
    people = _audience(version)
    for person in people:
        Acknowledgement.objects.get_or_create(version=version, person=person, defaults={"due_date": due})
    notification_send(
        recipients=people,
        subject=gettext_lazy("Read and acknowledge %(version)s: %(title)s"),
        params={"version": version, "title": stored_ref(document, "localized_title")},
        body=gettext_lazy("Please read the new version and confirm by %(date)s."),
        body_params={"date": due.isoformat()},
        url=version.get_absolute_url(),
    )
    revision_requests_advance(document)
    return version


def versions_activate_due(today: date | None = None) -> int:
    """Approved versions whose date has come become effective (run daily by beat)."""
    today = today or timezone.localdate()
    count = 0
    for version in DocumentVersion.objects.filter(status=S.APPROVED, effective_from__lte=today):
        version_make_effective(version=version)
        count += 1
    return count
