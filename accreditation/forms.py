from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import AccreditationProject, EducationLevel, Organization, Programme

INSTRUCTION_LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English")), ("ky", _("Kyrgyz"))]


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Official name"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300, required=False)
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300, required=False)
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
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class ProgrammeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=30, help_text=_("The national classifier code, e.g. 6B01101.")
    )
    name = forms.CharField(label=_("Name"), max_length=300)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300, required=False)
    name_kk = forms.CharField(label=_("Name (Kazakh)"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Programme.Level.choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages of instruction"),
        choices=INSTRUCTION_LANGUAGES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
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
        self.fields["programmes"].queryset = Programme.objects.filter(
            organization__in=organizations
        ).select_related("organization")
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
