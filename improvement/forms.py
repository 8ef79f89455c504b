from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Criterion, Process

from .models import CorrectiveAction, IncomingInspection, Nonconformity, Risk, Supplier

TEXT_LIMIT = 10_000


def staff_people():
    """Who may own an action or chair a review: active people holding a role."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__isnull=False)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def date_field(label, **kwargs) -> forms.DateField:
    """A date picker; its value is always ISO, whatever the reader's language writes dates as."""
    return forms.DateField(
        label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


def text_field(label, *, rows: int = 4, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        max_length=TEXT_LIMIT,
        help_text=help_text,
    )


class NonconformityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_LIMIT,
        help_text=_("Where and when it was found, and what requirement it breaks."),
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Nonconformity.Severity.choices)
    process = forms.ModelChoiceField(label=_("Process"), queryset=None, required=False)
    criterion = forms.ModelChoiceField(
        label=_("Requirement not met"),
        queryset=None,
        required=False,
        help_text=_("The section of the manual or the standard it breaks, if you know it."),
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=Nonconformity.Source.choices,
        initial=Nonconformity.Source.INTERNAL_REPORT,
    )
    source_reference = forms.CharField(
        label=_("Source reference"),
        max_length=200,
        required=False,
        help_text=_("The audit finding, complaint, appeal, survey or purchase it comes from."),
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=None,
        required=False,
        help_text=_("Who sees the corrective action through. Left empty: the process owner."),
    )
    immediate_correction = forms.CharField(
        label=_("Immediate correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT_LIMIT,
        help_text=_("What was already done to contain it, if anything."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.all()
        self.fields["criterion"].queryset = Criterion.objects.filter(active=True)
        self.fields["owner"].queryset = staff_people()

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if len(title) < 5:
            raise forms.ValidationError(_("Give a title of at least 5 characters."))
        return title


class TransitionForm(forms.Form):
    target = forms.CharField(max_length=40)
    comment = forms.CharField(required=False, max_length=5_000)


LIKELIHOOD_WORDS = (_("rare"), _("unlikely"), _("possible"), _("likely"), _("almost certain"))
IMPACT_WORDS = (_("negligible"), _("minor"), _("moderate"), _("major"), _("severe"))


def _scale(words) -> list[tuple[int, str]]:
    size = settings.IAAR_RISK_MATRIX_SIZE
    if size == len(words):
        return [(n, f"{n} — {words[n - 1]}") for n in range(1, size + 1)]
    return [(n, str(n)) for n in range(1, size + 1)]


class RiskForm(forms.Form):
    title = forms.CharField(label=_("Risk"), max_length=200)
    description = forms.CharField(
        label=_("Cause and consequence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )
    process = forms.ModelChoiceField(label=_("Process"), queryset=None)
    owner = forms.ModelChoiceField(label=_("Risk owner"), queryset=None)
    likelihood = forms.TypedChoiceField(label=_("Likelihood"), coerce=int, choices=())
    impact = forms.TypedChoiceField(label=_("Impact"), coerce=int, choices=())
    treatment = forms.CharField(
        label=_("Preventive measures"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )
    residual_likelihood = forms.TypedChoiceField(
        label=_("Residual likelihood"), coerce=int, empty_value=None, required=False, choices=()
    )
    residual_impact = forms.TypedChoiceField(
        label=_("Residual impact"), coerce=int, empty_value=None, required=False, choices=()
    )
    review_on = forms.DateField(label=_("Next review"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Status"), choices=Risk.Status.choices, initial=Risk.Status.OPEN)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.all()
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__isnull=False)
            .distinct()
            .order_by("last_name")
        )
        likelihood, impact = _scale(LIKELIHOOD_WORDS), _scale(IMPACT_WORDS)
        self.fields["likelihood"].choices = likelihood
        self.fields["impact"].choices = impact
        self.fields["residual_likelihood"].choices = [("", "—"), *likelihood]
        self.fields["residual_impact"].choices = [("", "—"), *impact]


class CapaOpenForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Owner of the corrective action"),
        queryset=None,
        required=False,
        help_text=_("Left empty: the nonconformity's owner."),
    )
    verify_after = forms.DateField(
        label=_("Check effectiveness on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Usually the follow-up audit; it can be set later."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()


class AnalysisForm(forms.Form):
    analysis = text_field(
        _("Analysis of the nonconformity"),
        rows=6,
        help_text=_("What exactly went wrong, where, how often and with what consequences."),
    )


class RootCauseForm(forms.Form):
    """Five whys (up to five answers, at least two) or a fishbone (causes by category)."""

    cause_method = forms.ChoiceField(
        label=_("Method"),
        choices=CorrectiveAction.CauseMethod.choices,
        widget=forms.RadioSelect,
        initial=CorrectiveAction.CauseMethod.FIVE_WHYS,
    )
    why_1 = forms.CharField(label=_("Why? (1)"), required=False, max_length=2_000)
    why_2 = forms.CharField(label=_("Why? (2)"), required=False, max_length=2_000)
    why_3 = forms.CharField(label=_("Why? (3)"), required=False, max_length=2_000)
    why_4 = forms.CharField(label=_("Why? (4)"), required=False, max_length=2_000)
    why_5 = forms.CharField(label=_("Why? (5)"), required=False, max_length=2_000)
    fishbone_people = text_field(_("People"), rows=2, required=False)
    fishbone_methods = text_field(_("Methods"), rows=2, required=False)
    fishbone_documents = text_field(_("Documents"), rows=2, required=False)
    fishbone_resources = text_field(_("Resources"), rows=2, required=False)
    fishbone_environment = text_field(_("Environment"), rows=2, required=False)
    fishbone_measurement = text_field(_("Measurement"), rows=2, required=False)
    root_cause = text_field(
        _("Root cause"), rows=3, help_text=_("The cause that, removed, stops the recurrence.")
    )

    WHY_FIELDS = ("why_1", "why_2", "why_3", "why_4", "why_5")
    FISHBONE_FIELDS = (
        "fishbone_people",
        "fishbone_methods",
        "fishbone_documents",
        "fishbone_resources",
        "fishbone_environment",
        "fishbone_measurement",
    )

    @classmethod
    def initial_from(cls, capa) -> dict:
        initial = {"cause_method": capa.cause_method, "root_cause": capa.root_cause}
        for name, why in zip(cls.WHY_FIELDS, capa.whys or [], strict=False):
            initial[name] = why
        for key, text in (capa.fishbone or {}).items():
            initial[f"fishbone_{key}"] = text
        return initial

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "cause_method": data["cause_method"],
            "whys": [data[name] for name in self.WHY_FIELDS if data.get(name, "").strip()],
            "fishbone": {
                name.removeprefix("fishbone_"): data[name]
                for name in self.FISHBONE_FIELDS
                if data.get(name, "").strip()
            },
            "root_cause": data["root_cause"],
        }


class EvaluationForm(forms.Form):
    evaluation = text_field(
        _("Evaluation of actions to prevent recurrence"),
        rows=6,
        help_text=_("Which actions remove the root cause, and why they are proportionate."),
    )


class ResultsForm(forms.ModelForm):
    """Step 5. The follow-up audit is the corrective action's own field: its choices come from
    the relation the model declares, so this app names no audit code."""

    results = text_field(_("Results of the actions"), rows=6)
    verify_after = forms.DateField(
        label=_("Check effectiveness on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = CorrectiveAction
        fields = ["results", "verify_after", "verification_audit"]
        labels = {"verification_audit": _("Follow-up audit")}
        help_texts = {"verification_audit": _("The audit that will check the effectiveness, if any.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        audits = self.fields["verification_audit"]
        audits.queryset = audits.queryset.order_by("-year", "-pk")


STEP_FORMS = {
    CorrectiveAction.Step.ANALYSIS: AnalysisForm,
    CorrectiveAction.Step.ROOT_CAUSE: RootCauseForm,
    CorrectiveAction.Step.EVALUATION: EvaluationForm,
    CorrectiveAction.Step.RESULTS: ResultsForm,
}


class StepBackForm(forms.Form):
    comment = text_field(_("Why go back a step?"), rows=2)


class VerificationForm(forms.Form):
    effective = forms.TypedChoiceField(
        label=_("Was the corrective action effective?"),
        choices=(("yes", _("Effective: close it")), ("no", _("Not effective: back to the actions"))),
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = text_field(_("What the effectiveness check found"), rows=4)


class ActionForm(forms.Form):
    description = text_field(_("Action"), rows=2)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()


class ActionDoneForm(forms.Form):
    evidence = text_field(
        _("Evidence"),
        rows=4,
        help_text=_("What was done and where it can be seen (a record, a document, a link)."),
    )
    evidence_file = forms.FileField(label=_("Evidence file"), required=False)


class ActionCancelForm(forms.Form):
    reason = text_field(_("Why is the action no longer needed?"), rows=2)


# Purchasing (§6.4): a supplier and its evaluation, a contract, an incoming inspection. They
# parse; the services in ``services/purchasing.py`` hold the rules.


def _date(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return date_field(label, required=required, help_text=help_text)


def _text(label, *, rows: int = 3, required: bool = False, help_text: str = "") -> forms.CharField:
    return text_field(label, rows=rows, required=required, help_text=help_text)


class SupplierForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    supplies = forms.CharField(
        label=_("What it supplies"), max_length=300, help_text=_("The goods or services the agency buys.")
    )
    contact = forms.CharField(label=_("Contact"), max_length=300, required=False)
    requirements = _text(
        _("Requirements the supplier must meet"),
        help_text=_("Quality, deadlines, confidentiality, licences."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Supplier.Status.choices, initial=Supplier.Status.APPROVED
    )
    evaluated_on = _date(_("Last evaluated"), required=False)
    evaluation = _text(
        _("Evaluation"),
        rows=4,
        help_text=_(
            "The conclusions of the evaluation; required when the supplier is approved only "
            "with conditions or excluded."
        ),
    )


class ContractForm(forms.Form):
    number = forms.CharField(label=_("Contract number"), max_length=60)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    signed_on = _date(_("Signed"))
    valid_until = _date(_("Valid until"), required=False, help_text=_("Left empty: no end date."))


class InspectionForm(forms.Form):
    received_on = _date(_("Received"))
    item = forms.CharField(label=_("What was received"), max_length=300)
    result = forms.ChoiceField(
        label=_("Result"), choices=IncomingInspection.Result.choices, widget=forms.RadioSelect
    )
    notes = _text(
        _("Notes"),
        rows=4,
        help_text=_("Required when the delivery does not conform: a nonconformity is raised with it."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
