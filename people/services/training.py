"""Training of staff and experts (§5.2.2): the yearly plan and its trainings, attendance,
certificates with their expiry and the re-training reminder, the head's effectiveness check
(an ineffective training raises a new need), and what the expert pool learns from the experts'
seminars: an expert whose training expired is flagged when seated and holds up the approval.
Every refusal is a ValidationError with a clear message (or PermissionDenied), raised before
anything is saved."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.models import stored_date, stored_ref
from core.permissions import people_with_perm, require_perm
from core.services import notification_send
from core.workflow import event_record

from ..models import Attendance, Certificate, EffectivenessCheck, Training, TrainingNeed, TrainingPlan
from ..selectors.positions import is_head_of
from ..selectors.training import (
    MANAGE_TRAINING,
    expert_certificates_ever,
    expiring_certificates,
    valid_expert_certificates,
)

REMIND_DAYS = getattr(settings, "IAAR_RETRAINING_REMIND_DAYS", 60)


def _require_keeper(actor) -> None:
    require_perm(actor, MANAGE_TRAINING, _("Only those who keep the training plan do this."))


def _saved(obj, actor):
    obj._history_user = actor
    obj.save()
    return obj


@transaction.atomic
def plan_create(*, actor, year: int) -> TrainingPlan:
    _require_keeper(actor)
    if not 2000 <= (year or 0) <= 2100:
        raise ValidationError(_("Give the plan's year."))
    if TrainingPlan.objects.filter(year=year).exists():
        raise ValidationError(_("The training plan for %(year)s exists already.") % {"year": year})
    plan = _saved(TrainingPlan(year=year, created_by=actor), actor)
    event_record(obj=plan, action=gettext_lazy("Training plan drawn up"), actor=actor)
    return plan


@transaction.atomic
def training_add(
    *,
    actor,
    plan: TrainingPlan,
    title: str,
    kind: str,
    audience: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    trainer: str,
    check_after_days: int = 90,
    title_ru: str = "",
    title_kk: str = "",
    title_ky: str = "",
    need: TrainingNeed | None = None,
) -> Training:
    _require_keeper(actor)
    if not (title or "").strip() or not (trainer or "").strip():
        raise ValidationError(_("Give the training's title and its trainer."))
    if kind not in Training.Kind.values or audience not in Training.Audience.values:
        raise ValidationError(_("Choose the kind of training and whom it is for."))
    if ends_on < starts_on:
        raise ValidationError(_("A training ends on or after the day it starts; nothing was saved."))
    if starts_on.year != plan.year:
        raise ValidationError(
            _("The training must start in the plan's year, %(year)s.") % {"year": plan.year}
        )
    training = _saved(
        Training(
            plan=plan,
            title=title.strip(),
            title_ru=title_ru.strip(),
            title_kk=title_kk.strip(),
            title_ky=title_ky.strip(),
            kind=kind,
            audience=audience,
            starts_on=starts_on,
            ends_on=ends_on,
            trainer=trainer.strip(),
            check_after_days=check_after_days,
            need=need,
        ),
        actor,
    )
    if need is not None and need.status == TrainingNeed.Status.OPEN:
        need.status = TrainingNeed.Status.PLANNED
        _saved(need, actor)
    return training


@transaction.atomic
def attendance_record(*, actor, training: Training, person, attended: bool = True) -> Attendance:
    _require_keeper(actor)
    if training.audience == Training.Audience.EXPERTS and not hasattr(person, "expert_profile"):
        raise ValidationError(_("%(person)s is not in the expert pool.") % {"person": person})
    try:
        with transaction.atomic():
            attendance = _saved(
                Attendance(training=training, person=person, attended=attended, recorded_by=actor), actor
            )
    except IntegrityError as exc:
        raise ValidationError(_("%(person)s is on the list already.") % {"person": person}) from exc
    return attendance


@transaction.atomic
def certificate_add(
    *,
    actor,
    attendance: Attendance,
    upload,
    issued_on: datetime.date | None,
    expires_on: datetime.date | None = None,
    number: str = "",
) -> Certificate:
    """A certificate of a training attended: its file, issue date and (optional) expiry."""
    _require_keeper(actor)
    if not attendance.attended:
        raise ValidationError(_("%(person)s did not attend; no certificate.") % {"person": attendance.person})
    if issued_on is None:
        raise ValidationError(_("Give the date the certificate was issued."))
    if expires_on is not None and expires_on <= issued_on:
        raise ValidationError(
            _(
                "The certificate cannot expire (%(expires)s) before it was issued (%(issued)s); nothing was saved."
            )
            % {
                "expires": date_format(expires_on, "SHORT_DATE_FORMAT"),
                "issued": date_format(issued_on, "SHORT_DATE_FORMAT"),
            }
        )
    if issued_on < attendance.training.starts_on:
        raise ValidationError(_("A certificate is issued once the training has started; nothing was saved."))
    if upload is None:
        raise ValidationError(_("Attach the certificate's file."))
    check_upload(upload)
    certificate = Certificate(
        attendance=attendance,
        number=(number or "").strip(),
        file_name=upload.name,
        issued_on=issued_on,
        expires_on=expires_on,
        recorded_by=actor,
    )
    certificate.file.save(upload.name, upload, save=False)
    _saved(certificate, actor)
    event_record(
        obj=attendance.training,
        action=gettext_lazy("Certificate of %(person)s recorded"),
        actor=actor,
        params={"person": str(attendance.person)},
    )
    return certificate


@transaction.atomic
def effectiveness_check(
    *, actor, attendance: Attendance, effective: bool, evidence: str, today=None
) -> EffectivenessCheck:
    """The person's head checks, after the set period, that the training worked; an ineffective
    training raises a new training need. The trainee never marks their own."""
    today = today or timezone.localdate()
    attendance = (
        Attendance.objects.select_for_update().select_related("training", "person").get(pk=attendance.pk)
    )
    if attendance.person_id == actor.pk:
        raise PermissionDenied(
            _(
                "A trainee does not mark their own training effective; their head checks it. Nothing was saved."
            )
        )
    if not is_head_of(actor, attendance.person):
        raise PermissionDenied(
            _("Only the head of %(person)s checks their training.") % {"person": attendance.person}
        )
    if not attendance.attended:
        raise ValidationError(_("%(person)s did not attend this training.") % {"person": attendance.person})
    if EffectivenessCheck.objects.filter(attendance=attendance).exists():
        raise ValidationError(_("The effectiveness of this training is checked already."))
    due = attendance.training.check_due_on
    if today < due:
        raise ValidationError(
            _("The effectiveness is checked after the set period, from %(date)s; nothing was saved.")
            % {"date": date_format(due, "SHORT_DATE_FORMAT")}
        )
    if not (evidence or "").strip():
        raise ValidationError(_("Give the evidence of the check; nothing was saved."))
    check = _saved(
        EffectivenessCheck(
            attendance=attendance, effective=effective, evidence=evidence.strip(), checked_by=actor
        ),
        actor,
    )
    params = {
        "person": str(attendance.person),
        "training": stored_ref(attendance.training, "localized_title"),
    }
    if effective:
        event_record(
            obj=attendance.training,
            action=gettext_lazy("Training of %(person)s checked: effective"),
            actor=actor,
            params=params,
            comment=check.evidence,
        )
        return check
    _saved(
        TrainingNeed(person=attendance.person, topic=attendance.training.title, raised_by_check=check), actor
    )
    event_record(
        obj=attendance.training,
        action=gettext_lazy("Training of %(person)s checked: not effective; a new training need is raised"),
        actor=actor,
        params=params,
        comment=check.evidence,
    )
    notification_send(
        recipients=list(people_with_perm(MANAGE_TRAINING)),
        subject=gettext_lazy("A new training need of %(person)s: “%(training)s” was not effective"),
        params=params,
        url=attendance.training.get_absolute_url(),
    )
    return check


def retraining_remind(today: datetime.date | None = None) -> int:
    """Tell each holder (and the keepers of training) of a certificate expiring within the
    reminder period that re-training is due, once per certificate."""
    today = today or timezone.localdate()
    sent = 0
    keepers = list(people_with_perm(MANAGE_TRAINING))
    for pk in expiring_certificates(today, REMIND_DAYS).values_list("pk", flat=True):
        with transaction.atomic():
            certificate = (
                Certificate.objects.select_for_update(of=("self",))
                .select_related("attendance__person", "attendance__training")
                .filter(pk=pk, reminded_at__isnull=True)
                .first()
            )
            if certificate is None:
                continue
            person = certificate.attendance.person
            notification_send(
                recipients=[person, *(k for k in keepers if k.pk != person.pk)],
                subject=gettext_lazy(
                    "Re-training due: the certificate of %(person)s for “%(training)s” expires on %(date)s"
                ),
                params={
                    "person": str(person),
                    "training": stored_ref(certificate.attendance.training, "localized_title"),
                    "date": stored_date(certificate.expires_on),
                },
                url=certificate.attendance.training.get_absolute_url(),
            )
            certificate.reminded_at = timezone.now()
            certificate.save(update_fields=["reminded_at"])
            sent += 1
    return sent


# --- The expert pool (accreditation.seating) ---------------------------------------------------


def _expired(experts, today: datetime.date) -> dict[int, datetime.date]:
    """The experts among ``experts`` whose seminar training expired: expert pk → expiry."""
    by_user = {e.user_id: e for e in experts}
    valid = valid_expert_certificates(by_user, today)
    expired = {}
    for user_id, expires in expert_certificates_ever(by_user).items():
        if user_id not in valid and expires is not None:
            expired[by_user[user_id].pk] = expires
    return expired


def expert_training_warnings(experts) -> dict[int, list[str]]:
    today = timezone.localdate()
    return {
        pk: [_("The training expired on %(date)s.") % {"date": date_format(expires, "SHORT_DATE_FORMAT")}]
        for pk, expires in _expired(experts, today).items()
    }


def commission_training_refusals(experts) -> list[str]:
    today = timezone.localdate()
    names = {e.pk: str(e) for e in experts}
    return [
        _("%(name)s's training expired on %(date)s: they cannot sit on the commission until re-trained.")
        % {"name": names[pk], "date": date_format(expires, "SHORT_DATE_FORMAT")}
        for pk, expires in _expired(experts, today).items()
    ]
