from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Nonconformity


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
