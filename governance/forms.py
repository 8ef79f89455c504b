from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Process, User
from core.roles import Role
from documents.forms import SignForm

from .models import Goal, Indicator, OrderLine, Strategy, StrategyVersion


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


class OrderForm(forms.Form):
    title = forms.CharField(label=_("Subject of the order"), max_length=300)
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OrderLineForm(forms.Form):
    """A clause: a person, a role or a process (its owner), and whether it gives or takes away.
    The list offers active people only; a person made inactive meanwhile is refused by the
    service with a message."""

    person = forms.ModelChoiceField(label=_("Full name"), queryset=None)
    subject = forms.ChoiceField(label=_("Role or process (owner)"))
    action = forms.ChoiceField(label=_("The clause"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.order_by("last_name", "first_name")
        self.fields["person"].widget.choices = [("", "—")] + [
            (u.pk, f"{u}{' · ' + u.localized_position if u.position else ''}")
            for u in User.objects.filter(is_active=True).order_by("last_name", "first_name")
        ]
        self.fields["subject"].choices = [
            ("", "—"),
            (_("Roles"), [(f"role:{r.value}", r.label) for r in Role]),
            (_("Process owner"), [(f"process:{p.pk}", str(p)) for p in Process.objects.all()]),
        ]
        self.fields["action"].choices = OrderLine.Action.choices
        self.fields["action"].initial = OrderLine.Action.GRANT

    def clean(self) -> dict:
        data = super().clean()
        kind, _sep, value = (data.get("subject") or "").partition(":")
        data["role"], data["process"] = "", None
        if kind == "role":
            data["role"] = value
        elif kind == "process":
            data["process"] = Process.objects.filter(pk=value).first()
            if data["process"] is None:
                raise forms.ValidationError(_("Choose one of the processes."))
        return data
