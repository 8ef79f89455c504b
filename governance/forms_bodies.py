"""The collegial bodies' forms: a body, a seat on it, a meeting, an agenda item, a vote."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from documents.forms import SignForm
from documents.models import Document, DocumentVersion

from .models import ImplementationPlan, StrategyVersion
from .models.bodies import Body, DecisionAction, ItemVote, MeetingItem, Membership

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _people():
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "quorum_rule", "regulation"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regulation"].queryset = Document.objects.filter(doc_type=Document.Type.REGULATION)


class MembershipForm(forms.ModelForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=_people())

    class Meta:
        model = Membership
        fields = ["person", "role", "constituency", "term_start", "term_end", "conflicts"]
        widgets = {"term_start": DATE, "term_end": DATE, "conflicts": forms.Textarea(attrs={"rows": 3})}


class MembershipEditForm(MembershipForm):
    class Meta(MembershipForm.Meta):
        fields = ["role", "constituency", "term_start", "term_end", "conflicts"]


class BodyMeetingForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=30)
    date = forms.DateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingItem.Kind.choices)
    title = forms.CharField(label=_("Question"), max_length=500, required=False)
    document_version = forms.ModelChoiceField(
        label=_("Standard or guideline to validate"),
        queryset=DocumentVersion.objects.filter(
            status=DocumentVersion.Status.IN_REVIEW,
            document__doc_type__in=[Document.Type.STANDARD, Document.Type.GUIDELINE],
        ).select_related("document"),
        required=False,
    )

    strategy_version = forms.ModelChoiceField(
        label=_("Strategy version under discussion"),
        queryset=StrategyVersion.objects.filter(status=StrategyVersion.Status.DISCUSSION).select_related(
            "strategy"
        ),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Choose a strategy version under discussion: this one is not under discussion."
            )
        },
    )

    implementation_plan = forms.ModelChoiceField(
        label=_("Draft implementation plan"),
        queryset=ImplementationPlan.objects.filter(status=ImplementationPlan.Status.DRAFT),
        required=False,
        error_messages={
            "invalid_choice": _("Choose a draft implementation plan: this one is approved already.")
        },
    )

    def __init__(self, *args, appeals=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from accreditation.models import Appeal

        self.fields["appeal"] = forms.ModelChoiceField(
            label=_("Appeal"),
            queryset=appeals if appeals is not None else Appeal.objects.exclude(status=Appeal.Status.DECIDED),
            required=False,
        )


class BodyVoteForm(forms.Form):
    choice = forms.ChoiceField(choices=ItemVote.Choice.choices)


class BodyRecuseForm(forms.Form):
    reason = forms.CharField(max_length=300)


class DecideForm(forms.Form):
    decision_text = forms.CharField(
        label=_("Wording of the decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActionForm(forms.ModelForm):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=_people())

    class Meta:
        model = DecisionAction
        fields = ["text", "owner", "due_date"]
        widgets = {"due_date": DATE}


class ActionDoneForm(forms.Form):
    note = forms.CharField(label=_("What was done"), max_length=2000)


class BodyMinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}))


class MinutesSignForm(SignForm):
    pass
