from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Criterion, Process

from . import selectors
from .models import AuditorAssignment, ChecklistItem, Finding

TEXT = {"rows": 4}
CHECK = {"class": "form-check-input"}


def _date() -> forms.DateField:
    return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ProgrammeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    objectives = forms.CharField(
        label=_("Objectives"),
        widget=forms.Textarea(attrs=TEXT),
        required=False,
        max_length=10_000,
        help_text=_("What the year's audits should establish, and why these processes."),
    )


class ProgrammeEditForm(forms.Form):
    objectives = ProgrammeForm.base_fields["objectives"]


class CriterionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, criterion: Criterion) -> str:
        return f"{criterion.reference} {criterion.localized_title}"


class OneCriterion(forms.ModelChoiceField):
    def label_from_instance(self, criterion: Criterion) -> str:
        return f"{criterion.reference} {criterion.localized_title}"


class AuditPlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    scope = forms.CharField(
        label=_("Scope"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
        help_text=_("Departments, activities and period covered."),
    )
    processes = forms.ModelMultipleChoiceField(
        label=_("Processes audited"),
        queryset=Process.objects.none(),
        widget=forms.CheckboxSelectMultiple(CHECK),
    )
    criteria = CriterionChoice(
        label=_("Audit criteria"),
        queryset=Criterion.objects.none(),
        widget=forms.CheckboxSelectMultiple(CHECK),
    )
    starts_on = _date()
    ends_on = _date()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["processes"].queryset = Process.objects.order_by("group", "name")
        self.fields["criteria"].queryset = Criterion.objects.filter(active=True).order_by(
            "source", "position", "code"
        )
        self.fields["starts_on"].label = _("Starts")
        self.fields["ends_on"].label = _("Ends")

    def criteria_groups(self) -> list[tuple[str, list]]:
        """The criteria's checkboxes under the heading of their source (manual, ESG, ...)."""
        by_pk = {str(c.pk): c for c in self.fields["criteria"].queryset}
        labels = dict(Criterion.Source.choices)
        groups: dict[str, list] = {}
        for box in self["criteria"]:
            criterion = by_pk.get(str(box.data["value"]))
            source = criterion.source if criterion else ""
            groups.setdefault(source, []).append(box)
        order = list(labels)
        ranked = sorted(
            groups.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order)
        )
        return [(labels.get(source, source), boxes) for source, boxes in ranked]


class AuditorChoice(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        name = user.get_full_name() or user.get_username()
        return f"{name} · {_('auditor')}" if getattr(user, "is_auditor", False) else name


class TeamForm(forms.Form):
    auditor = AuditorChoice(label=_("Person"), queryset=None)
    role = forms.ChoiceField(
        label=_("Role in the group"), choices=AuditorAssignment.Role.choices, initial="member"
    )
    conflict_reason = forms.CharField(
        label=_("Reason to go ahead"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5_000,
        help_text=_(
            "Needed only when the person owns a process in this audit's scope: auditors do not "
            "audit their own work."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["auditor"].queryset = selectors.auditor_candidates()


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Typing your password again signs electronically."),
        strip=False,
    )


class OrderSignForm(PasswordForm):
    order_number = forms.CharField(
        label=_("Order number"),
        max_length=40,
        required=False,
        help_text=_("Leave empty to number it after the audit."),
    )
    field_order = ["order_number", "password"]


class ChecklistAddForm(forms.Form):
    question = forms.CharField(
        label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000
    )


class ChecklistAnswerForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Result"),
        choices=[c for c in ChecklistItem.Result.choices if c[0] != ChecklistItem.Result.OPEN],
        widget=forms.RadioSelect(CHECK),
    )
    note = forms.CharField(
        label=_("Notes and evidence seen"),
        widget=forms.Textarea(attrs=TEXT),
        required=False,
        max_length=10_000,
    )


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Finding.Kind.choices)
    process = forms.ModelChoiceField(label=_("Process"), queryset=Process.objects.none())
    criterion = OneCriterion(label=_("Criterion"), queryset=Criterion.objects.none(), required=False)
    statement = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs=TEXT), max_length=10_000)
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs=TEXT),
        max_length=10_000,
        help_text=_("What was seen, read or heard that shows it: records, documents, interviews."),
    )
    checklist_item = forms.ModelChoiceField(
        queryset=ChecklistItem.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, audit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = audit.processes.order_by("group", "name")
        self.fields["criterion"].queryset = audit.criteria.order_by("source", "position", "code")
        self.fields["checklist_item"].queryset = audit.checklist.all()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What the working group should change"), widget=forms.Textarea(attrs=TEXT), max_length=10_000
    )


class ReportForm(forms.Form):
    analysis = forms.CharField(
        label=_("Analysis of the key processes"), widget=forms.Textarea(attrs={"rows": 10}), max_length=50_000
    )
    conclusion = forms.CharField(
        label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=20_000
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs=TEXT), max_length=10_000)
    document = forms.ModelChoiceField(label=_("Document it would change"), queryset=None, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = selectors.documents_for_revision()


class RecommendationOrderForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Document to change"), queryset=None)
    due_on = _date()
    reason = forms.CharField(
        label=_("What to change and why"), widget=forms.Textarea(attrs=TEXT), max_length=10_000
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = selectors.documents_for_revision()
        self.fields["due_on"].label = _("Revise by")
        self.order_fields(["document", "due_on", "reason"])
