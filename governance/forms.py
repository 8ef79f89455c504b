from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.forms import SignForm

from .models import Goal, Indicator, Strategy, StrategyVersion


class StrategyForm(forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["title", "period_start", "period_end", "is_public"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["period_start"].initial = year
        self.fields["period_end"].initial = year + 4


class VersionForm(forms.ModelForm):
    minutes = forms.FileField(label=_("Minutes of the discussion (optional)"), required=False)

    class Meta:
        model = StrategyVersion
        fields = ["mission", "vision", "values", "change_note", "discussed_on", "discussed_by"]
        widgets = {"discussed_on": forms.DateInput(attrs={"type": "date"})}


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=500)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline"]

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.years = years
        for year in years:
            self.fields[f"target_{year}"] = forms.DecimalField(
                label=_("Target for %(year)s") % {"year": year}, max_digits=12, decimal_places=2
            )

    def targets(self) -> dict[int, object]:
        return {year: self.cleaned_data.get(f"target_{year}") for year in self.years}


class ApproveForm(SignForm):
    pass
