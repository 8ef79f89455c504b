from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.forms import SignForm

from .models import Appraisal, PositionHolding, Training

DATE = {"type": "date"}


class AppraisalGoalsForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    goals = forms.CharField(
        label=_("Goals of the year"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class AppraisalSignForm(SignForm):
    result = forms.ChoiceField(label=_("Result"), choices=Appraisal.Result.choices)
    assessment = forms.CharField(
        label=_("How the goals were met"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    field_order = ["result", "assessment", "password"]


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300, required=False)
    title_kk = forms.CharField(label=_("Title (Kazakh)"), max_length=300, required=False)
    title_ky = forms.CharField(label=_("Title (Kyrgyz)"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Training.Kind.choices)
    audience = forms.ChoiceField(label=_("For"), choices=Training.Audience.choices)
    starts_on = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs=DATE))
    trainer = forms.CharField(label=_("Trainer"), max_length=300)
    check_after_days = forms.IntegerField(
        label=_("Effectiveness checked after (days)"), min_value=0, max_value=730, initial=90
    )


class AttendanceForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=get_user_model().objects.none())
    attended = forms.BooleanField(label=_("Attended"), required=False, initial=True)

    def __init__(self, *args, training: Training, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(is_active=True).exclude(attendances__training=training)
        if training.audience == Training.Audience.EXPERTS:
            people = people.filter(expert_profile__isnull=False)
        else:
            people = people.filter(
                pk__in=PositionHolding.objects.filter(until__isnull=True).values("person_id")
            )
        self.fields["person"].queryset = people.order_by("last_name", "first_name")


class CertificateForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("Issued"), widget=forms.DateInput(attrs=DATE))
    expires_on = forms.DateField(label=_("Expires"), widget=forms.DateInput(attrs=DATE), required=False)
    upload = forms.FileField(label=_("File of the certificate"))


class EffectivenessForm(forms.Form):
    effective = forms.TypedChoiceField(
        label=_("Was the training effective?"),
        choices=[("yes", _("Effective")), ("no", _("Not effective: a new training need is raised"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What shows it: the work done since, a test, an observation."),
    )


class EthicsAcceptForm(SignForm):
    pass
