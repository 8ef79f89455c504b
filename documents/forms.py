from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Department, Process
from core.roles import Role

from .models import Document, DocumentVersion, ExternalCheck, ExternalDocument, RecordClass, ReviewStep


def staff_people():
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj} — {obj.localized_position}" if obj.position else str(obj)


class RegisterFilterForm(forms.Form):
    SORTS = [
        ("code", _("Code")),
        ("title", _("Title")),
        ("-updated_at", _("Recently changed")),
        ("next_review_date", _("Next review")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    doc_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Document.Type.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Document.Status.choices]
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"), required=False, queryset=staff_people(), empty_label=_("All owners")
    )
    due = forms.BooleanField(label=_("Due for review"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORTS)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"].strip(),
            "doc_type": data["doc_type"],
            "status": data["status"],
            "owner": data["owner"].pk if data["owner"] else "",
            "due_for_review": data["due"],
            "sort": data["sort"] or "code",
        }


class DocumentMetaForm(forms.ModelForm):
    readers = PersonChoiceField(
        label=_("Named readers"),
        queryset=staff_people(),
        required=False,
        help_text=_("Only for restricted documents: the people allowed to read it."),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = Document
        fields = [
            "title",
            "title_ru",
            "title_kk",
            "title_ky",
            "owner",
            "department",
            "process",
            "confidentiality",
            "review_interval_months",
            "retention_years",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()
        self.fields["department"].queryset = Department.objects.all()
        self.fields["process"].queryset = Process.objects.all()
        self.fields["review_interval_months"].min_value = 1
        self.fields["review_interval_months"].widget.attrs["min"] = 1

    def clean_review_interval_months(self) -> int:
        value = self.cleaned_data["review_interval_months"]
        if not 1 <= value <= 120:
            raise forms.ValidationError(_("Give an interval from 1 to 120 months."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("confidentiality") == Document.Confidentiality.RESTRICTED and not data.get("readers"):
            self.add_error("readers", _("A restricted document needs at least one named reader."))
        return data


class DocumentCreateForm(DocumentMetaForm):
    doc_type = forms.ChoiceField(label=_("Type"), choices=Document.Type.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, XLSX, PPTX, ODT, ODS or plain text."))
    change_summary = forms.CharField(
        label=_("What this version is"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    class Meta(DocumentMetaForm.Meta):
        fields = ["doc_type", *DocumentMetaForm.Meta.fields]


class VersionForm(forms.Form):
    file = forms.FileField(label=_("File"))
    change_summary = forms.CharField(
        label=_("What changed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    major = forms.BooleanField(label=_("Major change (new edition: 2.0 instead of 1.1)"), required=False)


class ReplaceFileForm(forms.Form):
    file = forms.FileField(label=_("Corrected file"))


class SubmitForm(forms.Form):
    reviewers = PersonChoiceField(
        label=_("Reviewers who must agree"),
        queryset=staff_people(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    mode = forms.ChoiceField(
        label=_("Order of review"),
        choices=DocumentVersion.ReviewMode.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    peer_reviewers = PersonChoiceField(
        label=_("Peer reviewers (standards and guidelines, §6.3)"),
        queryset=staff_people(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    comment = forms.CharField(
        label=_("Note to reviewers"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, version: DocumentVersion, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mode"].initial = DocumentVersion.ReviewMode.PARALLEL
        people = staff_people().exclude(pk=version.created_by_id)
        self.fields["reviewers"].queryset = people
        self.fields["peer_reviewers"].queryset = people
        if not version.document.follows_design_route:
            del self.fields["peer_reviewers"]


class SignForm(forms.Form):
    password = forms.CharField(
        label=_("Your password (electronic signature)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Re-enter your password to sign."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ReviewStep.Decision.AGREED, _("Agree")),
            (ReviewStep.Decision.RETURNED, _("Return with comments")),
        ],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    password = forms.CharField(
        label=_("Your password (needed to agree)"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ApproveForm(SignForm):
    effective_from = forms.DateField(
        label=_("Effective from"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    ack_groups = forms.ModelMultipleChoiceField(
        label=_("Roles who must read it"),
        queryset=Group.objects.filter(name__in=[r.value for r in Role]).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    ack_departments = forms.ModelMultipleChoiceField(
        label=_("Departments who must read it"),
        queryset=Department.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    ack_users = PersonChoiceField(
        label=_("Other people who must read it"),
        queryset=staff_people(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    ack_days = forms.IntegerField(label=_("Days to acknowledge"), min_value=1, max_value=90, initial=14)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ack_groups"].label_from_instance = lambda g: str(Role(g.name).label)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must change"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ReasonForm(forms.Form):
    comment = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class PeriodicReviewForm(SignForm):
    comment = forms.CharField(
        label=_("Review notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DistributionForm(forms.Form):
    recipients = PersonChoiceField(
        label=_("Staff receiving a copy"),
        queryset=staff_people(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    external = forms.CharField(label=_("Outside recipient"), required=False, max_length=300)
    copies = forms.IntegerField(label=_("Copies each"), min_value=1, max_value=100, initial=1)


class RecordForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    template_version = forms.ModelChoiceField(
        label=_("Form used"),
        queryset=DocumentVersion.objects.filter(
            status=DocumentVersion.Status.EFFECTIVE, document__doc_type=Document.Type.FORM
        ).select_related("document"),
    )
    process = forms.ModelChoiceField(label=_("Process it evidences"), queryset=Process.objects.all())
    record_class = forms.ModelChoiceField(
        label=_("Class of the file nomenclature"),
        queryset=RecordClass.objects.all(),
        help_text=_("Says how long the record is kept."),
    )
    file = forms.FileField(label=_("File"))


class DiffForm(forms.Form):
    a = forms.IntegerField()
    b = forms.IntegerField()


# ---- External documents (§3.1) ----


class ExternalFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Current editions")), *ExternalDocument.Status.choices, ("all", _("All editions"))],
    )
    process = forms.ModelChoiceField(
        label=_("Process"), required=False, queryset=Process.objects.all(), empty_label=_("All processes")
    )
    due = forms.BooleanField(label=_("Check due"), required=False)


class ExternalDocumentForm(forms.ModelForm):
    processes = forms.ModelMultipleChoiceField(
        label=_("Processes that rely on it"),
        queryset=Process.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Internal documents that rely on it"),
        queryset=Document.objects.exclude(status=Document.Status.ARCHIVED),
        required=False,
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=staff_people())
    url = forms.URLField(
        label=_("Where it is published"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = ExternalDocument
        fields = [
            "title",
            "title_ru",
            "title_kk",
            "title_ky",
            "issuer",
            "number",
            "edition",
            "edition_date",
            "url",
            "owner",
            "check_interval_months",
            "processes",
            "documents",
        ]
        widgets = {"edition_date": forms.DateInput(attrs={"type": "date"})}


class ExternalCheckForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What the check found"), choices=ExternalCheck.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    edition = forms.CharField(label=_("New edition"), required=False, max_length=100)
    edition_date = forms.DateField(
        label=_("Date of the new edition"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    number = forms.CharField(label=_("Number of the new edition"), required=False, max_length=100)
    url = forms.URLField(
        label=_("Where the new edition is published"), required=False, max_length=500, assume_scheme="https"
    )

    def edition_data(self) -> dict:
        data = self.cleaned_data
        return {k: data.get(k) for k in ("edition", "edition_date", "number", "url")}


# ---- Records retention (§3.2.2) ----


class RecordClassForm(forms.ModelForm):
    class Meta:
        model = RecordClass
        fields = ["code", "title", "title_ru", "title_kk", "title_ky", "retention_years", "process"]


class RecordClassChoiceForm(forms.Form):
    record_class = forms.ModelChoiceField(
        label=_("Class of the file nomenclature"), queryset=RecordClass.objects.all()
    )


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the legal hold"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RecordChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class ProposeDestructionForm(forms.Form):
    records = RecordChoiceField(
        label=_("Records to destroy"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    basis = forms.CharField(label=_("Basis"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, due, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Held records are listed too: the service refuses them with its reason.
        self.fields["records"].queryset = due


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SignActForm(SignForm):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
