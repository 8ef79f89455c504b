"""A public consultation on a draft standard (§6.3): the working group's page (the sections, the
comments with their moderation, answers and dispositions, the summary PDF) and the public page
where anyone comments on the draft by section, without signing in, until the closing date."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.access import PUBLIC, access, shown_by
from core.form_pages import run_service
from core.pdf import pdf_response
from core.ratelimit import over_limit

from ..models.standards_dev import ConsultationComment
from ..pdf_standards_dev import consultation_summary_pdf
from ..selectors import standards_dev as selectors
from ..services import standards_dev as services
from ..workflow_standards_dev import ANSWERS_COMMENT, COMMENT_WORKFLOW, KEEPS_CONSULTATION, MODERATES, VIEW

CS = ConsultationComment.Status
# Comments from one address in an hour: generous (a faculty shares one address), enough to stop a script.
COMMENTS_PER_HOUR = 60
HONEYPOT = "website"


class SectionForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Number"), max_length=20, required=False)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, required=False)
    text = forms.CharField(
        label=gettext_lazy("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CommentForm(forms.Form):
    """The public form. Nothing is required by the form itself: the service refuses with its own
    message, so the page explains each refusal the same way."""

    section = forms.IntegerField(required=False)
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200, required=False)
    organization = forms.CharField(label=gettext_lazy("Organization"), max_length=300, required=False)
    email = forms.CharField(
        label=gettext_lazy("E-mail (optional, not published)"), max_length=254, required=False
    )
    constituency = forms.ChoiceField(
        label=gettext_lazy("You comment as"),
        choices=[("", "—"), *ConsultationComment.Constituency.choices],
        required=False,
    )
    text = forms.CharField(
        label=gettext_lazy("Your comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


MODERATE = COMMENT_WORKFLOW.acts(CS.PUBLISHED, CS.HIDDEN)


@access(VIEW, opens=shown_by(selectors.consultations_for))
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get_for(request.user, pk)
    user = request.user
    sections = selectors.sections_with(consultation, CS.values)
    for section in sections:
        for comment in section.shown:
            comment.may_moderate = MODERATES.allows(user, comment)
            in_group = ANSWERS_COMMENT.allows_on(user, comment)
            comment.may_answer = in_group and comment.status == CS.PUBLISHED
            # The stakeholder's e-mail is for the working group's reply, not for every reader.
            comment.sees_contact = in_group or comment.may_moderate
    keeps = KEEPS_CONSULTATION.allows_on(user, consultation) and not consultation.is_closed()
    return render(
        request,
        "governance/standards_dev/consultation_detail.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "sections": sections,
            "counts": selectors.comment_counts(consultation),
            "keeps": keeps,
            "section_form": SectionForm() if keeps else None,
            "dispositions": ConsultationComment.Disposition.choices,
        },
    )


@require_POST
@access(VIEW, opens=shown_by(selectors.consultations_for), moves=KEEPS_CONSULTATION)
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get_for(request.user, pk)
    if not KEEPS_CONSULTATION.allows_on(request.user, consultation):
        raise PermissionDenied
    form = SectionForm(request.POST)
    form.is_valid()
    data = {key: form.cleaned_data.get(key) or "" for key in ("number", "title", "text")}
    run_service(
        request,
        lambda: services.section_add(consultation=consultation, actor=request.user, **data),
        _("The section is added."),
    )
    return redirect(f"{consultation.get_absolute_url()}#sections")


def _comment(request: HttpRequest, pk: int, rule) -> ConsultationComment:
    comment = selectors.comment_get_for(request.user, pk)
    if not rule(request.user, comment):
        raise PermissionDenied
    return comment


def _back(comment: ConsultationComment) -> HttpResponse:
    return redirect(comment.get_absolute_url())


@require_POST
@access(VIEW, opens=shown_by(selectors.comments_for), moves=MODERATE)
def comment_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, MODERATES.allows)
    publish = request.POST.get("decision") == "publish"
    run_service(
        request,
        lambda: services.comment_moderate(
            comment=comment, actor=request.user, publish=publish, reason=request.POST.get("reason", "")
        ),
        _("The comment is published.") if publish else _("The comment is hidden."),
    )
    return _back(comment)


@require_POST
@access(VIEW, opens=shown_by(selectors.comments_for), moves=ANSWERS_COMMENT)
def comment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, ANSWERS_COMMENT.allows_on)
    run_service(
        request,
        lambda: services.comment_answer(
            comment=comment, actor=request.user, answer=request.POST.get("answer", "")
        ),
        _("The answer is saved."),
    )
    return _back(comment)


@require_POST
@access(VIEW, opens=shown_by(selectors.comments_for), moves=ANSWERS_COMMENT)
def comment_dispose(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, ANSWERS_COMMENT.allows_on)
    run_service(
        request,
        lambda: services.comment_dispose(
            comment=comment,
            actor=request.user,
            disposition=request.POST.get("disposition", ""),
            reason=request.POST.get("reason", ""),
        ),
        _("The disposition is recorded."),
    )
    return _back(comment)


@access(VIEW, opens=shown_by(selectors.consultations_for))
def consultation_summary(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get_for(request.user, pk)
    return pdf_response(consultation_summary_pdf(consultation), f"consultation-{consultation.pk}-summary.pdf")


@never_cache
@access(PUBLIC)
def consultation_public(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.public_consultation(pk)
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # A robot filled in the field people do not see: thank it, keep nothing.
            messages.success(
                request, _("Thank you: your comment will appear once the working group has read it.")
            )
            return redirect(request.path)
        if over_limit(request, f"consultation-comment:{consultation.pk}", COMMENTS_PER_HOUR, window=3600):
            response = render(
                request,
                "governance/standards_dev/consultation_public.html",
                _public_context(
                    consultation,
                    form,
                    _("Too many comments came from your network in the last hour; please try again later."),
                ),
                status=429,
            )
            response["Retry-After"] = "3600"
            return response
        form.is_valid()
        data = form.cleaned_data
        try:
            services.comment_submit(
                consultation=consultation,
                section_id=data.get("section") or "",
                name=data.get("name") or "",
                organization=data.get("organization") or "",
                email=data.get("email") or "",
                constituency=data.get("constituency") or "",
                text=data.get("text") or "",
            )
        except ValidationError as exc:
            status = 410 if consultation.is_closed() else 400
            return render(
                request,
                "governance/standards_dev/consultation_public.html",
                _public_context(consultation, form, " ".join(exc.messages)),
                status=status,
            )
        messages.success(
            request, _("Thank you: your comment will appear once the working group has read it.")
        )
        return redirect(request.path)
    return render(
        request, "governance/standards_dev/consultation_public.html", _public_context(consultation, form, "")
    )


def _public_context(consultation, form, error: str) -> dict:
    today = timezone.localdate()
    return {
        "consultation": consultation,
        "document": consultation.plan.document,
        "sections": selectors.sections_with(consultation, [CS.PUBLISHED]),
        "form": form,
        "error": error,
        "is_open": consultation.is_open(today),
        "closed_message": services.closed_message(consultation) if consultation.is_closed(today) else "",
        "honeypot": HONEYPOT,
        "chosen_section": str(form.data.get("section", "")) if form.is_bound else "",
    }
