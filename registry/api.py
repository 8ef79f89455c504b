"""The open registry API (/api/v1/), read-only and without authentication.

Field names follow DEQAR's vocabulary where it has one (institution, programme, report,
agency_activity, decision, valid_from, valid_to, files) so recognition bodies can map our data.
Only what the public registry shows is served.
"""

import datetime

import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets
from rest_framework.exceptions import Throttled
from rest_framework.response import Response

from accreditation.models import (
    AccreditationProject,
    Certificate,
    EducationLevel,
    Organization,
    Outcome,
    Programme,
    Publication,
)
from accreditation.places import lookup_key
from core.access import PUBLIC
from core.ratelimit import over_limit

from . import cache, deqar, selectors
from .api_export import ExportMixin
from .api_schema import (
    FORMATS,
    Pagination,
    StrictFilterSet,
    integer_filter,
    refuse_bad_page,
    refuse_unknown_format,
    text_filter,
)
from .forms import STATUS_CHOICES


class InstitutionSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="iaar_id")
    name_official = serializers.CharField(source="name")
    name_english = serializers.CharField(source="name_en")
    name_russian = serializers.CharField(source="name_ru")
    name_kazakh = serializers.CharField(source="name_kk")
    name_kyrgyz = serializers.CharField(source="name_ky")
    country = serializers.CharField()
    registry_url = serializers.SerializerMethodField()
    eter_id = serializers.CharField()
    identifiers = serializers.SerializerMethodField()
    names = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    qf_ehea_levels = serializers.SerializerMethodField()
    organization_type = serializers.CharField(source="org_type")
    founding_date = serializers.DateField(source="founded_on", allow_null=True)
    closure_date = serializers.DateField(source="closed_on", allow_null=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "name_official",
            "name_english",
            "name_russian",
            "name_kazakh",
            "name_kyrgyz",
            "acronym",
            "country",
            "city",
            "website",
            "registry_url",
            "eter_id",
            "identifiers",
            "names",
            "countries",
            "qf_ehea_levels",
            "organization_type",
            "founding_date",
            "closure_date",
        ]

    def get_identifiers(self, obj) -> list[dict[str, str]]:
        return deqar.institution_identifiers(obj)

    def get_names(self, obj) -> list[dict[str, str | None]]:
        return deqar.institution_names(obj)

    def get_countries(self, obj) -> list[dict[str, str]]:
        return [{"country": obj.country, "city": obj.city}]

    def get_qf_ehea_levels(self, obj) -> list[str]:
        return deqar.institution_qf_levels(obj)

    def get_registry_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("registry:organization", args=[obj.iaar_id])
        )


class ProgrammeSerializer(serializers.ModelSerializer):
    institution = serializers.CharField(source="organization.iaar_id")
    name_primary = serializers.CharField(source="name")
    names = serializers.SerializerMethodField()
    qf_ehea_level = serializers.SerializerMethodField()
    degree_outcome = serializers.BooleanField()
    workload_ects = serializers.IntegerField(allow_null=True)
    field_study = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = [
            "id",
            "institution",
            "code",
            "name_primary",
            "name_en",
            "names",
            "level",
            "languages",
            "qf_ehea_level",
            "nqf_level",
            "degree_outcome",
            "workload_ects",
            "field_study",
        ]

    def get_names(self, obj) -> list[dict[str, str]]:
        return deqar.programme_names(obj)

    def get_qf_ehea_level(self, obj) -> str:
        return deqar.programme_qf_level(obj)

    def get_field_study(self, obj) -> dict[str, str] | None:
        if not obj.isced_field:
            return None
        return {"code": obj.isced_field, "name": str(obj.get_isced_field_display())}


class CertificateSerializer(serializers.ModelSerializer):
    institution = serializers.CharField(source="organization.iaar_id")
    programme = serializers.CharField(source="programme.code", allow_null=True, default=None)
    agency_activity = serializers.CharField(source="kind")
    status = serializers.SerializerMethodField()
    valid_to = serializers.DateField(source="valid_until")
    report = serializers.IntegerField(source="decision.publication.pk")
    verify_url = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = [
            "number",
            "institution",
            "programme",
            "agency_activity",
            "status",
            "valid_from",
            "valid_to",
            "report",
            "verify_url",
        ]

    def get_status(self, obj) -> str:
        return selectors.public_status(obj)

    def get_verify_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.verify_path())


class ReportSerializer(serializers.ModelSerializer):
    """A published decision with its files: DEQAR's "report"."""

    agency = serializers.SerializerMethodField()
    agency_activity = serializers.CharField(source="project.kind")
    institutions = serializers.SerializerMethodField()
    programmes = serializers.SerializerMethodField()
    decision = serializers.CharField(source="decision.outcome")
    years = serializers.IntegerField(source="decision.years", allow_null=True)
    date = serializers.DateField(source="decision.decided_on")
    valid_from = serializers.SerializerMethodField()
    valid_to = serializers.SerializerMethodField()
    report_valid = serializers.SerializerMethodField()
    standing = serializers.SerializerMethodField()
    later_decisions = serializers.SerializerMethodField()
    files = serializers.SerializerMethodField()
    local_identifier = serializers.CharField()
    status = serializers.CharField(source="obligation")
    deqar_decision = serializers.SerializerMethodField()
    summary = serializers.CharField()
    report_links = serializers.SerializerMethodField()
    report_files = serializers.SerializerMethodField()
    crossborder = serializers.SerializerMethodField()
    agency_detail = serializers.SerializerMethodField()
    institutions_detail = serializers.SerializerMethodField()
    programmes_detail = serializers.SerializerMethodField()
    deqar_report_id = serializers.IntegerField(allow_null=True)

    class Meta:
        model = Publication
        fields = [
            "id",
            "local_identifier",
            "deqar_report_id",
            "agency",
            "agency_detail",
            "status",
            "deqar_decision",
            "summary",
            "report_links",
            "report_files",
            "crossborder",
            "institutions_detail",
            "programmes_detail",
            "agency_activity",
            "institutions",
            "programmes",
            "decision",
            "years",
            "date",
            "valid_from",
            "valid_to",
            "report_valid",
            "standing",
            "later_decisions",
            "files",
        ]

    def get_agency(self, obj) -> str:
        return settings.DEQAR_AGENCY

    def get_agency_detail(self, obj) -> dict[str, str | int | None]:
        return deqar.agency()

    def get_deqar_decision(self, obj) -> str:
        """DEQAR's decision: positive, positive with conditions or restrictions, negative, not
        applicable."""
        return deqar.decision_value(obj.decision.outcome)

    def get_report_links(self, obj) -> list[dict[str, str]]:
        return deqar.report_links(obj)

    def get_report_files(self, obj) -> list[dict]:
        return deqar.report_files(obj, self.context["request"].build_absolute_uri)

    def get_crossborder(self, obj) -> bool:
        return deqar.crossborder(obj.project.organization)

    def get_institutions_detail(self, obj) -> list[dict]:
        org = obj.project.organization
        return [
            {
                "id": org.iaar_id,
                "eter_id": org.eter_id,
                "name_official": org.name,
                "name_english": org.name_en,
                "country": org.country,
            }
        ]

    def get_programmes_detail(self, obj) -> list[dict]:
        return [
            {
                "code": p.code,
                "name_primary": p.name,
                "name_english": p.name_en,
                "qf_ehea_level": deqar.programme_qf_level(p),
            }
            for p in obj.project.programmes.all()
        ]

    def get_institutions(self, obj) -> list[str]:
        return [obj.project.organization.iaar_id]

    def get_programmes(self, obj) -> list[str]:
        return [p.code for p in obj.project.programmes.all()]

    def _certificates(self, obj):
        return [c for c in obj.decision.certificates.all() if c.status in selectors.PUBLIC_STATUSES]

    def get_valid_from(self, obj) -> datetime.date | None:
        dates = [c.valid_from for c in self._certificates(obj)]
        return min(dates) if dates else None

    def get_valid_to(self, obj) -> datetime.date | None:
        dates = [c.valid_until for c in self._certificates(obj)]
        return max(dates) if dates else None

    def get_standing(self, obj) -> str:
        """valid, suspended, revoked, expired, set_aside, or decided (a decision that granted
        no accreditation)."""
        return selectors.report_standing(obj.decision, self._certificates(obj))

    def get_report_valid(self, obj) -> bool:
        """DEQAR's report_valid: the decision stands and a certificate it granted is in force."""
        return self.get_standing(obj) == "valid"

    def get_later_decisions(self, obj) -> list[dict]:
        """The council's later decisions on the project that changed the report's standing."""
        return [
            {"decision": d.outcome, "date": d.decided_on, "meeting": d.item.meeting.number}
            for d in selectors.later_decisions(obj.decision, obj.project.decisions.all())
        ]

    def get_files(self, obj) -> list[dict]:
        request = self.context["request"]
        files = [
            {
                "kind": "decision",
                "file": request.build_absolute_uri(reverse("registry:file", args=[obj.pk, "decision"])),
            }
        ]
        if obj.report_pdf:
            url = request.build_absolute_uri(reverse("registry:file", args=[obj.pk, "report"]))
            files.append({"kind": "report", "file": url})
        return files


class CertificateFilter(StrictFilterSet):
    """The registry page's filters, by their DEQAR names where DEQAR has one."""

    q = text_filter(200, method="filter_q", help_text="Words of a name or a number")
    institution = text_filter(20, field_name="organization__iaar_id")
    country = text_filter(2, field_name="organization__country", lookup_expr="iexact")
    city = text_filter(120, method="filter_city", help_text="A city's name in any language or script")
    agency_activity = text_filter(30, field_name="kind")
    level = django_filters.ChoiceFilter(field_name="project__level", choices=EducationLevel.choices)
    decision = django_filters.ChoiceFilter(
        field_name="decision__outcome", choices=[(o, o) for o in ("accredit", "conditional")]
    )
    year = integer_filter(2000, 2100, field_name="decision__decided_on__year")
    status = django_filters.ChoiceFilter(method="filter_status", choices=STATUS_CHOICES)
    valid_on = django_filters.DateFilter(method="filter_valid_on")

    class Meta:
        model = Certificate
        fields = ["institution", "country", "agency_activity"]

    def filter_q(self, rows, name, value):
        term = selectors.clean_term(value)
        return rows.filter(selectors.text_match(term)) if term else rows

    def filter_status(self, rows, name, value):
        return selectors.with_public_status(rows, value)

    def filter_city(self, rows, name, value):
        return rows.filter(organization__city_search__contains=lookup_key(value))

    def filter_valid_on(self, rows, name, value):
        return rows.filter(status=Certificate.Status.VALID, valid_from__lte=value, valid_until__gte=value)


class InstitutionFilter(StrictFilterSet):
    # Bounded: a longer value cannot match, and SQLite refuses LIKE patterns over 50 000 bytes.
    country = text_filter(2, field_name="country", lookup_expr="iexact")
    city = text_filter(120, method="filter_city", help_text="A city's name in any language or script")
    name = text_filter(300, field_name="name", lookup_expr="icontains")

    class Meta:
        model = Organization
        fields = ["country", "city", "name"]

    def filter_city(self, rows, name, value):
        return rows.filter(city_search__contains=lookup_key(value))


class ProgrammeFilter(StrictFilterSet):
    level = django_filters.ChoiceFilter(field_name="level", choices=EducationLevel.choices)
    code = text_filter(40, field_name="code")

    class Meta:
        model = Programme
        fields = ["level", "code"]


class ReportFilter(StrictFilterSet):
    decision__outcome = django_filters.ChoiceFilter(
        field_name="decision__outcome", choices=[(o.value, o.value) for o in Outcome]
    )
    project__kind = django_filters.ChoiceFilter(
        field_name="project__kind", choices=AccreditationProject.Kind.choices
    )

    class Meta:
        model = Publication
        fields = ["decision__outcome", "project__kind"]


# Read-only for everyone; any list also as a file with ?format=csv or ?format=xlsx.
class _PublicViewSet(ExportMixin, viewsets.ReadOnlyModelViewSet):
    access_rule = PUBLIC
    # IAAR IDs, certificate numbers and ids: the registry's own pattern (no NUL, no 10 KB key).
    lookup_value_regex = selectors.CODE_PATTERN
    pagination_class = Pagination

    def perform_content_negotiation(self, request, force=False):
        if not force:
            refuse_unknown_format(request, (*FORMATS, "api"))
        return super().perform_content_negotiation(request, force)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_bad_page(request)  # after the format is known: the refusal is written in JSON
        # One object at a time is how numbers are enumerated: limited like the certificate check.
        if self.action == "retrieve" and over_limit(
            request, "api-detail", settings.IAAR_VERIFY_LIMIT_PER_MINUTE
        ):
            raise Throttled(wait=60, detail=_("Too many requests from your address; try again in a minute."))

    def list(self, request, *args, **kwargs):
        if self._exporting():
            return super().list(request, *args, **kwargs)
        # Pages of the API are kept like the registry's pages, until the registry changes.
        page = cache.cached(
            "api", cache.request_parts(request), lambda: super(_PublicViewSet, self).list(request).data
        )
        return Response(page)


class InstitutionViewSet(_PublicViewSet):
    """Institutions with at least one published decision."""

    serializer_class = InstitutionSerializer
    export_name = "institutions"
    filterset_class = InstitutionFilter
    lookup_field = "iaar_id"

    def get_queryset(self):
        return selectors.published_organizations().prefetch_related("programmes").order_by("name", "pk")


class ProgrammeViewSet(_PublicViewSet):
    """Programmes with a certificate in the selectors."""

    serializer_class = ProgrammeSerializer
    export_name = "programmes"
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        published = selectors.certificates().filter(programme__isnull=False).values("programme")
        return (
            Programme.objects.filter(pk__in=published).select_related("organization").order_by("code", "pk")
        )


class CertificateViewSet(_PublicViewSet):
    serializer_class = CertificateSerializer
    export_name = "certificates"
    filterset_class = CertificateFilter
    lookup_field = "number"

    def get_queryset(self):
        return selectors.certificates().order_by("organization__name", "number", "pk")


class ReportViewSet(_PublicViewSet):
    """Published decisions of the Accreditation Council with their files."""

    serializer_class = ReportSerializer
    export_name = "reports"
    filterset_class = ReportFilter

    def get_queryset(self):
        return (
            Publication.objects.filter(withdrawn=False)
            .select_related("project__organization", "decision")
            .prefetch_related(
                "project__programmes", "decision__certificates", "project__decisions__item__meeting"
            )
            .order_by("-decision__decided_on", "-pk")
        )
