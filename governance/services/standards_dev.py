"""The development of standards (§6.3): drawing up the plan, registering its inputs, opening a
public consultation on a draft version with its sections, taking the stakeholders' comments
until the closing date, and the working group's moderation, answers and dispositions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_date
from core.permissions import require_perm
from core.workflow import event_record, transition_perform
from documents.models import Document, DocumentVersion

from ..models.bodies import Body
from ..models.standards_dev import (
    Consultation,
    ConsultationComment,
    ConsultationSection,
    DevelopmentInput,
    DevelopmentPlan,
)
from ..selectors.standards_dev import draft_of
from ..workflow_standards_dev import ADD, ANSWERS, COMMENT_WORKFLOW, KEEPS

C = ConsultationComment.Status
COMMENT_MAX = 5000


def _require(rule, actor, obj, message: str) -> None:
    if not rule.allows(actor, obj):
        raise PermissionDenied(message)


def _saved(obj, actor=None):
    if actor is not None:
        obj._history_user = actor
    obj.save()
    return obj


def _working_group_refusal(body: Body | None) -> str:
    if body is None or body.kind != Body.Kind.WORKING_GROUP or not body.is_active:
        return _("Choose an active working group of the collegial bodies.")
    return ""


@transaction.atomic
def plan_create(
    *, actor, document: Document, working_group: Body, reason: str, scope: str
) -> DevelopmentPlan:
    """Draw up the plan of developing a standard or guideline, with its working group."""
    require_perm(actor, ADD, _("Only whoever drafts documents draws up a development plan."))
    if not document.follows_design_route:
        raise ValidationError(_("Only a standard or a guideline is developed by this route."))
    refusal = _working_group_refusal(working_group)
    if refusal:
        raise ValidationError(refusal)
    if not reason.strip() or not scope.strip():
        raise ValidationError(_("Say why the standard is developed and what it covers."))
    plan = DevelopmentPlan(
        document=document,
        working_group=working_group,
        reason=reason.strip(),
        scope=scope.strip(),
        created_by=actor,
    )
    _saved(plan, actor)
    event_record(obj=plan, action=gettext_lazy("Development plan drawn up"), actor=actor)
    return plan


@transaction.atomic
def input_add(
    *, plan: DevelopmentPlan, actor, kind: str, title: str, reference: str = "", note: str = ""
) -> DevelopmentInput:
    """Register one input of the development (§6.3.2)."""
    _require(
        KEEPS,
        actor,
        plan,
        _("Only the working group's secretary or whoever drafts documents keeps the plan."),
    )
    if kind not in DevelopmentInput.Kind.values:
        raise ValidationError(_("Choose the kind of input."))
    if not title.strip():
        raise ValidationError(_("Name the input."))
    reference = reference.strip()
    if "://" in reference and not reference.startswith(("https://", "http://")):
        raise ValidationError(_("A link starts with https:// or http://."))
    entry = DevelopmentInput(
        plan=plan, kind=kind, title=title.strip(), reference=reference, note=note.strip(), added_by=actor
    )
    return _saved(entry, actor)


@transaction.atomic
def consultation_open(
    *,
    plan: DevelopmentPlan,
    actor,
    opens_on: datetime.date,
    closes_on: datetime.date,
    language: str,
) -> Consultation:
    """Put the plan's draft (a version still a draft) to public consultation between two dates."""
    _require(
        KEEPS,
        actor,
        plan,
        _("Only the working group's secretary or whoever drafts documents keeps the plan."),
    )
    version = draft_of(plan)
    if version is None or version.status != DocumentVersion.Status.DRAFT:
        raise ValidationError(
            _("Upload the draft as a new version of the document first: only a draft goes to consultation.")
        )
    if closes_on < opens_on:
        raise ValidationError(_("The consultation cannot close before it opens."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("The closing date has passed already."))
    if plan.consultations.filter(version=version, closes_on__gte=timezone.localdate()).exists():
        raise ValidationError(_("This draft is in consultation already."))
    consultation = Consultation(
        plan=plan,
        version=version,
        opens_on=opens_on,
        closes_on=closes_on,
        language=language,
        created_by=actor,
    )
    _saved(consultation, actor)
    event_record(
        obj=plan,
        action=gettext_lazy("Public consultation on v%(number)s: %(opens)s to %(closes)s"),
        actor=actor,
        params={"number": version.number, "opens": stored_date(opens_on), "closes": stored_date(closes_on)},
    )
    return consultation


@transaction.atomic
def section_add(
    *, consultation: Consultation, actor, number: str, title: str, text: str
) -> ConsultationSection:
    """Add a section of the draft for the stakeholders to comment on."""
    _require(
        KEEPS,
        actor,
        consultation,
        _("Only the working group's secretary or whoever drafts documents keeps the plan."),
    )
    if consultation.is_closed():
        raise ValidationError(_("The consultation is closed."))
    if not number.strip() or not title.strip() or not text.strip():
        raise ValidationError(_("Give the section's number, title and text."))
    if consultation.sections.filter(number=number.strip()).exists():
        raise ValidationError(_("The draft has a section with this number already."))
    section = ConsultationSection(
        consultation=consultation,
        position=consultation.sections.count() + 1,
        number=number.strip(),
        title=title.strip(),
        text=text.strip(),
    )
    return _saved(section, actor)


def closed_message(consultation: Consultation) -> str:
    return _("The consultation closed on %(date)s; comments are no longer taken.") % {
        "date": date_format(consultation.closes_on, "SHORT_DATE_FORMAT")
    }


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    section_id,
    name: str,
    constituency: str,
    text: str,
    organization: str = "",
    email: str = "",
    today: datetime.date | None = None,
) -> ConsultationComment:
    """A stakeholder's comment on one section, from the public page (no sign-in): taken while
    the consultation is open, then kept for the working group's moderation."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    today = today or timezone.localdate()
    if consultation.is_closed(today):
        raise ValidationError(closed_message(consultation))
    if not consultation.is_open(today):
        raise ValidationError(
            _("The consultation opens on %(date)s.")
            % {"date": date_format(consultation.opens_on, "SHORT_DATE_FORMAT")}
        )
    section = consultation.sections.filter(pk=section_id).first() if str(section_id).isdigit() else None
    if section is None:
        raise ValidationError(_("Choose the section you comment on."))
    if not name.strip():
        raise ValidationError(_("Give your name."))
    if constituency not in ConsultationComment.Constituency.values:
        raise ValidationError(_("Say whom you comment as."))
    if not text.strip():
        raise ValidationError(_("Write your comment."))
    if len(text) > COMMENT_MAX:
        raise ValidationError(_("A comment is at most %(max)s characters.") % {"max": COMMENT_MAX})
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(_("Enter a valid e-mail address, or leave it empty.")) from None
    comment = ConsultationComment(
        section=section,
        name=name.strip()[:200],
        organization=organization.strip()[:300],
        email=email,
        constituency=constituency,
        text=text.strip(),
    )
    return _saved(comment)


@transaction.atomic
def comment_moderate(
    *, comment: ConsultationComment, actor, publish: bool, reason: str = ""
) -> ConsultationComment:
    """The secretary publishes a comment on the public page, or hides it with the reason."""
    target = C.PUBLISHED if publish else C.HIDDEN
    if not publish and not reason.strip():
        raise ValidationError(_("Say why the comment is hidden."))
    if comment.status == target:
        raise ValidationError(
            _("The comment is published already.") if publish else _("The comment is hidden already.")
        )
    return transition_perform(
        obj=comment,
        workflow=COMMENT_WORKFLOW,
        target=target,
        actor=actor,
        comment="" if publish else reason.strip(),
        also={
            "hidden_reason": "" if publish else reason.strip()[:500],
            "moderated_by": actor,
            "moderated_at": timezone.now(),
        },
    )


def _answerable(comment: ConsultationComment, actor) -> ConsultationComment:
    _require(ANSWERS, actor, comment, _("Only a member of the working group answers the comments."))
    locked = ConsultationComment.objects.select_for_update().get(pk=comment.pk)
    if locked.status != C.PUBLISHED:
        raise ValidationError(_("Only a published comment is answered: moderate it first."))
    return locked


@transaction.atomic
def comment_answer(*, comment: ConsultationComment, actor, answer: str) -> ConsultationComment:
    """The working group's answer to a comment, shown with it on the public page."""
    locked = _answerable(comment, actor)
    if not answer.strip():
        raise ValidationError(_("Write the answer."))
    locked.answer, locked.answered_by, locked.answered_at = answer.strip(), actor, timezone.now()
    locked._change_reason = "Answered"
    _saved(locked, actor)
    event_record(obj=locked, action=gettext_lazy("Comment answered"), actor=actor)
    return locked


@transaction.atomic
def comment_dispose(
    *, comment: ConsultationComment, actor, disposition: str, reason: str
) -> ConsultationComment:
    """The working group's decision on a comment: accepted into the draft or rejected, with why."""
    locked = _answerable(comment, actor)
    if disposition not in ConsultationComment.Disposition.values:
        raise ValidationError(_("Choose whether the comment is accepted or rejected."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for accepting or rejecting the comment."))
    locked.disposition, locked.disposition_reason = disposition, reason.strip()
    locked.disposed_by, locked.disposed_at = actor, timezone.now()
    _saved(locked, actor)
    event_record(
        obj=locked,
        action=gettext_lazy("Comment accepted")
        if disposition == ConsultationComment.Disposition.ACCEPTED
        else gettext_lazy("Comment rejected"),
        actor=actor,
        comment=locked.disposition_reason,
    )
    return locked


__all__ = [
    "closed_message",
    "comment_answer",
    "comment_dispose",
    "comment_moderate",
    "comment_submit",
    "consultation_open",
    "draft_of",
    "input_add",
    "plan_create",
    "section_add",
]
