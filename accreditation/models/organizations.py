"""Education organizations (EO) and their educational programmes (EP)."""

from django.db import models
from django.db.models import Func
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accreditation.places import known_names, search_key


class EducationLevel(models.TextChoices):
    SECONDARY = "secondary", _("Secondary education")
    TVET = "tvet", _("Technical and vocational education (TVET)")
    HIGHER = "higher", _("Higher education")
    POSTGRADUATE = "postgraduate", _("Postgraduate education")
    ADDITIONAL = "additional", _("Additional education")


class QfEheaLevel(models.TextChoices):
    """The QF-EHEA cycles DEQAR records for programmes and institutions."""

    SHORT = "short cycle", _("Short cycle")
    FIRST = "first cycle", _("First cycle")
    SECOND = "second cycle", _("Second cycle")
    THIRD = "third cycle", _("Third cycle")


# A small ISCED-F 2013 list (broad and narrow fields) as DEQAR records a programme's field of study.
ISCED_FIELDS = [
    ("0011", _("Basic programmes and qualifications")),
    ("0111", _("Education science")),
    ("0114", _("Teacher training with subject specialisation")),
    ("0211", _("Audio-visual techniques and media production")),
    ("0231", _("Language acquisition")),
    ("0232", _("Literature and linguistics")),
    ("0311", _("Economics")),
    ("0314", _("Sociology and cultural studies")),
    ("0411", _("Accounting and taxation")),
    ("0413", _("Management and administration")),
    ("0421", _("Law")),
    ("0511", _("Biology")),
    ("0533", _("Physics")),
    ("0541", _("Mathematics")),
    ("0613", _("Software and applications development and analysis")),
    ("0714", _("Electronics and automation")),
    ("0716", _("Motor vehicles, ships and aircraft")),
    ("0724", _("Mining and extraction")),
    ("0732", _("Building and civil engineering")),
    ("0811", _("Crop and livestock production")),
    ("0912", _("Medicine")),
    ("0913", _("Nursing and midwifery")),
    ("0916", _("Pharmacy")),
    ("1015", _("Travel, tourism and leisure")),
]


# The languages an organization's name is kept in besides the official name.
NAME_LANGUAGES = ("ru", "kk", "ky", "en")


class NullIfBlank(Func):
    """NULLIF(name, '') with the empty string written in the SQL, not passed as a parameter:
    the query's expression is then the index's, which SQLite (and PostgreSQL with server-side
    parameters) needs to read the order from the index."""

    function = "NULLIF"
    template = "%(function)s(%(expressions)s, '')"
    output_field = models.CharField()


def shown_name(language: str, path: str = ""):
    """The name lists show and sort by in a language: the name in it where known, the official
    name otherwise. ``path`` reaches the organization from another model ("organization__").
    Indexed in exactly this form (Organization.Meta.indexes), so the registry sorts by an index."""
    return Coalesce(NullIfBlank(f"{path}name_{language}"), f"{path}name")


def search_text_of(row) -> str:
    """The text the registry searches for a row: its names and codes, case-folded, one line."""
    return " ".join(str(getattr(row, name) or "").casefold() for name in row.SEARCHED_FIELDS).strip()


class Organization(models.Model):
    """An education organization (EO) that IAAR accredits; known by its IAAR ID number (§6.5.3)."""

    class Type(models.TextChoices):
        UNIVERSITY = "university", _("University")
        ACADEMY = "academy", _("Academy or institute")
        COLLEGE = "college", _("College")
        SCHOOL = "school", _("School")
        MEDICAL = "medical", _("Medical organization")
        OTHER = "other", _("Other provider")

    iaar_id = models.CharField(_("IAAR ID"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("official name"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    org_type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.UNIVERSITY)
    levels = models.JSONField(_("levels of education"), default=list, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="KZ", help_text=_("ISO 3166 code, e.g. KZ, KG")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    city_ru = models.CharField(_("city (Russian)"), max_length=120, blank=True)
    city_kk = models.CharField(_("city (Kazakh)"), max_length=120, blank=True)
    city_ky = models.CharField(_("city (Kyrgyz)"), max_length=120, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=120, blank=True)
    # Every name of the city, normalized, between bars: what a city typed in any script finds.
    city_search = models.CharField(max_length=600, editable=False, blank=True, default="")
    website = models.URLField(_("website"), blank=True)
    # DEQAR's vocabulary for an institution (identifiers, other names, dates).
    name_transliterated = models.CharField(_("name (transliteration)"), max_length=300, blank=True)
    eter_id = models.CharField(_("ETER ID"), max_length=20, blank=True, help_text=_("E.g. KZ0001."))
    national_id = models.CharField(_("national identifier"), max_length=40, blank=True)
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    closed_on = models.DateField(_("closure date"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    # Every name, the acronym and the ID in lower case: what the registry's search reads.
    search_text = models.TextField(editable=False, blank=True, default="")
    history = HistoricalRecords(excluded_fields=["search_text", "city_search"])

    SEARCHED_FIELDS = ("iaar_id", "acronym", "name", "name_ru", "name_kk", "name_ky", "name_en")

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "city"], name="organization_place"),
            # The registry's order by name: the official name, and in each language the name
            # in it where known (registry.selectors.shown_name, the same expression).
            models.Index(fields=["name", "id"], name="organization_sort"),
            *(
                models.Index(shown_name(language), "id", name=f"organization_sort_{language}")
                for language in NAME_LANGUAGES
            ),
        ]
        verbose_name = _("education organization")
        verbose_name_plural = _("education organizations")
        # Granted per organization to the people who represent it.
        permissions = [("represent_organization", _("Can act on behalf of the organization"))]

    def __str__(self) -> str:
        return self.localized_name

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text_of(self)
        self.fill_city_names()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "search_text",
                "city_search",
                *(f"city_{language}" for language in ("ru", "kk", "ky", "en")),
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:organization_detail", args=[self.pk])

    def fill_city_names(self) -> None:
        """The city's names in each language come from the gazetteer when it knows the city;
        names left from another known city (the city was changed) are replaced or cleared."""
        names = known_names(self.city)
        for language in ("ru", "kk", "ky", "en"):
            current = getattr(self, f"city_{language}")
            belongs_elsewhere = bool(current) and known_names(current) not in (None, names)
            if names and (not current or belongs_elsewhere or known_names(current) is None):
                setattr(self, f"city_{language}", names[language])
            elif not names and belongs_elsewhere:
                setattr(self, f"city_{language}", "")
        self.city_search = search_key(self.city, self.city_ru, self.city_kk, self.city_ky, self.city_en)

    @property
    def localized_city(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"city_{language}", "") or self.city

    @property
    def localized_name(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"name_{language}", "") or self.name

    @property
    def level_labels(self) -> list[str]:
        return [str(EducationLevel(code).label) for code in self.levels if code in EducationLevel.values]


class Programme(models.Model):
    """An educational programme (EP) of an organization, accredited in specialized accreditation."""

    class Level(models.TextChoices):
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        DOCTORAL = "doctoral", _("Doctoral (PhD)")
        RESIDENCY = "residency", _("Residency")
        INTERNSHIP = "internship", _("Internship")
        TVET = "tvet", _("TVET qualification")
        SECONDARY = "secondary", _("Secondary")
        ADDITIONAL = "additional", _("Additional education")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="programmes"
    )
    code = models.CharField(
        _("code"), max_length=30, help_text=_("The national classifier code, e.g. 6B01101.")
    )
    name = models.CharField(_("name"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    languages = models.JSONField(_("languages of instruction"), default=list, blank=True)
    # DEQAR's vocabulary for a programme.
    qf_ehea_level = models.CharField(
        _("QF-EHEA level"), max_length=20, choices=QfEheaLevel.choices, blank=True
    )
    nqf_level = models.CharField(_("NQF level"), max_length=20, blank=True)
    degree_outcome = models.BooleanField(_("leads to a full degree"), default=True)
    workload_ects = models.PositiveSmallIntegerField(_("workload (ECTS)"), null=True, blank=True)
    isced_field = models.CharField(
        _("field of study (ISCED-F 2013)"), max_length=4, choices=ISCED_FIELDS, blank=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    SEARCHED_FIELDS = ("code", "name", "name_ru", "name_kk", "name_ky", "name_en")

    class Meta:
        ordering = ["organization", "code"]
        verbose_name = _("educational programme")
        verbose_name_plural = _("educational programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="programme_code_unique_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.localized_name}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text_of(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_registry_url(self) -> str:
        return reverse("registry:programme", args=[self.pk])

    @property
    def localized_name(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"name_{language}", "") or self.name
