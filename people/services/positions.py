"""Positions, their holders, hiring and probation, and the yearly appraisal (§4.5.1, §5.2.1).
Every refusal is a ValidationError with a clear message (or PermissionDenied), raised before
anything is saved."""

import datetime
import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_date, stored_label, stored_ref
from core.permissions import password_confirm, require_perm, signer_name
from core.services import notification_send
from core.workflow import event_record
from documents.models import Document

from ..models import Appraisal, AppraisalSignature, Hiring, Position, PositionHolding
from ..selectors.positions import MANAGE_STAFF, is_head_of


def _require_keeper(actor) -> None:
    require_perm(actor, MANAGE_STAFF, _("Only those who keep the staff records do this."))


def _saved(obj, actor):
    obj._history_user = actor
    obj.save()
    return obj


@transaction.atomic
def position_create(
    *,
    actor,
    code: str,
    title: str,
    title_ru: str = "",
    title_kk: str = "",
    title_ky: str = "",
    department=None,
    reports_to: Position | None = None,
    job_description: Document | None = None,
) -> Position:
    _require_keeper(actor)
    if not (title or "").strip() or not (code or "").strip():
        raise ValidationError(_("Give the position's title and code."))
    if Position.objects.filter(code=code).exists():
        raise ValidationError(_("A position with this code exists already."))
    if job_description is not None and job_description.doc_type != Document.Type.JOB_DESCRIPTION:
        raise ValidationError(_("Choose a controlled document of the type “job description”."))
    position = Position(
        code=code.strip(),
        title=title.strip(),
        title_ru=title_ru.strip(),
        title_kk=title_kk.strip(),
        title_ky=title_ky.strip(),
        department=department,
        reports_to=reports_to,
        job_description=job_description,
    )
    return _saved(position, actor)


@transaction.atomic
def holder_appoint(
    *, actor, position: Position, person, since: datetime.date, grounds: str = ""
) -> PositionHolding:
    """A person takes up a position from a date; the position's history of holders keeps it."""
    _require_keeper(actor)
    if not person.is_active:
        raise ValidationError(_("%(person)s's account is inactive.") % {"person": person})
    if PositionHolding.objects.filter(position=position, person=person, until__isnull=True).exists():
        raise ValidationError(
            _("%(person)s already holds the position “%(position)s”.")
            % {"person": person, "position": position}
        )
    holding = _saved(
        PositionHolding(position=position, person=person, since=since, grounds=grounds.strip()), actor
    )
    event_record(
        obj=person,
        action=gettext_lazy("Took up the position “%(position)s” on %(date)s"),
        actor=actor,
        params={"position": stored_ref(position, "localized_title"), "date": stored_date(since)},
    )
    return holding


@transaction.atomic
def holder_release(
    *, actor, holding: PositionHolding, until: datetime.date, grounds: str = ""
) -> PositionHolding:
    _require_keeper(actor)
    holding = PositionHolding.objects.select_for_update().get(pk=holding.pk)
    if holding.until is not None:
        raise ValidationError(_("This person no longer holds the position."))
    if until < holding.since:
        raise ValidationError(_("A person leaves a position after taking it up; nothing was saved."))
    holding.until = until
    if grounds:
        holding.grounds = f"{holding.grounds}; {grounds}".strip("; ")
    return _saved(holding, actor)


@transaction.atomic
def hiring_record(
    *,
    actor,
    person,
    position: Position,
    hired_on: datetime.date,
    probation_until: datetime.date,
    selection_note: str = "",
) -> Hiring:
    """A new employee: hired to a position, on probation until a date."""
    _require_keeper(actor)
    if probation_until < hired_on:
        raise ValidationError(_("The probation ends after the hiring date; nothing was saved."))
    hiring = _saved(
        Hiring(
            person=person,
            position=position,
            hired_on=hired_on,
            probation_until=probation_until,
            selection_note=selection_note.strip(),
            recorded_by=actor,
        ),
        actor,
    )
    if not PositionHolding.objects.filter(position=position, person=person, until__isnull=True).exists():
        holder_appoint(actor=actor, position=position, person=person, since=hired_on, grounds=_("Hiring"))
    return hiring


@transaction.atomic
def probation_decide(
    *, actor, hiring: Hiring, decision: str, note: str, extended_until: datetime.date | None = None
) -> Hiring:
    """The head (or the keeper of the staff) decides the probation: confirmed, extended, not passed."""
    hiring = Hiring.objects.select_for_update().get(pk=hiring.pk)
    if not (actor.has_perm(MANAGE_STAFF) or is_head_of(actor, hiring.person)):
        raise PermissionDenied(_("Only the person's head decides their probation."))
    if hiring.decision not in (Hiring.Decision.PENDING, Hiring.Decision.EXTENDED):
        raise ValidationError(_("The probation is decided already."))
    if decision not in Hiring.Decision.values or decision == Hiring.Decision.PENDING:
        raise ValidationError(_("Choose the decision on the probation."))
    if not (note or "").strip():
        raise ValidationError(_("Give the grounds of the decision; nothing was saved."))
    if decision == Hiring.Decision.EXTENDED:
        if extended_until is None or extended_until <= hiring.probation_until:
            raise ValidationError(_("An extended probation ends later than it did; give the new date."))
        hiring.probation_until = extended_until
    hiring.decision = decision
    hiring.decision_note = note.strip()
    hiring.decided_by = actor
    hiring.decided_at = timezone.now()
    _saved(hiring, actor)
    event_record(
        obj=hiring.person,
        action=gettext_lazy("Probation decided: %(decision)s"),
        actor=actor,
        params={"decision": stored_label(Hiring.Decision, decision)},
        comment=note.strip(),
    )
    return hiring


@transaction.atomic
def appraisal_open(*, actor, person, year: int, goals: str) -> Appraisal:
    """The head sets the year's goals of a person's appraisal; they sign its result later."""
    if not (is_head_of(actor, person) or actor.has_perm(MANAGE_STAFF)):
        raise PermissionDenied(_("Only the person's head sets the goals of their appraisal."))
    if actor.pk == person.pk:
        raise ValidationError(_("No one appraises themselves."))
    if not (goals or "").strip():
        raise ValidationError(_("Set the goals of the year; nothing was saved."))
    if Appraisal.objects.filter(person=person, year=year).exists():
        raise ValidationError(
            _("%(person)s has an appraisal for %(year)s already.") % {"person": person, "year": year}
        )
    try:
        with transaction.atomic():
            appraisal = _saved(Appraisal(person=person, year=year, head=actor, goals=goals.strip()), actor)
    except IntegrityError as exc:
        raise ValidationError(_("This appraisal exists already.")) from exc
    notification_send(
        recipients=[person],
        subject=gettext_lazy("Your goals for %(year)s are set"),
        params={"year": year},
        url=appraisal.get_absolute_url(),
    )
    return appraisal


def appraisal_sha256(appraisal: Appraisal) -> str:
    content = [appraisal.person_id, appraisal.year, appraisal.goals, appraisal.result, appraisal.assessment]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


@transaction.atomic
def appraisal_sign(*, actor, appraisal: Appraisal, result: str, assessment: str, password: str) -> Appraisal:
    """The head signs the year's result (password typed again); a signed result is not changed."""
    appraisal = Appraisal.objects.select_for_update().get(pk=appraisal.pk)
    if appraisal.head_id != actor.pk:
        raise PermissionDenied(_("Only the head who set the goals signs the appraisal's result."))
    if appraisal.status == Appraisal.Status.SIGNED:
        raise ValidationError(_("The result is signed already; it is not changed."))
    if result not in Appraisal.Result.values:
        raise ValidationError(_("Choose the result of the appraisal."))
    if not (assessment or "").strip():
        raise ValidationError(_("Describe how the goals were met; nothing was signed."))
    password_confirm(actor, password)
    appraisal.result = result
    appraisal.assessment = assessment.strip()
    appraisal.status = Appraisal.Status.SIGNED
    appraisal.signed_at = timezone.now()
    _saved(appraisal, actor)
    AppraisalSignature.objects.create(
        appraisal=appraisal,
        signer=actor,
        signer_name=signer_name(actor),
        content_sha256=appraisal_sha256(appraisal),
    )
    event_record(
        obj=appraisal.person,
        action=gettext_lazy("Appraisal of %(year)s signed: %(result)s"),
        actor=actor,
        params={"year": appraisal.year, "result": stored_label(Appraisal.Result, result)},
    )
    notification_send(
        recipients=[appraisal.person],
        subject=gettext_lazy("The result of your appraisal for %(year)s is signed"),
        params={"year": appraisal.year},
        url=appraisal.get_absolute_url(),
    )
    return appraisal
