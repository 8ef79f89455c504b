"""The management review of the IQAS (§4.6): planned at least yearly by the IQAS owner, its
input pack assembled from the portal (§4.6.2), held, its conclusions and decisions recorded,
and its output a Director General order (§4.6.3), signed with the password again. Each decision
is an action (improvement.Action) with an owner and a due date, reminded and escalated like
every action, until the IQAS owner closes the review (or carries what is open over to the next).

Status: planned → inputs assembled → held → order awaiting signature → order signed → closed.
"""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import password_confirm, require_perm, signer_name
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform
from improvement.models import Action, ManagementReview, ReviewDecision
from improvement.services.capa import TEXT_LIMIT
from improvement.workflow import ACTION_WORKFLOW, REVIEW_WORKFLOW

from ..pdf import order_pdf, pack_pdf
from ..selectors.reviews import (
    MANAGE,
    MEETING_OPEN,
    PACK_OPEN,
    PLAN,
    REMIND_DAYS_BEFORE,
    SIGN,
    S,
    managers,
    next_of,
    open_decisions,
    order_content,
    previous_of,
    signers,
)


def _require_manager(actor) -> None:
    require_perm(actor, MANAGE, _("Only the IQAS owner prepares and records the management review."))


def _lock(review: ManagementReview) -> ManagementReview:
    return ManagementReview.objects.select_for_update().get(pk=review.pk)


def _text(errors: dict, field: str, value: str, *, required: str = "") -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = required
    elif len(value) > TEXT_LIMIT:
        errors[field] = _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}
    return value


# --- Planning --------------------------------------------------------------------------------


@transaction.atomic
def review_plan(
    *,
    actor,
    period_start: datetime.date,
    period_end: datetime.date,
    planned_on: datetime.date,
    chair=None,
    today: datetime.date | None = None,
) -> ManagementReview:
    """The IQAS owner plans a review of a period (usually the past year) for a date."""
    require_perm(actor, PLAN, _("Only the IQAS owner plans management reviews."))
    today = today or timezone.localdate()
    errors = {}
    if period_start is None:
        errors["period_start"] = _("Give the first day of the period reviewed.")
    if period_end is None:
        errors["period_end"] = _("Give the last day of the period reviewed.")
    elif period_start is not None and period_end < period_start:
        errors["period_end"] = _("The period ends after it starts.")
    elif period_start is not None and (period_end - period_start).days > 731:
        errors["period_end"] = _("A review covers at most two years: it is held at least yearly.")
    if planned_on is None:
        errors["planned_on"] = _("Give the planned date of the meeting.")
    elif planned_on < today:
        errors["planned_on"] = _("The planned date cannot be in the past.")
    elif period_start is not None and planned_on < period_start:
        errors["planned_on"] = _("The meeting is held during or after the period it reviews.")
    if chair is not None and not chair.is_active:
        errors["chair"] = _("The chair must be an active member of staff.")
    if (
        not errors
        and ManagementReview.objects.filter(
            period_start__lte=period_end, period_end__gte=period_start
        ).exists()
    ):
        errors["period_start"] = _("Another management review covers part of this period already.")
    if errors:
        raise ValidationError(errors)
    year = period_end.year
    review = ManagementReview(
        number=f"MR-{year}-{sequence_next(f'management-review-{year}'):02d}",
        period_start=period_start,
        period_end=period_end,
        planned_on=planned_on,
        chair=chair,
        created_by=actor,
    )
    review.previous = previous_of(review)
    review.save()
    event_record(
        obj=review,
        action=gettext_lazy("Management review planned for %(date)s"),
        actor=actor,
        params={"date": planned_on.isoformat()},
        to_state=S.PLANNED,
    )
    return review


@transaction.atomic
def review_inputs_assemble(*, review: ManagementReview, actor) -> ManagementReview:
    """Assemble the input pack for the review's period from the portal, as one PDF stored with
    its SHA-256. Again and again while the meeting is not held; each pack is kept in the
    review's history."""
    _require_manager(actor)
    review = _lock(review)
    if review.status not in PACK_OPEN:
        raise ValidationError(_("The review is held: its input pack is final."))
    content = pack_pdf(review)
    sha256 = hashlib.sha256(content).hexdigest()
    review.pack_file.save(f"{review.number}-inputs.pdf", ContentFile(content), save=False)
    review = transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.INPUTS,
        actor=actor,
        action=gettext_lazy("Input pack assembled"),
        comment=f"SHA-256 {sha256}",
        reason=gettext_lazy("Input pack assembled"),
        also={"pack_sha256": sha256, "pack_assembled_at": timezone.now(), "pack_file": review.pack_file.name},
    )
    return review


@transaction.atomic
def review_edit(
    *,
    review: ManagementReview,
    actor,
    planned_on: datetime.date,
    chair=None,
    other_inputs: str = "",
    today: datetime.date | None = None,
) -> ManagementReview:
    """Move the planned date, name the chair and write the inputs the portal does not hold,
    until the meeting is held."""
    _require_manager(actor)
    review = _lock(review)
    if review.status not in PACK_OPEN:
        raise ValidationError(_("The review is held: its plan and inputs are final."))
    today = today or timezone.localdate()
    errors = {}
    if planned_on is None:
        errors["planned_on"] = _("Give the planned date of the meeting.")
    elif planned_on < today and planned_on != review.planned_on:
        errors["planned_on"] = _("The planned date cannot be in the past.")
    if chair is not None and not chair.is_active:
        errors["chair"] = _("The chair must be an active member of staff.")
    other_inputs = _text(errors, "other_inputs", other_inputs)
    if errors:
        raise ValidationError(errors)
    if planned_on != review.planned_on:
        review.reminded_on = None
    review.planned_on, review.chair, review.other_inputs = planned_on, chair, other_inputs
    review._change_reason = "Plan changed"
    review.save()
    event_record(obj=review, action=gettext_lazy("Plan and inputs changed"), actor=actor)
    return review


# --- The meeting -----------------------------------------------------------------------------


@transaction.atomic
def review_hold(
    *,
    review: ManagementReview,
    actor,
    held_on: datetime.date,
    participants: str,
    conclusions: str,
    chair=None,
    today: datetime.date | None = None,
) -> ManagementReview:
    """Record the meeting: when, who took part, and its conclusions (§4.6.3: the effectiveness
    of the IQAS, services for stakeholders' requirements, resource needs...). The input pack
    must be assembled first; the record may be corrected until the order goes for signature."""
    _require_manager(actor)
    review = _lock(review)
    if review.status == S.PLANNED:
        raise ValidationError(_("Assemble the input pack before the meeting."))
    if review.status not in MEETING_OPEN:
        raise ValidationError(_("The order has gone for signature: the meeting's record is final."))
    today = today or timezone.localdate()
    errors = {}
    if held_on is None:
        errors["held_on"] = _("Give the date of the meeting.")
    elif held_on > today:
        errors["held_on"] = _("The meeting is recorded once it has been held, not before.")
    elif held_on < review.period_start:
        errors["held_on"] = _("The meeting is held during or after the period it reviews.")
    participants = _text(errors, "participants", participants, required=_("List who took part."))
    conclusions = _text(
        errors, "conclusions", conclusions, required=_("Write the conclusions of the meeting.")
    )
    if chair is not None and not chair.is_active:
        errors["chair"] = _("The chair must be an active member of staff.")
    if errors:
        raise ValidationError(errors)
    also = {"held_on": held_on, "participants": participants, "conclusions": conclusions}
    if chair is not None:
        also["chair"] = chair
    return transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.HELD,
        actor=actor,
        action=gettext_lazy("Meeting of %(date)s recorded"),
        params={"date": held_on.isoformat()},
        also=also,
    )


@transaction.atomic
def decision_add(
    *,
    review: ManagementReview,
    actor,
    kind: str,
    text: str,
    owner,
    due_on: datetime.date,
    today: datetime.date | None = None,
) -> ReviewDecision:
    """A decision of the meeting, of a §4.6.3 kind, with its owner and due date. It binds its
    owner once the order is signed."""
    _require_manager(actor)
    review = _lock(review)
    if review.status != S.HELD:
        raise ValidationError(
            _("Decisions are added after the meeting is recorded and before the order is signed.")
        )
    today = today or timezone.localdate()
    errors = {}
    if kind not in ReviewDecision.Kind.values:
        errors["kind"] = _("Choose what the decision is about.")
    text = _text(errors, "text", text, required=_("Write the decision."))
    if owner is None or not owner.is_active:
        errors["owner"] = _("The decision's owner must be an active member of staff.")
    if due_on is None:
        errors["due_on"] = _("Give a due date.")
    elif due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    decision = ReviewDecision.objects.create(review=review, kind=kind, text=text, created_by=actor)
    action = _action_for(decision, owner=owner, due_on=due_on, actor=actor, today=today)
    event_record(
        obj=review,
        action=gettext_lazy("Decision %(number)s added for %(owner)s, due %(due)s"),
        actor=actor,
        params={"number": action.number, "owner": owner, "due": due_on.isoformat()},
        comment=text[:500],
    )
    return decision


def _action_for(decision: ReviewDecision, *, owner, due_on, actor, today, **extra) -> Action:
    year = today.year
    return Action.objects.create(
        number=f"ACT-{year}-{sequence_next(f'action-{year}'):04d}",
        decision=decision,
        description=decision.text,
        owner=owner,
        due_on=due_on,
        created_by=actor,
        **extra,
    )


# --- The order -------------------------------------------------------------------------------


def default_order_text(review: ManagementReview) -> str:
    return _(
        "On the results of the management review of the internal quality assurance system for "
        "%(start)s – %(end)s (§4.6 of the quality manual), I order the decisions below to be "
        "carried out by their owners by the dates given, and the IQAS owner to monitor them."
    ) % {
        "start": date_format(review.period_start, "DATE_FORMAT"),
        "end": date_format(review.period_end, "DATE_FORMAT"),
    }


@transaction.atomic
def order_submit(
    *, review: ManagementReview, actor, order_number: str = "", order_text: str = ""
) -> ManagementReview:
    """The IQAS owner sends the order, with the conclusions and the decisions, to the Director
    General for signature."""
    _require_manager(actor)
    review = _lock(review)
    if review.status != S.HELD:
        raise ValidationError(_("Only a held review's order goes for signature."))
    errors = {}
    order_number = (order_number or "").strip()
    if len(order_number) > 40:
        errors["order_number"] = _("Keep the order number under 40 characters.")
    order_text = _text(errors, "order_text", order_text) or default_order_text(review)
    if not review.conclusions.strip():
        errors["order_text"] = _("Record the meeting's conclusions first.")
    if not open_decisions(review).exists():
        errors["order_text"] = _("Add at least one decision: the order is made of them.")
    if errors:
        raise ValidationError(errors)
    order_number = order_number or f"ORD-{review.number}"
    review = transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.SIGNATURE,
        actor=actor,
        action=gettext_lazy("Order %(number)s submitted for signature"),
        params={"number": order_number},
        also={"order_number": order_number, "order_text": order_text, "order_submitted_at": timezone.now()},
    )
    notification_send(
        recipients=signers(),
        subject=gettext_lazy("Management review order %(number)s is waiting for your signature"),
        params={"number": review.order_number},
        url=review.get_absolute_url(),
    )
    return review


@transaction.atomic
def order_return(*, review: ManagementReview, actor, reason: str) -> ManagementReview:
    """The Director General sends the order back to the IQAS owner, saying why."""
    require_perm(actor, SIGN, _("Only the Director General signs or returns the review order."))
    review = _lock(review)
    if review.status != S.SIGNATURE:
        raise ValidationError(_("The order is not waiting for signature."))
    errors = {}
    reason = _text(errors, "reason", reason, required=_("Say what must change."))
    if errors:
        raise ValidationError(errors)
    review = transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.HELD,
        actor=actor,
        action=gettext_lazy("Order returned for changes"),
        comment=reason,
        also={"order_submitted_at": None},
    )
    notification_send(
        recipients=managers(),
        subject=gettext_lazy("Management review order %(number)s is returned"),
        params={"number": review.order_number},
        body=reason,
        url=review.get_absolute_url(),
    )
    return review


@transaction.atomic
def order_sign(*, review: ManagementReview, actor, password: str) -> ManagementReview:
    """The Director General signs the order with the password again; the SHA-256 of what was
    signed is kept, the order PDF stored, and each decision's owner told: the decisions are in
    force from now."""
    require_perm(actor, SIGN, _("Only the Director General signs the management review order."))
    review = _lock(review)
    if review.status != S.SIGNATURE:
        raise ValidationError(_("The order is not waiting for signature."))
    password_confirm(actor, password)
    REVIEW_WORKFLOW.check(review, S.SIGNED, actor)
    signed = {
        "order_signed_by": actor,
        "order_signed_at": timezone.now(),
        "order_signer_name": signer_name(actor)[:300],
        "order_sha256": hashlib.sha256(order_content(review).encode()).hexdigest(),
    }
    for name, value in signed.items():  # the PDF shows who signed, when, and the status signed
        setattr(review, name, value)
    content = order_pdf(review)
    signed["order_file_sha256"] = hashlib.sha256(content).hexdigest()
    review.order_file.save(f"{review.order_number}.pdf", ContentFile(content), save=False)
    signed["order_file"] = review.order_file.name
    review = transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.SIGNED,
        actor=actor,
        action=gettext_lazy("Order %(number)s signed"),
        params={"number": review.order_number},
        comment=f"SHA-256 {signed['order_sha256']}",
        reason=gettext_lazy("Order %(number)s signed"),
        also=signed,
    )
    for decision in review.decisions.select_related("action", "action__owner"):
        action = decision.action
        if action.status != Action.Status.OPEN:
            continue
        notification_send(
            recipients=[action.owner],
            subject=gettext_lazy("Review decision %(number)s is yours, due %(due)s"),
            params={"number": action.number, "due": action.due_on.isoformat()},
            body=decision.text,
            url=decision.get_absolute_url(),
        )
    return review


# --- Closing ---------------------------------------------------------------------------------


@transaction.atomic
def review_close(
    *, review: ManagementReview, actor, carry_over: bool = False, today: datetime.date | None = None
) -> ManagementReview:
    """The IQAS owner closes a review whose decisions are all done (or cancelled). With
    ``carry_over`` the open ones move to the next review, each a new decision there with the
    same owner and due date, so nothing is lost."""
    _require_manager(actor)
    review = _lock(review)
    if review.status != S.SIGNED:
        raise ValidationError(_("Only a review whose order is signed is closed."))
    today = today or timezone.localdate()
    still_open = list(open_decisions(review).select_related("action", "action__owner"))
    if still_open and not carry_over:
        raise ValidationError(
            _("%(count)s decision(s) are still open: have them done, or carry them over to the next review.")
            % {"count": len(still_open)}
        )
    target = None
    if still_open:
        target = next_of(review)
        if target is None:
            raise ValidationError(
                _("Plan the next management review first: open decisions are carried over to it.")
            )
        target = _lock(target)
        for decision in still_open:
            _carry(decision, target, actor=actor, today=today)
    return transition_perform(
        obj=review,
        workflow=REVIEW_WORKFLOW,
        target=S.CLOSED,
        actor=actor,
        action=gettext_lazy("Review closed")
        if target is None
        else gettext_lazy("Closed; %(count)s open decisions carried over to %(next)s"),
        params={"count": len(still_open), "next": target.number if target else ""},
        also={"closed_at": timezone.now()},
    )


def _carry(decision: ReviewDecision, target: ManagementReview, *, actor, today) -> ReviewDecision:
    old = Action.objects.select_for_update().get(pk=decision.action.pk)
    carried = ReviewDecision.objects.create(
        review=target, kind=decision.kind, text=decision.text, carried_from=decision, created_by=actor
    )
    new = _action_for(
        carried,
        owner=old.owner,
        due_on=old.due_on,
        actor=actor,
        today=today,
        reminded_on=old.reminded_on,
        escalated_on=old.escalated_on,
    )
    transition_perform(
        obj=old,
        workflow=ACTION_WORKFLOW,
        target=Action.Status.CANCELLED,
        actor=actor,
        comment=f"Carried over to {target.number} as {new.number}",
    )
    event_record(
        obj=target,
        action=gettext_lazy("Decision %(old)s of %(review)s carried over as %(number)s"),
        actor=actor,
        params={"old": old.number, "review": decision.review.number, "number": new.number},
        comment=decision.text[:500],
    )
    return carried


# --- Tasks and reminders ---------------------------------------------------------------------


def reviews_remind(today: datetime.date | None = None) -> int:
    """Tell the IQAS owner, once, that a planned review is a month away (or less) and its
    input pack not assembled. A second run the same day sends nothing."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    sent = 0
    due = ManagementReview.objects.filter(status=S.PLANNED, planned_on__lte=soon, reminded_on__isnull=True)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            review = (
                ManagementReview.objects.select_for_update()
                .filter(pk=pk, status=S.PLANNED, reminded_on__isnull=True)
                .first()
            )
            if review is None:
                continue
            notification_send(
                recipients=managers(),
                subject=gettext_lazy("Management review %(number)s is planned for %(date)s"),
                params={"number": review.number, "date": review.planned_on.isoformat()},
                body=gettext_lazy("Assemble its input pack and send it to the participants."),
                url=review.get_absolute_url(),
            )
            review.reminded_on = today
            review._change_reason = "IQAS owner reminded"
            review.save(update_fields=["reminded_on"])
            sent += 1
    return sent
