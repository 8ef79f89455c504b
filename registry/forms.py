"""The public registry's forms: the list's filters and the complaint anyone may send."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from accreditation.forms import AppealForm
from accreditation.models import AccreditationProject, EducationLevel

# What the registry says of a certificate (see selectors.public_status).
STATUS_CHOICES = [
    ("valid", _("Valid")),
    ("expired", _("Expired")),
    ("suspended", _("Suspended")),
    ("revoked", _("Revoked")),
]


class RegistryFilter(forms.Form):
    q = forms.CharField(
        label=_("Name, acronym, IAAR ID, programme or certificate number"), required=False, max_length=200
    )
    country = forms.RegexField(label=_("Country"), regex=r"^[A-Za-z]{2}$", required=False, max_length=2)
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any")), *AccreditationProject.Kind.choices]
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any")), *EducationLevel.choices]
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[
            ("", _("Any")),
            ("accredit", _("Accredit")),
            ("conditional", _("Accredit conditionally")),
            *[
                (
                    f"years-{n}",
                    ngettext_lazy("Accredit for %(n)s year", "Accredit for %(n)s years", "n") % {"n": n},
                )
                for n in (1, 3, 5, 7)
            ],
        ],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any")), *STATUS_CHOICES])
    year = forms.IntegerField(label=_("Year of decision"), required=False, min_value=2000, max_value=2100)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("-valid_until", _("Valid longest first")),
            ("valid_until", _("Expiring first")),
            ("-decided", _("Newest decisions first")),
        ],
    )


class ComplaintForm(AppealForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail"), help_text=_("The commission's answer is sent here."))
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # a trap for robots

    field_order = ["name", "email", "subject", "text"]


class DeqarReportForm(forms.Form):
    """A published report's fields in DEQAR's terms (its submission API's ``status`` and
    ``summary``); the links to the report are the formset below."""

    obligation = forms.ChoiceField(
        label=_("The accreditation was"),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        choices=[
            ("part of obligatory EQA system", _("part of the obligatory external quality assurance system")),
            ("voluntary", pgettext_lazy("DEQAR status", "voluntary")),
        ],
    )
    summary = forms.CharField(
        label=_("Summary of the report"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown with the report in DEQAR, in English, at most 5,000 characters."),
    )


class DeqarLinkForm(forms.Form):
    """One of DEQAR's ``report_links``: a page about the report on another site."""

    link = forms.URLField(
        label=_("Address (URL)"),
        required=False,
        max_length=255,
        assume_scheme="https",
        error_messages={"invalid": _("Give the full address of a web page, starting with https://.")},
    )
    link_display_name = forms.CharField(label=_("Display name"), required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("link_display_name") and not data.get("link") and "link" not in self.errors:
            self.add_error("link", _("Give the address the display name is for."))
        return data


DeqarLinkFormSet = forms.formset_factory(
    DeqarLinkForm, extra=2, can_delete=True, max_num=10, validate_max=True
)
