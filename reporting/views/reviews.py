"""The management review (§4.6): the list, planning, the review page with its input pack, the
meeting's record and decisions, the order for the Director General's signature, and closing.
Decision owners mark their decisions done on the "My actions" pages (improvement:action_complete)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page
from core.pdf import pdf_response
from core.selectors import events_for
from improvement.models import ManagementReview

from .. import services
from ..forms import CloseForm, DecisionForm, EditForm, HoldForm, PlanForm, ReasonForm, SignForm, SubmitForm
from ..pdf import order_pdf
from ..selectors import reviews as selectors
from ..selectors.reviews import MANAGE, MEETING_OPEN, PACK_OPEN, PLAN, SIGN, VIEW, S

# Readers of reviews see every review; the owners of its decisions see theirs (404 otherwise).
REVIEW_SHOWN = shown_by(selectors.reviews_visible_to)


def _review(request: HttpRequest, pk: int) -> ManagementReview:
    return get_object_or_404(selectors.reviews_visible_to(request.user), pk=pk)


def _run(request: HttpRequest, call, success: str) -> bool:
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages) + " " + _("Nothing was saved."))
        return False
    messages.success(request, success)
    return True


# --- Pages -----------------------------------------------------------------------------------


@access(VIEW)
def review_list(request: HttpRequest) -> HttpResponse:
    reviews = list(selectors.reviews_visible_to(request.user).order_by("-period_start", "-pk"))
    return render(
        request,
        "improvement/review_list.html",
        {"reviews": reviews, "can_plan": request.user.has_perm(PLAN)},
    )


@access(PLAN)
def review_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    last_year = today.year - 1
    form = PlanForm(
        request.POST or None,
        initial={
            "period_start": datetime.date(last_year, 1, 1),
            "period_end": datetime.date(last_year, 12, 31),
            "planned_on": today + datetime.timedelta(days=30),
        },
    )
    return form_page(
        request,
        form,
        action=lambda data: services.review_plan(actor=request.user, **data),
        success=_("The management review is planned."),
        done_url=lambda review: review.get_absolute_url(),
        template="improvement/review_form.html",
        context={"title": _("Plan a management review")},
    )


@access(SIGNED_IN, opens=REVIEW_SHOWN)
def review_detail(request: HttpRequest, pk: int, forms_: dict | None = None) -> HttpResponse:
    review = _review(request, pk)
    user = request.user
    manage = user.has_perm(MANAGE)
    forms_ = forms_ or {}
    decisions = selectors.decisions_of(review)
    for row in decisions:
        row.mine = row.action.owner_id == user.pk
        row.in_force = bool(review.order_signed_at) or bool(row.carried_from_id)
    open_count = sum(1 for d in decisions if d.action.status == "open")
    can = {
        "edit": manage and review.status in PACK_OPEN,
        "assemble": manage and review.status in PACK_OPEN,
        "hold": manage and review.status in MEETING_OPEN,
        "decide": manage and review.status == S.HELD,
        "submit": manage and review.status == S.HELD and open_count > 0 and bool(review.conclusions),
        "sign": user.has_perm(SIGN) and review.status == S.SIGNATURE,
        "close": manage and review.status == S.SIGNED,
        "order": review.status in (S.SIGNATURE, S.SIGNED, S.CLOSED),
        "pack": bool(review.pack_file) and user.has_perm(VIEW),
    }
    return render(
        request,
        "improvement/review_detail.html",
        {
            "review": review,
            "decisions": decisions,
            "open_count": open_count,
            "can": can,
            "pack_ok": selectors.pack_intact(review) if review.pack_file else None,
            "next_review": selectors.next_of(review) if can["close"] else None,
            "edit_form": forms_.get("edit")
            or EditForm(
                initial={
                    "planned_on": review.planned_on,
                    "chair": review.chair_id,
                    "other_inputs": review.other_inputs,
                }
            ),
            "hold_form": forms_.get("hold")
            or HoldForm(
                initial={
                    "held_on": review.held_on or min(timezone.localdate(), review.planned_on),
                    "chair": review.chair_id,
                    "participants": review.participants,
                    "conclusions": review.conclusions,
                }
            ),
            "decision_form": forms_.get("decision") or DecisionForm(),
            "submit_form": forms_.get("submit")
            or SubmitForm(initial={"order_number": review.order_number, "order_text": review.order_text}),
            "close_form": CloseForm(),
            "events": events_for(review),
            "today": timezone.localdate(),
        },
    )


def _post(request, pk, form_class, key, call, success):
    """One form on the review page: on a refusal the page comes back with the form as typed
    and its message, and nothing is saved."""
    review = _review(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below; nothing was saved."))
        return review_detail(request, pk, forms_={key: form})
    try:
        call(review, form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
        messages.error(request, " ".join(exc.messages) + " " + _("Nothing was saved."))
        return review_detail(request, pk, forms_={key: form})
    messages.success(request, success)
    return redirect(f"{review.get_absolute_url()}#{key}")


@require_POST
@access(MANAGE)
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        EditForm,
        "edit",
        lambda review, data: services.review_edit(review=review, actor=request.user, **data),
        _("The plan and inputs are saved."),
    )


@require_POST
@access(MANAGE)
def review_assemble(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    _run(
        request,
        lambda: services.review_inputs_assemble(review=review, actor=request.user),
        _("The input pack is assembled from the portal's records."),
    )
    return redirect(f"{review.get_absolute_url()}#inputs")


@access(VIEW)
def review_pack(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if not review.pack_file:
        messages.error(request, _("The input pack is not assembled yet."))
        return redirect(review)
    if not selectors.pack_intact(review):
        messages.error(request, _("The stored input pack no longer matches its SHA-256; it is not served."))
        return redirect(review)
    return stored_file_response(
        review.pack_file, f"{review.number}-inputs.pdf", content_type="application/pdf"
    )


@require_POST
@access(MANAGE)
def review_hold(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        HoldForm,
        "hold",
        lambda review, data: services.review_hold(review=review, actor=request.user, **data),
        _("The meeting is recorded. Add its decisions now."),
    )


@require_POST
@access(MANAGE)
def review_decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        DecisionForm,
        "decision",
        lambda review, data: services.decision_add(review=review, actor=request.user, **data),
        _("The decision is added. Its owner is told when the order is signed."),
    )


@require_POST
@access(MANAGE)
def review_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        SubmitForm,
        "submit",
        lambda review, data: services.order_submit(review=review, actor=request.user, **data),
        _("The order is sent to the Director General for signature."),
    )


@access(SIGN)
def review_sign(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if review.status != S.SIGNATURE:
        messages.info(request, _("The order is not waiting for signature."))
        return redirect(review)
    form = SignForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.order_sign(review=review, actor=request.user, **data),
        success=_("The order is signed; each decision's owner is told."),
        done_url=review.get_absolute_url(),
        template="improvement/review_sign.html",
        context={
            "review": review,
            "decisions": selectors.ordered_decisions(review),
            "title": _("Sign the order of %(number)s") % {"number": review.number},
            "return_form": ReasonForm(),
        },
    )


@require_POST
@access(SIGN)
def review_return(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what must change; the order was not returned."))
        return redirect("reporting:review_sign", pk=review.pk)
    if _run(
        request,
        lambda: services.order_return(review=review, actor=request.user, reason=form.cleaned_data["reason"]),
        _("The order is returned to the IQAS owner."),
    ):
        return redirect(review)
    return redirect("reporting:review_sign", pk=review.pk)


@access(SIGNED_IN, opens=REVIEW_SHOWN)
def review_order(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed order as stored (only while it matches its SHA-256), or the draft awaiting
    signature, printed as it stands."""
    review = _review(request, pk)
    if review.status not in (S.SIGNATURE, S.SIGNED, S.CLOSED):
        messages.error(request, _("The order is not drawn up yet."))
        return redirect(review)
    if review.order_signed_at:
        if not selectors.order_file_intact(review):
            messages.error(request, _("The stored order no longer matches its SHA-256; it is not served."))
            return redirect(review)
        return stored_file_response(
            review.order_file, f"{review.order_number}.pdf", content_type="application/pdf"
        )
    return pdf_response(order_pdf(review), f"{review.order_number}-draft.pdf")


@require_POST
@access(MANAGE)
def review_close(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    form = CloseForm(request.POST)
    carry = form.is_valid() and form.cleaned_data["carry_over"]
    _run(
        request,
        lambda: services.review_close(review=review, actor=request.user, carry_over=carry),
        _("The management review is closed."),
    )
    return redirect(review)
