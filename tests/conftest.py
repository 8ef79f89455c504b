"""Personas, clients per role, and the guard that turns a missing service into a failure.

With IAAR_REQUIRE_SERVICES=1 (set by .ci/run) the run stops at once unless the database is
PostgreSQL, the broker is a reachable Redis and Chromium is installed: CI never skips.
"""

import os
import shutil
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from core.roles import Role
from core.services import roles_sync, user_set_roles
from tests.factories import PASSWORD, UserFactory

REQUIRE_SERVICES = os.environ.get("IAAR_REQUIRE_SERVICES") == "1"


def _missing_services() -> list[str]:
    problems = []
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        problems.append(f"DATABASE_URL must point at PostgreSQL (engine is {engine})")
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        problems.append(f"CELERY_BROKER_URL must point at Redis (it is {broker})")
    else:
        import redis

        try:
            redis.Redis.from_url(broker, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            problems.append(f"Redis at {broker} does not answer: {exc}")
    if not shutil.which("chromium"):
        problems.append("Chromium is not installed (make browser)")
    return problems


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_SERVICES and (problems := _missing_services()):
        pytest.exit("Required services are missing:\n  - " + "\n  - ".join(problems), returncode=3)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # PostgreSQL-only tests are left out (not skipped) on SQLite; CI runs on PostgreSQL.
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    kept = [i for i in items if i.get_closest_marker("postgres") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


def _ensure_reference_data() -> None:
    """Rows that data migrations add (IQAS processes, audit criteria, code prefixes). Transactional tests
    flush the database after themselves, so later tests put them back the same way."""
    from django.apps import apps

    from accreditation.models import StandardSet
    from core.models import Criterion, Process
    from documents.models import CodePrefix

    if all(m.objects.exists() for m in (Process, Criterion, CodePrefix, StandardSet)):
        return
    for module, function in (
        ("core.migrations.0002_iqas_processes", "add_processes"),
        ("core.migrations.0006_audit_criteria", "add_criteria"),
        ("documents.migrations.0002_code_prefixes", "add_prefixes"),
        ("accreditation.migrations.0004_standard_sets", "seed"),
    ):
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(scope="session", autouse=True)
def _reference_data_committed(request, django_db_blocker) -> None:
    """A new test database has no role groups, and a reused one may have been flushed by a
    transactional test of an earlier run: put the groups and reference rows in once, committed,
    so each test need not (pytest-django runs the transactional tests last)."""
    database = {"db", "transactional_db", "live_server", "django_db_setup"}
    items = request.session.items
    if not any(
        database & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("django_db")
        for item in items
    ):
        return  # no test here touches the database
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        _ensure_reference_data()
        if Group.objects.filter(name__in=[r.value for r in Role]).count() != len(Role):
            roles_sync()


@pytest.fixture(autouse=True)
def _reference_data(request) -> None:
    names = set(request.fixturenames)
    if names & {"transactional_db", "live_server"}:
        request.getfixturevalue("transactional_db")
    elif "db" in names:
        request.getfixturevalue("db")
    else:
        return
    _ensure_reference_data()


@pytest.fixture
def roles(db) -> None:
    """The role groups; transactional tests flush them, so each test makes sure they exist."""
    if Group.objects.filter(name__in=[r.value for r in Role]).count() != len(Role):
        roles_sync()


@pytest.fixture
def make_person(roles):
    def make(*role_codes: str, username: str | None = None, **fields):
        kwargs = {"username": username} if username else {}
        user = UserFactory(**kwargs, **fields)
        user_set_roles(user=user, roles=role_codes)
        return user

    return make


@pytest.fixture
def client_as(make_person, client):
    """A test client signed in as a new person holding the given roles."""

    def login(*role_codes: str, **fields):
        user = make_person(*role_codes, **fields)
        client.force_login(user)
        client.user = user
        return client

    return login


@pytest.fixture
def director(make_person):
    return make_person(Role.DIRECTOR, username="dg")


@pytest.fixture
def qms_owner(make_person):
    return make_person(Role.QMS_OWNER, Role.STAFF, username="qms_owner")


@pytest.fixture
def coordinator(make_person):
    return make_person(Role.COORDINATOR, Role.STAFF, username="coord")


@pytest.fixture
def expert(make_person):
    return make_person(Role.EXPERT, username="exp")


@pytest.fixture
def eo_representative(make_person):
    return make_person(Role.EO_REPRESENTATIVE, username="eo_rep")


@pytest.fixture
def staff_member(make_person):
    return make_person(Role.STAFF, username="clerk")


@pytest.fixture
def outsider(make_person):
    """Signed in but holding no role at all."""
    return make_person(username="nobody")


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def cast(make_person, password):
    """Everyone an accreditation needs, and a programme accreditation applied for."""
    import datetime

    from accreditation import services
    from accreditation.models import AccreditationProject, Expert
    from accreditation.services import experts as services_commission
    from accreditation.walkthrough import Cast

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


@pytest.fixture(autouse=True)
def _cache_cleared():
    """Each test starts with an empty cache: pages cached by one test's data never reach another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _language_reset():
    """A request by a person who reads Russian leaves Russian active in the thread; each test
    starts in the test settings' language."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
