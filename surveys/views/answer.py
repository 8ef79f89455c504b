"""Answering a survey: no sign-in, a personal invitation link or a campaign's public link (a QR
code during the visit), in the reader's language. A link that opens nothing, a campaign closed
or not yet open, an invitation used already: a friendly page with status 404 or 410, never an
error. On a public link of an anonymous survey the browser keeps a signed cookie (no personal
data) after answering, so the same browser cannot answer twice; the page says so."""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.access import PUBLIC, access
from core.ratelimit import over_limit

from .. import selectors, services
from ..models import Campaign, Question
from ..services.answers import CLOSED, LINK_REFUSALS, UNKNOWN, token_target

COOKIE_SALT = "surveys.answered"
ANSWERED_HERE = "answered_here"
TOO_MANY = "too_many"
STATUS = {UNKNOWN: 404, "not_open": 404, CLOSED: 410, "answered": 410, ANSWERED_HERE: 410, TOO_MANY: 429}


def _cookie_name(campaign: Campaign) -> str:
    return f"survey-{campaign.pk}"


def _answered_here(request: HttpRequest, campaign: Campaign) -> bool:
    return request.get_signed_cookie(_cookie_name(campaign), default=None, salt=COOKIE_SALT) == "1"


def _unavailable(
    request: HttpRequest, code: str, message: str, campaign: Campaign | None = None
) -> HttpResponse:
    return render(
        request,
        "surveys/answer_unavailable.html",
        {"code": code, "message": message, "campaign": campaign},
        status=STATUS.get(code, 404),
    )


def likert_labels() -> dict[int, str]:
    return {
        1: pgettext("likert scale", "Strongly disagree"),
        2: pgettext("likert scale", "Disagree"),
        3: pgettext("likert scale", "Neither agree nor disagree"),
        4: pgettext("likert scale", "Agree"),
        5: pgettext("likert scale", "Strongly agree"),
    }


def answer_sheet(version, values: dict | None = None, errors: dict | None = None) -> list[dict]:
    """The form to fill in, in the reader's language, with what was sent and what was refused."""
    values, errors = values or {}, errors or {}
    labels = likert_labels()
    sheet = []
    for section, questions in selectors.version_sheet(version):
        rows = []
        for question in questions:
            name = f"q{question.pk}"
            raw = values.get(name)
            chosen = [raw] if isinstance(raw, str) else list(raw or [])
            if question.kind == Question.Kind.LIKERT:
                choices = [(str(n), f"{n} — {labels[n]}") for n in question.scale]
            elif question.kind == Question.Kind.NPS:
                choices = [(str(n), str(n)) for n in question.scale]
            else:
                choices = question.localized_options()
            rows.append(
                {
                    "question": question,
                    "name": name,
                    "kind": question.kind,
                    "text": question.localized_text,
                    "choices": choices,
                    "chosen": chosen,
                    "text_value": chosen[0] if question.kind == Question.Kind.TEXT and chosen else "",
                    "errors": errors.get(name, []),
                }
            )
        sheet.append({"title": section.localized_title, "questions": rows})
    return sheet


@never_cache
@access(PUBLIC)
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        campaign, invitation = services.answer_target(token)
    except ValidationError as exc:
        return _unavailable(request, exc.code, exc.messages[0])
    public = invitation is None
    guarded = public and campaign.anonymous
    if guarded and _answered_here(request, campaign):
        return _unavailable(
            request,
            ANSWERED_HERE,
            _("An answer has already been sent from this browser. Thank you: each person answers once."),
            campaign,
        )
    values: dict = {}
    errors: dict = {}
    if (
        request.method == "POST"
        and public
        and over_limit(
            request, f"survey-answer:{campaign.pk}", settings.IAAR_SURVEY_ANSWERS_PER_HOUR, window=3600
        )
    ):
        # A public link is anonymous, so answers are limited per address instead of per person.
        response = _unavailable(
            request,
            TOO_MANY,
            _("Too many answers came from your network in the last hour; please try again later."),
            campaign,
        )
        response["Retry-After"] = "3600"
        return response
    if request.method == "POST":
        values = {}
        for key in request.POST:
            if key.startswith("q"):
                items = request.POST.getlist(key)
                values[key] = items[0] if len(items) == 1 else items
        try:
            services.response_submit(
                token=token, data=values, language=get_language() or "", user=request.user
            )
        except ValidationError as exc:
            code = getattr(exc, "code", None)
            if code in LINK_REFUSALS:
                return _unavailable(request, code, exc.messages[0], campaign)
            errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
        else:
            done = redirect("survey_public:thanks", token)
            if guarded:
                days = max((campaign.closes_on - timezone.localdate()).days, 0) + 30
                done.set_signed_cookie(
                    _cookie_name(campaign),
                    "1",
                    salt=COOKIE_SALT,
                    max_age=int(datetime.timedelta(days=days).total_seconds()),
                    path="/s/",
                    httponly=True,
                    samesite="Lax",
                )
            return done
    sheet = answer_sheet(campaign.version, values, errors)
    return render(
        request,
        "surveys/answer.html",
        {
            "campaign": campaign,
            "survey": campaign.version.survey,
            "invitation": invitation,
            "sheet": sheet,
            "form_errors": errors.get(NON_FIELD_ERRORS, []),
            "error_count": sum(1 for s in sheet for q in s["questions"] if q["errors"]),
            "guarded": guarded,
            "nps_hint": _("0 — not at all likely, 10 — extremely likely"),
        },
    )


@never_cache
@access(PUBLIC)
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    campaign, _invitation = token_target(token)
    if campaign is None:
        return _unavailable(
            request, UNKNOWN, _("This survey link is not valid. Check that the whole address was copied.")
        )
    return render(
        request, "surveys/answer_thanks.html", {"campaign": campaign, "survey": campaign.version.survey}
    )
