import datetime

import pytest

from accreditation import services, services_commission
from accreditation.models import AccreditationProject, Expert
from accreditation.walkthrough import Cast
from core.roles import Role


@pytest.fixture
def cast(make_person, password):
    """Everyone an accreditation needs, and a programme accreditation applied for."""
    pm = make_person(Role.PROJECT_MANAGER, username="pm", first_name="Aigerim", last_name="Sadykova")
    coordinator = make_person(Role.COORDINATOR, username="coord", first_name="Nurlan", last_name="Abenov")
    rep = make_person(username="rep", first_name="Kairat", last_name="Zhunusov")
    director = make_person(Role.DIRECTOR, username="dg", first_name="Alma", last_name="Director")
    secretary = make_person(Role.COUNCIL_SECRETARY, username="sec", first_name="Saule", last_name="Secretary")
    council = [
        make_person(Role.COUNCIL_MEMBER, username=f"cm{n}", first_name="Member", last_name=f"No{n}")
        for n in range(1, 6)
    ]
    experts = []
    for n, (category, city) in enumerate(
        (("academic", "Astana"), ("employer", "Shymkent"), ("student", "Aktobe"))
    ):
        user = make_person(username=f"expert{n}", first_name="Expert", last_name=f"No{n}")
        experts.append(
            services_commission.expert_save(
                actor=pm,
                user=user,
                category=category,
                field="Information technology",
                languages=["ru", "en"],
                country="KZ",
                city=city,
                employer=f"Employer {n}",
                ethics_accepted_on=datetime.date(2025, 1, 10),
            )
        )
    organization = services.organization_register(
        actor=pm, name="Eurasian Tech University", org_type="university", levels=["higher"], city="Almaty"
    )
    programme = services.programme_save(
        organization=organization,
        actor=pm,
        code="6B06101",
        name="Information systems",
        level="bachelor",
        languages=["ru"],
    )
    services.representative_add(organization=organization, actor=pm, user=rep)
    rep = type(rep).objects.get(pk=rep.pk)
    project = services.project_apply(
        actor=rep, organization=organization, kind="specialized", level="higher", programmes=[programme]
    )
    cast = Cast(
        pm=pm,
        coordinator=coordinator,
        rep=rep,
        director=director,
        secretary=secretary,
        experts=[Expert.objects.get(pk=e.pk) for e in experts],
        council=council,
        password=password,
    )
    cast.project = AccreditationProject.objects.get(pk=project.pk)
    cast.organization = organization
    cast.programme = programme
    return cast
