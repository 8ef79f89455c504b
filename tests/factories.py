import datetime

import factory
from django.contrib.auth import get_user_model

from accreditation.models import AccreditationProject, Organization, Programme
from audits.models import Audit, AuditProgramme
from documents.models import Document
from improvement.models import Nonconformity

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    iaar_id = factory.Sequence(lambda n: f"T-{n:06d}")
    name = factory.Sequence(lambda n: f"Test University {n}")
    city = "Almaty"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    organization = factory.SubFactory(OrganizationFactory)
    code = factory.Sequence(lambda n: f"6B{n:05d}")
    name = factory.Sequence(lambda n: f"Programme {n}")
    level = Programme.Level.BACHELOR
    languages = ["ru", "en"]


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccreditationProject

    organization = factory.SubFactory(OrganizationFactory)
    kind = AccreditationProject.Kind.INSTITUTIONAL


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    code = factory.Sequence(lambda n: f"DOC-{n:04d}")
    title = factory.Sequence(lambda n: f"Document {n}")
    doc_type = Document.Type.POLICY
    status = Document.Status.EFFECTIVE
    owner = factory.SubFactory(UserFactory)


class AuditProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditProgramme
        django_get_or_create = ("year",)

    year = 2026
    created_by = factory.SubFactory(UserFactory)


class AuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audit

    number = factory.Sequence(lambda n: f"IA-T-{n:03d}")
    title = factory.Sequence(lambda n: f"Audit {n}")
    year = 2026
    programme = factory.SubFactory(AuditProgrammeFactory, year=factory.SelfAttribute("..year"))
    starts_on = factory.LazyAttribute(lambda a: datetime.date(a.year, 3, 1))
    ends_on = factory.LazyAttribute(lambda a: datetime.date(a.year, 3, 20))
    created_by = factory.SubFactory(UserFactory)


class NonconformityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nonconformity

    number = factory.Sequence(lambda n: f"NC-T-{n:04d}")
    title = factory.Sequence(lambda n: f"Problem {n}")
    description = "Something did not meet the requirement."
    severity = Nonconformity.Severity.MINOR
    raised_by = factory.SubFactory(UserFactory)


def kpi_target_in_force(*, qms, code: str, year: int, target_percent, director=None):
    """A KPI target proposed by the IQAS owner and approved by a Director General (§4.1)."""
    from core.roles import Role
    from core.services import user_set_roles
    from reporting.services import kpi_target_approve, kpi_target_propose

    if director is None:
        director = get_user_model().objects.filter(groups__name=Role.DIRECTOR.value, is_active=True).first()
    if director is None:
        director = UserFactory(username=f"kpi_director_{code}_{year}")
        user_set_roles(user=director, roles=[Role.DIRECTOR])
    target = kpi_target_propose(actor=qms, code=code, year=year, target_percent=target_percent)
    return kpi_target_approve(target=target, actor=director, password=PASSWORD)
