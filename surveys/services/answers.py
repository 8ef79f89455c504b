"""Answering a survey through a personal invitation or a campaign's public link.

Everything a respondent sends is checked before anything is saved: a token that opens nothing,
a campaign not open, an invitation answered already, a number off the scale, a choice that is
not offered, a question that is not part of this version, a required answer missing, a text too
long. One refusal and nothing is written. An anonymous survey's response keeps no trace of who
gave it: no invitation, no person, only the day.
"""

from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Answer, Campaign, Invitation, Question, Response
from ..summaries import response_tallied

# Codes of refusals about the link itself (the page says so instead of showing the form).
UNKNOWN = "unknown"
NOT_OPEN = "not_open"
CLOSED = "closed"
ANSWERED = "answered"
LINK_REFUSALS = (UNKNOWN, NOT_OPEN, CLOSED, ANSWERED)


def token_target(token: str, *, lock: bool = False) -> tuple[Campaign | None, Invitation | None]:
    """What a link's token opens, whatever its state: a personal invitation (and its campaign)
    or a campaign's public link; (None, None) for a token that opens nothing."""
    token = (token or "").strip()
    if not token or len(token) > 64:
        return None, None
    invitations = Invitation.objects.select_related(
        "campaign__version__survey", "person", "about_expert__user"
    )
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token=token).first()
    if invitation is not None:
        return invitation.campaign, invitation
    campaign = (
        Campaign.objects.select_related("version__survey", "project", "organization")
        .filter(public_token=token)
        .first()
    )
    return campaign, None


def answer_target(token: str, *, lock: bool = False) -> tuple[Campaign, Invitation | None]:
    """The campaign (and the invitation, for a personal link) a token opens, if it may be
    answered now; else a ValidationError whose code says why."""
    campaign, invitation = token_target(token, lock=lock)
    if campaign is None:
        raise ValidationError(
            _("This survey link is not valid. Check that the whole address was copied."), code=UNKNOWN
        )
    today = timezone.localdate()
    if campaign.status == Campaign.Status.CLOSED or campaign.closes_on < today:
        raise ValidationError(
            _("This survey closed on %(date)s; answers are no longer taken. Thank you for your interest.")
            % {"date": date_format(campaign.closes_on, "DATE_FORMAT")},
            code=CLOSED,
        )
    if campaign.opens_on > today:
        raise ValidationError(
            _("This survey opens on %(date)s. Please come back then.")
            % {"date": date_format(campaign.opens_on, "DATE_FORMAT")},
            code=NOT_OPEN,
        )
    if invitation is not None and invitation.answered_on is not None:
        raise ValidationError(
            _(
                "This link has been used already: the survey was answered. Each personal link takes one answer."
            ),
            code=ANSWERED,
        )
    return campaign, invitation


def _values(raw) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    return [str(v).strip() for v in raw if str(v).strip()]


def _clean_answer(question: Question, raw) -> tuple[dict | None, str | None]:
    """The Answer fields for one question, or the message why the value is refused.
    (None, None): not answered."""
    values = _values(raw)
    if question.kind == Question.Kind.TEXT:
        text = "\n".join(str(v) for v in ([raw] if isinstance(raw, str) else raw or [])).strip()
        if len(text) > Answer.MAX_TEXT:
            return None, _("Keep the answer under %(max)s characters (it has %(count)s).") % {
                "max": Answer.MAX_TEXT,
                "count": len(text),
            }
        return ({"text": text} if text else None), None
    if not values:
        return None, None
    if question.kind in Question.SCALED:
        scale = question.scale
        if len(values) != 1:
            return None, _("Choose one value.")
        try:
            number = int(values[0])
        except ValueError:
            number = None
        if number is None or number not in scale:
            return None, _("Choose a value from %(low)s to %(high)s.") % {"low": scale[0], "high": scale[-1]}
        return {"number": number}, None
    offered = {option["value"] for option in question.options}
    if question.kind == Question.Kind.SINGLE and len(values) != 1:
        return None, _("Choose one answer.")
    if any(value not in offered for value in values):
        return None, _("Choose among the answers offered.")
    return {"choices": list(dict.fromkeys(values))}, None


@transaction.atomic
def response_submit(
    *, token: str, data: Mapping[str, "str | list[str]"], language: str = "", user=None
) -> Response:
    """Record one filled-in form. ``data`` holds ``q<question id>`` → value (a list for several
    choices). Refused with a ValidationError (nothing saved): codes of LINK_REFUSALS for the link,
    otherwise a message per question (``q<id>``) or for the whole form."""
    campaign, invitation = answer_target(token, lock=True)
    questions = {
        f"q{q.pk}": q
        for q in Question.objects.filter(section__version=campaign.version_id).order_by(
            "section__position", "position", "pk"
        )
    }
    foreign = [key for key in data if key not in questions]
    if foreign:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _(
                        "The form held a question that is not part of this survey. Reload the page and answer again."
                    )
                ]
            }
        )
    errors: dict[str, list[str]] = {}
    answers = []
    for key, question in questions.items():
        fields, problem = _clean_answer(question, data.get(key))
        if problem:
            errors[key] = [problem]
        elif fields is None:
            if question.required:
                errors[key] = [_("Please answer this question.")]
        else:
            answers.append((question, fields))
    if errors:
        raise ValidationError(errors)
    survey = campaign.version.survey
    today = timezone.localdate()
    respondent = None
    if not survey.anonymous:
        if invitation is not None and invitation.person_id:
            respondent = invitation.person
        elif user is not None and user.is_authenticated:
            respondent = user
    response = Response.objects.create(
        campaign=campaign,
        submitted_on=today,
        language=(language or "")[:8],
        invitation=None if survey.anonymous else invitation,
        respondent=respondent,
        about_expert=invitation.about_expert if invitation is not None and not survey.anonymous else None,
    )
    saved = Answer.objects.bulk_create(
        [Answer(response=response, question=q, **fields) for q, fields in answers]
    )
    # The results pages read these counts: kept in this transaction, with this response.
    response_tallied(response=response, answers=saved)
    if invitation is not None:
        invitation.answered_on = today
        invitation.save()
    return response
