from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Question, Survey, SurveyVersion
from .selectors import survey_organizations, survey_years
from .services.publishing import MAX_SUMMARY

LANGUAGE_LABELS = {"ru": _("in Russian"), "kk": _("in Kazakh"), "ky": _("in Kyrgyz")}
CHECK = {"class": "form-check-input"}


def _date(label) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _translated_fields(
    form: forms.Form, name: str, label, *, textarea: bool = False, max_length=None
) -> None:
    """``name_ru``, ``name_kk``, ``name_ky`` after the English field."""
    for code, language in LANGUAGE_LABELS.items():
        widget = forms.Textarea(attrs={"rows": 2}) if textarea else forms.TextInput()
        form.fields[f"{name}_{code}"] = forms.CharField(
            label=f"{label} ({language})", required=False, widget=widget, max_length=max_length
        )


def translations_of(data: dict, name: str) -> dict:
    return {code: data.get(f"{name}_{code}", "") for code in LANGUAGE_LABELS}


def translation_initial(name: str, values: dict | None) -> dict:
    return {f"{name}_{code}": (values or {}).get(code, "") for code in LANGUAGE_LABELS}


class SurveyForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"), max_length=50, help_text=_("A short name in Latin letters, e.g. employer-feedback.")
    )
    title = forms.CharField(label=_("Title (English)"), max_length=300)
    description = forms.CharField(
        label=_("Introduction (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    audience = forms.ChoiceField(label=_("Who answers"), choices=Survey.Audience.choices)
    anonymous = forms.BooleanField(
        label=_("Anonymous: no answer can be traced to the person who gave it"),
        required=False,
        widget=forms.CheckboxInput(CHECK),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        order = list(self.fields)
        _translated_fields(self, "title", _("Title"), max_length=300)
        _translated_fields(self, "description", _("Introduction"), textarea=True, max_length=5000)
        # English first, then its translations, then the rest.
        wanted = ["code", "title", "title_ru", "title_kk", "title_ky", "description"]
        wanted += ["description_ru", "description_kk", "description_ky"]
        self.order_fields(wanted + [n for n in order if n not in wanted])

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "code": data["code"],
            "title": data["title"],
            "audience": data["audience"],
            "anonymous": data["anonymous"],
            "description": data["description"],
            "title_translations": translations_of(data, "title"),
            "description_translations": translations_of(data, "description"),
        }


class SurveyEditForm(SurveyForm):
    is_active = forms.BooleanField(label=_("In use"), required=False, widget=forms.CheckboxInput(CHECK))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["code"]
        del self.fields["audience"]

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "title_translations": translations_of(data, "title"),
            "description_translations": translations_of(data, "description"),
            "is_active": data["is_active"],
            "anonymous": data["anonymous"],
        }

    @staticmethod
    def initial_for(survey: Survey) -> dict:
        return {
            "title": survey.title,
            "description": survey.description,
            "is_active": survey.is_active,
            "anonymous": survey.anonymous,
            **translation_initial("title", survey.title_translations),
            **translation_initial("description", survey.description_translations),
        }


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section title (English)"), max_length=300)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _translated_fields(self, "title", _("Section title"), max_length=300)

    def service_data(self) -> dict:
        return {
            "title": self.cleaned_data["title"],
            "title_translations": translations_of(self.cleaned_data, "title"),
        }


OPTIONS_HELP = _(
    "For one or several choices: one choice per line, as value | English | Russian | Kazakh | Kyrgyz, "
    "e.g. “online | Online | Онлайн | Онлайн | Онлайн”. Keep the values when you reword a choice."
)


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Question.Kind.choices)
    key = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_("Stays the same in every version, so answers can be compared across years."),
    )
    text = forms.CharField(
        label=_("Question (English)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    options = forms.CharField(
        label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 5}), help_text=OPTIONS_HELP
    )
    required = forms.BooleanField(
        label=_("An answer is required"), required=False, widget=forms.CheckboxInput(CHECK)
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _translated_fields(self, "text", _("Question"), textarea=True, max_length=2000)
        self.order_fields(["kind", "key", "text", "text_ru", "text_kk", "text_ky", "options", "required"])

    def clean_options(self) -> list[dict]:
        options = []
        for line in self.cleaned_data["options"].splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2:
                raise forms.ValidationError(
                    _("Write each choice as value | English label (then the translations).")
                )
            translations = dict(zip(("ru", "kk", "ky"), parts[2:5], strict=False))
            options.append({"value": parts[0], "label": parts[1], "translations": translations})
        return options

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "key": data["key"],
            "text": data["text"],
            "text_translations": translations_of(data, "text"),
            "options": data["options"],
            "required": data["required"],
        }

    @staticmethod
    def initial_for(question: Question) -> dict:
        lines = []
        for option in question.options:
            labels = [option["label"]] + [
                option.get("translations", {}).get(c, "") for c in ("ru", "kk", "ky")
            ]
            lines.append(" | ".join([option["value"], *labels]).rstrip(" |"))
        return {
            "kind": question.kind,
            "key": question.key,
            "text": question.text,
            "options": "\n".join(lines),
            "required": question.required,
            **translation_initial("text", question.text_translations),
        }


class PublishForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
        help_text=_("Campaigns opened from now on ask this version; the version in use so far retires."),
    )


class SurveyChoice(forms.ModelChoiceField):
    def label_from_instance(self, survey: Survey) -> str:
        return survey.localized_title


class CampaignForm(forms.Form):
    survey = SurveyChoice(label=_("Survey"), queryset=Survey.objects.none())
    title = forms.CharField(label=_("Title"), max_length=300)
    opens_on = _date(_("Opens on"))
    closes_on = _date(_("Closes on"))
    public_link = forms.BooleanField(
        label=_("Answered through one public link (and QR code) rather than personal invitations"),
        required=False,
        widget=forms.CheckboxInput(CHECK),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = Survey.objects.filter(
            is_active=True, versions__status=SurveyVersion.Status.PUBLISHED
        ).order_by("code")
        self.initial.setdefault("opens_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The campaign cannot close before it opens."))
        return data


class VisitCampaignForm(forms.Form):
    survey = SurveyChoice(label=_("Questionnaire"), queryset=Survey.objects.none())
    closes_on = _date(_("Closes on"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = Survey.objects.filter(
            is_active=True,
            audience__in=[Survey.Audience.STUDENT, Survey.Audience.TEACHING_STAFF],
            versions__status=SurveyVersion.Status.PUBLISHED,
        ).order_by("code")
        self.fields["closes_on"].help_text = _("Answers are taken until the end of this day.")


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_(
            "A person with a portal account under this address also sees the task on their dashboard."
        ),
    )


# --- Results and the public summary ---------------------------------------------------------


class ResultsFilter(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    organization = forms.TypedChoiceField(
        label=_("Organization"), required=False, coerce=int, empty_value=None
    )
    key = forms.ChoiceField(label=_("Question compared across years"), required=False)

    def __init__(self, data, *, survey: Survey, questions) -> None:
        super().__init__(data)
        self.fields["year"].choices = [("", _("Every year"))] + [(y, y) for y in survey_years(survey)]
        self.fields["organization"].choices = [("", _("Every organization"))] + [
            (o.pk, o.localized_name) for o in survey_organizations(survey)
        ]
        self.fields["key"].choices = [("", _("Every 1–5 question (mean)"))] + [
            (q.key, q.localized_text[:90]) for q in questions if q.kind == Question.Kind.LIKERT
        ]

    def chosen(self) -> dict:
        """The filters understood; one not understood is ignored, the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary for the public site"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_SUMMARY,
        help_text=_(
            "A few sentences in plain words. The key figures and charts are shown with it; free-text answers never are."
        ),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
