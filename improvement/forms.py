from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Nonconformity, Risk


class NonconformityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        help_text=_("Where and when it was found, and what requirement it breaks."),
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Nonconformity.Severity.choices)
    source = forms.ChoiceField(
        label=_("Source"),
        choices=Nonconformity.Source.choices,
        initial=Nonconformity.Source.INTERNAL_REPORT,
    )
    immediate_correction = forms.CharField(
        label=_("Immediate correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
        help_text=_("What was already done to contain it, if anything."),
    )

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
    from django.conf import settings

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
        from django.contrib.auth import get_user_model

        from core.models import Process

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
