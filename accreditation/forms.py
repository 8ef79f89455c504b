from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import EducationLevel, Organization, Programme

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
