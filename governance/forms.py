from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Process, User
from core.roles import Role
from documents.forms import SignForm

from .models import Goal, Indicator, OrderLine, Strategy, StrategyVersion, Task


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
        help_texts = {
            "discussed_on": _(
                "Only for a discussion held before the portal kept the bodies' meetings: otherwise "
                "the body's decision on its agenda item records the discussion."
            )
        }


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


# The implementation plan (§4.4.1) --------------------------------------------------------------


class PlanCreateForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year of the plan"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]
        today = timezone.localdate().year
        if today in years:
            self.fields["year"].initial = today


class PlanItemForm(forms.Form):
    """An item of the plan; when it corrects an item, the reason is asked too."""

    task = forms.ModelChoiceField(label=_("Strategic task"), queryset=Task.objects.none())
    title = forms.CharField(label=_("Activity"), max_length=500)
    owner = forms.ModelChoiceField(label=_("Owner (responsible)"), queryset=None)
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False
    )
    expected_result = forms.CharField(
        label=_("Expected result"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, plan, owners, correcting: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = Task.objects.filter(
            goal__version=plan.strategy_version
        ).select_related("goal")
        self.fields["owner"].queryset = owners
        self.fields["indicator"].queryset = Indicator.objects.filter(goal__version=plan.strategy_version)
        self.fields["due_date"].help_text = _("Within %(year)s.") % {"year": plan.year}
        if correcting:
            self.fields["reason"] = forms.CharField(
                label=_("Reason for the correction"),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("The correction makes a new revision of the plan, kept with this reason."),
                error_messages={"required": _("Give the reason for the correction; nothing was changed.")},
            )


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 4}))
    percent = forms.IntegerField(
        label=_("% done"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("The percentage done must be between 0 and 100."),
            "max_value": _("The percentage done must be between 0 and 100."),
        },
        help_text=_("100% closes the item as done."),
    )
    evidence = forms.FileField(label=_("Evidence (file)"), required=False)
    evidence_url = forms.URLField(
        label=_("Evidence (link)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("A link to where the evidence is kept, if not uploaded."),
    )


class ItemCloseForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, reason_required: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if reason_required:
            field = self.fields["comment"]
            field.label = _("Reason")
            field.required = True
            field.error_messages["required"] = _("Say why the item is closed this way; nothing was changed.")


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
