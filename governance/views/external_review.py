"""The agency's own external review (§7.1, ESG 3.7): the register of memberships and reviews, a
review's page with its panel, visit, reports and recommendations, and the actions on them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.permissions import people_with_perm
from core.selectors import events_for
from documents.selectors import documents_visible_to

from ..external_review_workflow import KEEP, RECOMMENDATION_WORKFLOW, REVIEW_WORKFLOW
from ..models import AgencyReview, Panelist, Registration, ReviewRecommendation
from ..selectors import external_review as selectors
from ..services import external_review as services

READ = "governance.view_agencyreview"
REVIEW_SHOWN = shown_by(selectors.reviews_for)
RS = ReviewRecommendation.Status
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEMPLATE = "governance/external_review/form.html"


def _date(label, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "body",
            "kind",
            "country",
            "granted_by",
            "reference",
            "valid_from",
            "valid_until",
            "conditions",
        ]
        widgets = {"valid_from": DATE, "valid_until": DATE, "conditions": forms.Textarea(attrs={"rows": 3})}


class ReviewForm(forms.Form):
    body = forms.ChoiceField(label=gettext_lazy("Body"), choices=AgencyReview._meta.get_field("body").choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)


class ReviewEditForm(forms.Form):
    self_assessment = forms.ModelChoiceField(
        label=gettext_lazy("Self-assessment report"), queryset=None, required=False
    )
    visit_from = _date(gettext_lazy("Visit from"))
    visit_until = _date(gettext_lazy("Visit until"))
    report = forms.FileField(label=gettext_lazy("Panel's report"), required=False)
    decided_on = _date(gettext_lazy("Body's decision"))
    outcome = forms.CharField(
        label=gettext_lazy("Outcome"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    follow_up_due = _date(gettext_lazy("Follow-up report due"))
    follow_up = forms.FileField(label=gettext_lazy("Follow-up report"), required=False)
    next_review_due = _date(gettext_lazy("Next review due"))

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["self_assessment"].queryset = documents_visible_to(user).order_by("code")


class PanelistForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Panelist.Role.choices)
    affiliation = forms.CharField(label=gettext_lazy("Affiliation"), max_length=300, required=False)


class RecommendationForm(forms.Form):
    standard = forms.CharField(label=gettext_lazy("ESG standard"), max_length=20, required=False)
    text = forms.CharField(
        label=gettext_lazy("Recommendation"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action = forms.CharField(
        label=gettext_lazy("Action"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    owner = forms.ModelChoiceField(label=gettext_lazy("Owner"), queryset=None, required=False)
    due_on = _date(gettext_lazy("Due"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_with_perm(READ).order_by("last_name", "first_name")


class RecommendationUpdateForm(forms.Form):
    target = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    evidence = forms.CharField(
        label=gettext_lazy("Evidence or reason"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(label=gettext_lazy("Evidence file"), required=False)

    def __init__(self, *args, choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = choices


@access(READ)
def xr_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    registrations = list(selectors.registrations_for(request.user))
    for reg in registrations:
        reg.in_force = reg.in_force_on(today)
    return render(
        request,
        "governance/external_review/list.html",
        {
            "registrations": registrations,
            "reviews": selectors.reviews_for(request.user).prefetch_related("recommendations"),
            "keeps": request.user.has_perm(KEEP),
            "mine": selectors.open_recommendations_of(request.user),
        },
    )


@access(KEEP)
def xr_registration_add(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        RegistrationForm(request.POST or None),
        action=lambda data: services.registration_save(actor=request.user, **data),
        success=_("The membership or registration is recorded."),
        done_url=lambda reg: reg.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": _("Record a membership or registration")},
    )


@access(KEEP, opens=shown_by(selectors.registrations_for))
def xr_registration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    registration = selectors.registration_get_for(request.user, pk)
    form = RegistrationForm(request.POST or None, instance=registration)
    return form_page(
        request,
        form,
        action=lambda data: services.registration_save(
            actor=request.user, registration=selectors.registration_get_for(request.user, pk), **data
        ),
        success=_("The membership or registration is corrected."),
        done_url=lambda reg: reg.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": str(registration)},
    )


@access(KEEP)
def xr_review_add(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ReviewForm(request.POST or None),
        action=lambda data: services.review_create(actor=request.user, **data),
        success=_("The external review is opened."),
        done_url=lambda review: review.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": _("Open an external review of the agency")},
    )


@access(READ, opens=REVIEW_SHOWN)
def xr_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    page = selectors.review_page(review, timezone.localdate())
    for rec in page["recommendations"]:
        rec.may_update = bool(RECOMMENDATION_WORKFLOW.available(rec, request.user))
    keeps = request.user.has_perm(KEEP) and review.status != AgencyReview.Status.CLOSED
    return render(
        request,
        "governance/external_review/detail.html",
        {
            "review": review,
            **page,
            "keeps": keeps,
            "panel_form": PanelistForm() if keeps else None,
            "events": events_for(review),
        },
    )


@access(KEEP, opens=REVIEW_SHOWN)
def xr_review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    initial = {
        name: getattr(review, name)
        for name in ("self_assessment", "visit_from", "visit_until", "decided_on", "outcome", "follow_up_due")
    } | {"next_review_due": review.next_review_due}

    def save(data):
        data = dict(data)
        return services.review_update(
            review=review,
            actor=request.user,
            report_upload=data.pop("report"),
            follow_up_upload=data.pop("follow_up"),
            **data,
        )

    return form_page(
        request,
        ReviewEditForm(request.POST or None, request.FILES or None, initial=initial, user=request.user),
        action=save,
        success=_("The review is updated."),
        done_url=review.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": str(review), "review": review},
    )


@require_POST
@access(KEEP, opens=REVIEW_SHOWN, moves=REVIEW_WORKFLOW.acts(*AgencyReview.Status.values))
def xr_advance(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    target = request.POST.get("target", "")
    if target not in AgencyReview.Status.values or target == AgencyReview.Status.PREPARATION:
        messages.error(request, _("Choose one of the steps offered."))
        return redirect(review)
    run_service(
        request,
        lambda: services.review_advance(review=review, actor=request.user, target=target),
        _("The review moved on."),
    )
    return redirect(review)


@require_POST
@access(KEEP, opens=REVIEW_SHOWN)
def xr_panelist_add(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    form = PanelistForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the panel member's name and role."))
        return redirect(review)
    run_service(
        request,
        lambda: services.panelist_add(review=review, actor=request.user, **form.cleaned_data),
        _("The panel member is added."),
    )
    return redirect(review)


@access(KEEP, opens=REVIEW_SHOWN)
def xr_rec_add(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    return form_page(
        request,
        RecommendationForm(request.POST or None),
        action=lambda data: services.recommendation_add(review=review, actor=request.user, **data),
        success=_("The recommendation is recorded with its owner and due date."),
        done_url=lambda rec: rec.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": _("Record a recommendation of the panel"), "review": review},
    )


@access(
    READ,
    opens=shown_by(selectors.recommendations_for),
    moves=RECOMMENDATION_WORKFLOW.acts(RS.IN_PROGRESS, RS.DONE, RS.NOT_ACCEPTED),
)
def xr_rec_update(request: HttpRequest, pk: int) -> HttpResponse:
    rec = selectors.recommendation_get_for(request.user, pk)
    choices = [(t.target, t.label) for t in RECOMMENDATION_WORKFLOW.available(rec, request.user)]
    if not choices:
        raise PermissionDenied
    return form_page(
        request,
        RecommendationUpdateForm(request.POST or None, request.FILES or None, choices=choices),
        action=lambda data: services.recommendation_update(
            recommendation=rec,
            actor=request.user,
            target=data["target"],
            evidence=data["evidence"],
            upload=data["file"],
        ),
        success=_("The action is updated."),
        done_url=rec.get_absolute_url(),
        template=TEMPLATE,
        context={"heading": str(rec), "review": rec.review, "intro": rec.action},
    )


@access(READ, opens=REVIEW_SHOWN)
def xr_file(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    review = selectors.review_get_for(request.user, pk)
    file, name = {
        "report": (review.report_file, review.report_name),
        "follow-up": (review.follow_up_file, review.follow_up_name),
    }.get(what, (None, ""))
    if not file:
        raise Http404
    return stored_file_response(file, name)


@access(READ, opens=shown_by(selectors.recommendations_for))
def xr_rec_file(request: HttpRequest, pk: int) -> HttpResponse:
    rec = selectors.recommendation_get_for(request.user, pk)
    if not rec.evidence_file:
        raise Http404
    return stored_file_response(rec.evidence_file, rec.evidence_name, attachment=True)
