"""The forms of the reporting part: the management review's plan, meeting, decisions, order and
closing; the KPI and satisfaction targets; "make the KPI report now". They parse; the services
hold the rules."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from improvement.forms import date_field, staff_people, text_field
from improvement.models import KpiReport, ManagementReview, ReviewDecision
from surveys.selectors import index_surveys

from .selectors import kpis
from .selectors.kpi_reports import FIRST_YEAR

# The management review -----------------------------------------------------------------------


class PlanForm(forms.Form):
    period_start = date_field(gettext_lazy("Period from"))
    period_end = date_field(gettext_lazy("Period to"))
    planned_on = date_field(gettext_lazy("Planned date of the meeting"))
    chair = forms.ModelChoiceField(label=gettext_lazy("Chair"), queryset=None, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = staff_people()


class EditForm(forms.Form):
    planned_on = PlanForm.base_fields["planned_on"]
    chair = forms.ModelChoiceField(label=gettext_lazy("Chair"), queryset=None, required=False)
    other_inputs = text_field(
        gettext_lazy("Other inputs"),
        required=False,
        rows=5,
        help_text=ManagementReview._meta.get_field("other_inputs").help_text,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = staff_people()


class HoldForm(forms.Form):
    held_on = date_field(gettext_lazy("Held on"))
    chair = forms.ModelChoiceField(label=gettext_lazy("Chair"), queryset=None, required=False)
    participants = text_field(gettext_lazy("Participants"), rows=3)
    conclusions = text_field(
        gettext_lazy("Conclusions"),
        rows=8,
        help_text=gettext_lazy(
            "The outputs of §4.6.3: the effectiveness of the IQAS and its processes, services for "
            "stakeholders' requirements, the strategy and its plan, support to working groups, "
            "resource needs."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = staff_people()


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("About"), choices=ReviewDecision.Kind.choices)
    text = text_field(gettext_lazy("Decision"), rows=3)
    owner = forms.ModelChoiceField(label=gettext_lazy("Owner"), queryset=None)
    due_on = date_field(gettext_lazy("Due"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()


class SubmitForm(forms.Form):
    order_number = forms.CharField(
        label=gettext_lazy("Order number"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Leave empty to number it after the review."),
    )
    order_text = text_field(
        gettext_lazy("Text of the order"),
        required=False,
        rows=4,
        help_text=gettext_lazy("Leave empty for the usual wording."),
    )


class SignForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy("Typing your password again signs electronically."),
        strip=False,
    )


class ReasonForm(forms.Form):
    reason = text_field(gettext_lazy("What must change?"), rows=3)


class CloseForm(forms.Form):
    carry_over = forms.BooleanField(
        label=gettext_lazy("Carry the open decisions over to the next review"), required=False
    )


# KPIs ----------------------------------------------------------------------------------------


class TargetsForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for indicator in kpis.INDICATORS:
            self.fields[indicator.code] = forms.DecimalField(
                label=indicator.title, min_value=0, max_value=100, decimal_places=1, required=False
            )
        # The lowest satisfaction index of each survey that has one (surveys, §7.4).
        self.surveys = {f"sat-{survey.code}": survey for survey in index_surveys()}
        for name, survey in self.surveys.items():
            self.fields[name] = forms.DecimalField(
                label=survey.localized_title, min_value=0, max_value=100, decimal_places=1, required=False
            )


class MakeForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=KpiReport.Kind.choices)
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=FIRST_YEAR, max_value=2100)
    month = forms.IntegerField(
        label=gettext_lazy("Month"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=gettext_lazy("For a monthly report."),
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == KpiReport.Kind.MONTHLY and not data.get("month"):
            self.add_error("month", _("Choose the month of a monthly report."))
        return data

    def period_start(self) -> datetime.date:
        data = self.cleaned_data
        month = data["month"] if data["kind"] == KpiReport.Kind.MONTHLY else 1
        return datetime.date(data["year"], month, 1)


# The yearly reports outward -------------------------------------------------------------------


class OutwardPrepareForm(forms.Form):
    """Which yearly report to prepare: to the Supervisory Board, or to one country's authority."""

    BOARD = "board"

    to = forms.ChoiceField(label=gettext_lazy("To"))
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)

    def __init__(self, *args, addressees: list[tuple[str, str]], years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(self.BOARD, _("Supervisory Board of IAAR"))] + [
            (country, f"{name} ({country})") for country, name in addressees
        ]
        self.fields["year"].choices = [(year, year) for year in years]

    def kind_and_country(self) -> tuple[str, str]:
        to = self.cleaned_data["to"]
        return ("board", "") if to == self.BOARD else ("authority", to)
