import datetime

import pytest

from accreditation import services
from accreditation.models import AccreditationProject

# The cast (everyone an accreditation needs) is in tests/conftest.py: the browser tests use it too.


@pytest.fixture
def registry_world(cast):
    """What the registry shows and what it must not: the cast's programme accreditation and
    a college's institutional one, both published, the college's since expired; and an
    academy's decided accreditation whose certificate is unsigned and unpublished."""
    from accreditation.models import Certificate
    from demo.walkthrough import drive

    def apply(name: str, level: str) -> AccreditationProject:
        organization = services.organization_register(
            actor=cast.pm, name=name, org_type="college", levels=[level], city="Astana"
        )
        services.representative_add(organization=organization, actor=cast.pm, user=cast.rep)
        rep = type(cast.rep).objects.get(pk=cast.rep.pk)
        project = services.project_apply(
            actor=rep, organization=organization, kind="institutional", level=level, programmes=[]
        )
        return AccreditationProject.objects.get(pk=project.pk)

    status = AccreditationProject.Status
    programme = drive(cast.project, cast, status.POST_MONITORING).certificates.get()
    college = drive(apply("Steppe College", "tvet"), cast, status.POST_MONITORING).certificates.get()
    Certificate.objects.filter(pk=college.pk).update(
        valid_from=datetime.date(2015, 1, 1), valid_until=datetime.date(2020, 1, 1)
    )
    hidden = drive(apply("Hidden Academy", "higher"), cast, status.DECIDED).certificates.get()
    return {
        "programme": programme,
        "college": Certificate.objects.get(pk=college.pk),
        "hidden": hidden,
    }
