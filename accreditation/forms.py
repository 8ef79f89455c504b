from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.permissions import people_with_perm

from .models import (
    ISCED_FIELDS,
    AccreditationProject,
    Appeal,
    Certificate,
    CommissionEvaluation,
    CommissionMember,
    EducationLevel,
    Expert,
    Organization,
    Outcome,
    Programme,
    QfEheaLevel,
    Score,
    StandardSet,
    VisitSession,
)

INSTRUCTION_LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English")), ("ky", _("Kyrgyz"))]


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Official name"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300, required=False)
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300, required=False)
    name_ky = forms.CharField(label=_("Name (Kyrgyz)"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    org_type = forms.ChoiceField(label=_("Type"), choices=Organization.Type.choices)
    levels = forms.MultipleChoiceField(
        label=_("Levels of education"),
        choices=EducationLevel.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    country = forms.RegexField(
        label=_("Country"),
        regex=r"^[A-Za-z]{2}$",
        initial="KZ",
        max_length=2,
        help_text=_("Two-letter ISO code, e.g. KZ, KG, UZ."),
        error_messages={"invalid": _("Give the two-letter country code, e.g. KZ.")},
    )
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    city_ru = forms.CharField(
        label=_("City (Russian)"),
        max_length=120,
        required=False,
        help_text=_("Filled in from the list of known cities when left empty."),
    )
    city_kk = forms.CharField(label=_("City (Kazakh)"), max_length=120, required=False)
    city_ky = forms.CharField(label=_("City (Kyrgyz)"), max_length=120, required=False)
    city_en = forms.CharField(label=_("City (English)"), max_length=120, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    name_transliterated = forms.CharField(label=_("Name (transliteration)"), max_length=300, required=False)
    eter_id = forms.RegexField(
        label=_("ETER ID"),
        regex=r"^[A-Z]{2}[0-9]{4}$",
        max_length=20,
        required=False,
        help_text=_("The institution's code in ETER, e.g. KZ0001."),
        error_messages={
            "invalid": _("Give the ETER code: two capital letters and four digits, e.g. KZ0001.")
        },
    )
    national_id = forms.CharField(label=_("National identifier"), max_length=40, required=False)
    founded_on = forms.DateField(label=_("Founding date"), required=False, widget=DATE_INPUT)
    closed_on = forms.DateField(label=_("Closure date"), required=False, widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        founded, closed = data.get("founded_on"), data.get("closed_on")
        if founded and closed and closed < founded:
            self.add_error("closed_on", _("The closure date cannot be before the founding date."))
        return data

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class ProgrammeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=30, help_text=_("The national classifier code, e.g. 6B01101.")
    )
    name = forms.CharField(label=_("Name"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300, required=False)
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300, required=False)
    name_ky = forms.CharField(label=_("Name (Kyrgyz)"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Programme.Level.choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages of instruction"),
        choices=INSTRUCTION_LANGUAGES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    qf_ehea_level = forms.ChoiceField(
        label=_("QF-EHEA level"), choices=[("", "—"), *QfEheaLevel.choices], required=False
    )
    nqf_level = forms.CharField(label=_("NQF level"), max_length=20, required=False)
    degree_outcome = forms.BooleanField(label=_("Leads to a full degree"), required=False, initial=True)
    workload_ects = forms.IntegerField(label=_("Workload (ECTS)"), min_value=1, max_value=600, required=False)
    isced_field = forms.ChoiceField(
        label=_("Field of study (ISCED-F 2013)"),
        choices=[("", "—"), *((code, f"{code} {name}") for code, name in ISCED_FIELDS)],
        required=False,
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()


class RepresentativeForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Person"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name"),
        help_text=_("They will see this organization and apply for its accreditation."),
    )


class ApplicationForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    kind = forms.ChoiceField(label=_("Kind of accreditation"), choices=AccreditationProject.Kind.choices)
    level = forms.ChoiceField(label=_("Level of education"), choices=EducationLevel.choices)
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes (for programme accreditation)"),
        queryset=Programme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    note = forms.CharField(
        label=_("Anything the agency should know"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["programmes"].queryset = (
            Programme.objects.filter(organization__in=organizations)
            .select_related("organization")
            .order_by("organization__name", "code")
        )
        if organizations.count() > 1:
            # Programmes of several organizations: each says whose it is (names repeat).
            self.fields["programmes"].label_from_instance = lambda p: (
                f"{p} — {p.organization.acronym or p.organization.localized_name}"
            )
        first = organizations.first()
        if first is not None:
            # Start from what the organization teaches; the applicant can change it.
            self.fields["organization"].initial = first
            self.fields["level"].initial = next(iter(first.levels), EducationLevel.HIGHER)


class ThresholdForm(forms.Form):
    reasons = forms.CharField(
        label=_("Conclusion"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when a requirement is not met: the organization reads it."),
    )

    def __init__(self, *args, checklist, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code, label in checklist:
            self.fields[f"item_{code}"] = forms.BooleanField(label=label, required=False)
        self.order_fields([f"item_{code}" for code, _label in checklist] + ["reasons"])
        self.codes = [code for code, _label in checklist]

    def items(self) -> dict[str, bool]:
        return {code: bool(self.cleaned_data.get(f"item_{code}")) for code in self.codes}


class ContractForm(forms.Form):
    number = forms.CharField(label=_("Contract number"), max_length=40)
    cost = forms.DecimalField(label=_("Cost"), min_value=Decimal("0.01"), max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=[("KZT", "KZT"), ("KGS", "KGS"), ("UZS", "UZS"), ("USD", "USD"), ("EUR", "EUR")],
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("signed_on") and data.get("valid_until") and data["valid_until"] <= data["signed_on"]:
            self.add_error("valid_until", _("The contract must end after the day it is signed."))
        return data


class MoveForm(forms.Form):
    target = forms.CharField(max_length=40)
    comment = forms.CharField(required=False, max_length=5000)


class SelfAssessmentForm(forms.Form):
    file = forms.FileField(
        label=_("Self-assessment report"), help_text=_("PDF or DOCX, one file with its annexes.")
    )


class SelfAssessmentReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("conforming", _("Conforms to the standards")), ("returned", _("Return: does not conform"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    comments = forms.CharField(
        label=_("Comments to the organization"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# --- The lifecycle after the self-assessment -------------------------------------------------


DATE = {"type": "date"}


class AssignForm(forms.Form):
    coordinator = forms.ModelChoiceField(label=_("Coordinator"), queryset=get_user_model().objects.none())
    standard_set = forms.ModelChoiceField(
        label=_("Standards applied"), queryset=StandardSet.objects.filter(is_current=True), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = (
            people_with_perm("accreditation.coordinate_project")
            .order_by("last_name", "first_name")
            .exclude(groups__name="project_manager")
        )


class ExpertForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Person"),
        queryset=get_user_model()
        .objects.filter(is_active=True, expert_profile__isnull=True)
        .order_by("last_name"),
        help_text=_("The expert's portal account; they will sign in to score and report."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Expert.Category.choices)
    field = forms.CharField(label=_("Field of expertise"), max_length=200)
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=INSTRUCTION_LANGUAGES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    country = forms.RegexField(
        label=_("Country"),
        regex=r"^[A-Za-z]{2}$",
        initial="KZ",
        max_length=2,
        error_messages={"invalid": _("Give the two-letter country code, e.g. KZ.")},
    )
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    employer = forms.CharField(label=_("Employer or place of study"), max_length=300, required=False)
    affiliations = forms.ModelMultipleChoiceField(
        label=_("Declared affiliations"),
        queryset=Organization.objects.order_by("name"),
        required=False,
        help_text=_("Organizations the expert works or studies at, or has worked with."),
    )
    ethics_accepted_on = forms.DateField(
        label=_("Code of ethics accepted on"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    is_active = forms.BooleanField(label=_("Active in the pool"), required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["user"]

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Training"), max_length=300)
    completed_on = forms.DateField(label=_("Completed on"), widget=forms.DateInput(attrs=DATE))
    certificate = forms.FileField(label=_("Certificate (PDF)"), required=False)


class MemberForm(forms.Form):
    expert = forms.ModelChoiceField(
        label=_("Expert"), queryset=Expert.objects.filter(is_active=True).select_related("user")
    )
    role = forms.ChoiceField(label=_("Role"), choices=CommissionMember.Role.choices, initial="member")
    conflict_note = forms.CharField(
        label=_("If the system warns of a conflict: why the expert may still serve"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, project=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if project is not None:
            seated = project.members.filter(is_active=True).values("expert")
            self.fields["expert"].queryset = self.fields["expert"].queryset.exclude(pk__in=seated)
            self.fields["expert"].label_from_instance = lambda e: (
                f"{e.user} · {e.get_category_display()} · {e.field} · {e.city}"
            )


class RespondForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("agree", _("We agree the composition")), ("object", _("We object"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    reasons = forms.CharField(
        label=_("Reasons for the objection"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VisitForm(forms.Form):
    starts_on = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs=DATE))

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The visit must end on or after its first day."))
        return data


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=VisitSession.Kind.choices)
    title = forms.CharField(label=_("With whom, about what"), max_length=300)
    attendees = forms.CharField(
        label=_("Attendees"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"))


class EvaluationForm(forms.Form):
    comments = forms.CharField(
        label=_("Comments"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scale = [(str(n), str(n)) for n in range(5, 0, -1)]
        for code, label in CommissionEvaluation.ASPECTS:
            self.fields[f"rate_{code}"] = forms.TypedChoiceField(
                label=label,
                choices=scale,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
        self.order_fields([f"rate_{code}" for code, _label in CommissionEvaluation.ASPECTS] + ["comments"])

    def ratings(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"rate_{code}"] for code, _label in CommissionEvaluation.ASPECTS}


class ScoresForm(forms.Form):
    """One select per criterion on IAAR's scale; blanks are allowed until the chair consolidates."""

    def __init__(self, *args, criteria, initial_scores: dict, required: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *Score.choices]
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.code} {criterion.text}",
                choices=choices,
                required=required,
                initial=initial_scores.get(criterion.pk, ""),
            )

    def rows(self):
        return [(c, self[f"c{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, str]:
        return {
            c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria if self.cleaned_data.get(f"c{c.pk}")
        }


class ReportForm(forms.Form):
    strengths = forms.CharField(
        label=_("Strengths"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    recommendations_eo = forms.CharField(
        label=_("Recommendations to the organization"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recommendations_council = forms.CharField(
        label=_("Recommendations to the council"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    recommended_outcome = forms.ChoiceField(
        label=_("Recommended decision"),
        choices=[(o.value, o.label) for o in (Outcome.ACCREDIT, Outcome.CONDITIONAL, Outcome.REFUSE)],
    )
    recommended_years = forms.TypedChoiceField(
        label=_("Recommended term (years)"),
        choices=[("", "—"), ("1", "1"), ("3", "3"), ("5", "5"), ("7", "7")],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("recommended_outcome") == Outcome.ACCREDIT and not data.get("recommended_years"):
            self.add_error("recommended_years", _("Recommend a term in years for accreditation."))
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("conforming", _("Meets IAAR's requirements")), ("returned", _("Return to the commission"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    comments = forms.CharField(
        label=_("Comments"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MeetingForm(forms.Form):
    number = forms.CharField(label=_("Meeting number"), max_length=30)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    members = forms.ModelMultipleChoiceField(
        label=_("Council members invited"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people_with_perm("accreditation.vote_in_council").order_by(
            "last_name", "first_name"
        )


class AgendaForm(forms.Form):
    project = forms.ModelChoiceField(label=_("Project"), queryset=AccreditationProject.objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = AccreditationProject.objects.filter(
            status__in=(AccreditationProject.Status.COUNCIL, AccreditationProject.Status.POST_MONITORING)
        ).select_related("organization")


class VoteForm(forms.Form):
    choice = forms.CharField(max_length=20)


class RecuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), max_length=50000, widget=forms.Textarea(attrs={"rows": 8}))


class SignForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Your password again: this is your electronic signature."),
    )


class ReissueForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Certificate.ReissueReason.choices)
    note = forms.CharField(
        label=_("What is corrected"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AppealForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = forms.CharField(label=_("Grounds"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6}))


class AppealDecisionForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Outcome"),
        choices=Appeal.Result.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    reasons = forms.CharField(label=_("Reasons"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))


class MonitoringUploadForm(forms.Form):
    file = forms.FileField(label=_("Monitoring report"), help_text=_("PDF or DOCX."))


class MonitoringReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accepted", _("Accept")), ("returned", _("Return for correction"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    comments = forms.CharField(
        label=_("Comments"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AmendmentForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=forms.DateInput(attrs={"type": "date"}))
    summary = forms.CharField(
        label=_("What changed"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    new_cost = forms.DecimalField(
        label=_("New cost"), min_value=Decimal("0.01"), max_digits=14, decimal_places=2, required=False
    )
    new_valid_until = forms.DateField(
        label=_("New end of term"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
