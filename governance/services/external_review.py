"""The agency's own external review (§7.1, ESG 3.7): memberships and registrations, each review
by an external body with its panel, visit, report, recommendations and follow-up, and the
reminders before a follow-up report and the next review are due."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.models import stored_date, stored_label
from core.permissions import people_with_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..external_review_workflow import KEEP, RECOMMENDATION_WORKFLOW, REVIEW_WORKFLOW
from ..models import AgencyReview, Panelist, Registration, ReviewRecommendation
from ..models.external_review import REVIEW_CYCLE_YEARS, ExternalBody

R = AgencyReview.Status
RS = ReviewRecommendation.Status
# Reminders: the follow-up report two months ahead, the next review (its self-assessment takes
# a year to write) a year ahead.
FOLLOW_UP_NOTICE_DAYS = 60
NEXT_REVIEW_NOTICE_DAYS = 365


def _require_keeper(actor) -> None:
    if not actor.has_perm(KEEP):
        raise PermissionDenied(_("Only the IQAS owner keeps the agency's external reviews."))


def _stamp(obj, actor) -> None:
    obj._history_user = actor


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def registration_save(*, actor, registration: Registration | None = None, **fields) -> Registration:
    """Record a membership, registration or recognition, or correct one (history keeps both)."""
    _require_keeper(actor)
    if fields.get("valid_until") and fields["valid_until"] < fields["valid_from"]:
        raise ValidationError(_("The term cannot end before it starts."))
    if fields.get("body") == ExternalBody.NATIONAL and not fields.get("country"):
        raise ValidationError(_("Name the country of the national recognition."))
    registration = registration or Registration(created_by=actor)
    for name, value in fields.items():
        setattr(registration, name, value)
    _stamp(registration, actor)
    registration.save()
    return registration


@transaction.atomic
def review_create(*, actor, body: str, title: str, self_assessment=None) -> AgencyReview:
    _require_keeper(actor)
    review = AgencyReview(body=body, title=title.strip(), self_assessment=self_assessment, created_by=actor)
    _stamp(review, actor)
    review.save()
    event_record(
        obj=review, action=gettext_lazy("External review opened"), actor=actor, to_state=review.status
    )
    return review


def _store(field, upload) -> None:
    check_upload(upload)
    field.save(upload.name, upload, save=False)


@transaction.atomic
def review_update(
    *, review: AgencyReview, actor, report_upload=None, follow_up_upload=None, **fields
) -> AgencyReview:
    """The review's facts as they become known: the self-assessment, the visit dates, the panel's
    report, the body's decision and the follow-up. A new due date asks for a new reminder."""
    _require_keeper(actor)
    review = AgencyReview.objects.select_for_update().get(pk=review.pk)
    if review.status == R.CLOSED:
        raise ValidationError(_("The review is closed: its record is fixed."))
    start, end = fields.get("visit_from"), fields.get("visit_until")
    if start and end and end < start:
        raise ValidationError(_("The visit cannot end before it starts."))
    if fields.get("decided_on") and not fields.get("next_review_due"):
        # ESG 3.7: the next review at least every five years.
        fields["next_review_due"] = add_years(fields["decided_on"], REVIEW_CYCLE_YEARS)
    if fields.get("follow_up_due") != review.follow_up_due:
        review.follow_up_reminded_on = None
    if fields.get("next_review_due") != review.next_review_due:
        review.next_review_reminded_on = None
    for name, value in fields.items():
        setattr(review, name, value)
    if report_upload is not None:
        _store(review.report_file, report_upload)
        review.report_name = report_upload.name[:255]
    if follow_up_upload is not None:
        _store(review.follow_up_file, follow_up_upload)
        review.follow_up_name = follow_up_upload.name[:255]
        review.follow_up_sent_on = review.follow_up_sent_on or timezone.localdate()
    _stamp(review, actor)
    review.save()
    return review


# What each move needs first.
_NEEDS = {
    R.VISIT: (
        lambda r: r.self_assessment_id and r.visit_from,
        gettext_lazy("Link the self-assessment report and set the visit dates first."),
    ),
    R.REPORT: (
        lambda r: bool(r.report_file),
        gettext_lazy("Upload the panel's report first."),
    ),
    R.FOLLOW_UP: (
        lambda r: r.recommendations.exists() and r.follow_up_due,
        gettext_lazy("Record the recommendations and the follow-up report's due date first."),
    ),
    R.CLOSED: (
        lambda r: bool(r.follow_up_file),
        gettext_lazy("Upload the follow-up report first."),
    ),
}


@transaction.atomic
def review_advance(*, review: AgencyReview, actor, target: str) -> AgencyReview:
    review = AgencyReview.objects.select_for_update().get(pk=review.pk)
    REVIEW_WORKFLOW.check(review, target, actor)
    ready, refusal = _NEEDS[target]
    if not ready(review):
        raise ValidationError(str(refusal))
    return transition_perform(obj=review, workflow=REVIEW_WORKFLOW, target=target, actor=actor)


@transaction.atomic
def panelist_add(*, review: AgencyReview, actor, name: str, role: str, affiliation: str = "") -> Panelist:
    _require_keeper(actor)
    if not name.strip():
        raise ValidationError(_("Give the panel member's name."))
    panelist = Panelist(review=review, name=name.strip(), role=role, affiliation=affiliation.strip())
    _stamp(panelist, actor)
    panelist.save()
    return panelist


@transaction.atomic
def recommendation_add(
    *,
    review: AgencyReview,
    actor,
    text: str,
    owner,
    due_on: datetime.date,
    standard: str = "",
    action: str = "",
) -> ReviewRecommendation:
    """A recommendation of the panel becomes an action with an owner and a due date."""
    _require_keeper(actor)
    review = AgencyReview.objects.select_for_update().get(pk=review.pk)
    if review.status == R.CLOSED:
        raise ValidationError(_("The review is closed: its record is fixed."))
    if not text.strip():
        raise ValidationError(_("Write the panel's recommendation."))
    if owner is None or not owner.has_perm("governance.view_agencyreview"):
        raise ValidationError(_("Choose an owner from the agency's staff."))
    if due_on is None:
        raise ValidationError(_("Set the due date of the action."))
    number = (review.recommendations.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    recommendation = ReviewRecommendation(
        review=review,
        number=number,
        standard=standard.strip(),
        text=text.strip(),
        action=action.strip(),
        owner=owner,
        due_on=due_on,
    )
    _stamp(recommendation, actor)
    recommendation.save()
    if owner != actor:
        notification_send(
            recipients=[owner],
            subject=gettext_lazy(
                "An action on recommendation %(number)s of %(review)s is yours, due %(date)s"
            ),
            params={"number": number, "review": review.title, "date": stored_date(due_on)},
            url=recommendation.get_absolute_url(),
        )
    return recommendation


@transaction.atomic
def recommendation_update(
    *, recommendation: ReviewRecommendation, actor, target: str, evidence: str = "", upload=None
) -> ReviewRecommendation:
    """The owner's progress on the action; done only with its evidence (a text or a file)."""
    recommendation = ReviewRecommendation.objects.select_for_update().get(pk=recommendation.pk)
    RECOMMENDATION_WORKFLOW.check(recommendation, target, actor)
    evidence = evidence.strip()
    if target == RS.DONE and not (evidence or upload or recommendation.evidence_file):
        raise ValidationError(_("Describe or attach the evidence that the action is done."))
    if target == RS.NOT_ACCEPTED and not evidence:
        raise ValidationError(_("Say why the recommendation is not taken up."))
    also = {"evidence": evidence or recommendation.evidence}
    if upload is not None:
        _store(recommendation.evidence_file, upload)
        also |= {"evidence_file": recommendation.evidence_file.name, "evidence_name": upload.name[:255]}
    if target in (RS.DONE, RS.NOT_ACCEPTED):
        also["closed_at"] = timezone.now()
    return transition_perform(
        obj=recommendation,
        workflow=RECOMMENDATION_WORKFLOW,
        target=target,
        actor=actor,
        comment=evidence,
        also=also,
    )


def reminders_send(today: datetime.date | None = None) -> int:
    """Remind the IQAS owners once before a follow-up report and before the next review is due."""
    today = today or timezone.localdate()
    keepers = list(people_with_perm(KEEP))
    sent = 0
    with transaction.atomic():
        due_follow_up = AgencyReview.objects.select_for_update().filter(
            follow_up_due__isnull=False,
            follow_up_due__lte=today + datetime.timedelta(days=FOLLOW_UP_NOTICE_DAYS),
            follow_up_reminded_on__isnull=True,
            follow_up_file="",
        )
        for review in due_follow_up:
            notification_send(
                recipients=keepers,
                subject=gettext_lazy("The follow-up report of %(review)s is due on %(date)s"),
                params={"review": review.title, "date": stored_date(review.follow_up_due)},
                url=review.get_absolute_url(),
            )
            review.follow_up_reminded_on = today
            review.save(update_fields=["follow_up_reminded_on"])
            sent += 1
        # Only the latest review of each body sets when the next one is due.
        latest = {}
        for review in AgencyReview.objects.filter(next_review_due__isnull=False).order_by("decided_on", "pk"):
            latest[review.body] = review.pk
        due_next = AgencyReview.objects.select_for_update().filter(
            pk__in=latest.values(),
            next_review_due__lte=today + datetime.timedelta(days=NEXT_REVIEW_NOTICE_DAYS),
            next_review_reminded_on__isnull=True,
        )
        for review in due_next:
            notification_send(
                recipients=keepers,
                subject=gettext_lazy("The next %(body)s review of the agency is due by %(date)s"),
                params={
                    "body": stored_label(ExternalBody, review.body),
                    "date": stored_date(review.next_review_due),
                },
                url=review.get_absolute_url(),
            )
            review.next_review_reminded_on = today
            review.save(update_fields=["next_review_reminded_on"])
            sent += 1
    return sent
