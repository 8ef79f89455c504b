"""Personas, clients per role, the demo seeded once, and the guard that turns a missing
service into a failure.

With IAAR_REQUIRE_SERVICES=1 (set by .ci/run) the run stops at once unless the database is
PostgreSQL, the broker is a reachable Redis and Chromium is installed: CI never skips.
"""

import io
import os
import shutil
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections
from pytest_django.fixtures import validate_django_db

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
    if not shutil.which("pdfsig"):
        problems.append("pdfsig is not installed (make browser: Debian's poppler-utils)")
    return problems


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_SERVICES and (problems := _missing_services()):
        pytest.exit("Required services are missing:\n  - " + "\n  - ".join(problems), returncode=3)
    import fcntl

    from core.pdf_signing import demo_key_create, signing_ready

    # The tests' self-signed agency certificate, as `make run` makes the demo's; made once, by
    # whichever process of a parallel run comes first (the others wait on the lock).
    key = Path(settings.IAAR_SIGNING_KEY_FILE)
    key.parent.mkdir(parents=True, exist_ok=True)
    with (key.parent / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not signing_ready():
            demo_key_create(key, Path(settings.IAAR_SIGNING_CERT_FILE))


def pytest_itemcollected(item: pytest.Item) -> None:
    """In a parallel run (``-n N --dist loadgroup``, as ``make test`` runs), the demo's readers
    run together on one worker, so the demo is seeded once; so do the tests that start a real
    Celery worker, which share one broker."""
    if _reads_demo(item):
        item.add_marker(pytest.mark.xdist_group("demo"))
    elif item.get_closest_marker("celery_worker"):
        item.add_marker(pytest.mark.xdist_group("celery_worker"))


@pytest.hookimpl(trylast=True)  # after pytest-django has put the database tests in its order
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # PostgreSQL-only tests are left out (not skipped) on SQLite, Redis-only ones on the file
    # broker; CI runs on both services (and stops at once without them, pytest_sessionstart).
    absent = set()
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        absent.add("postgres")
    if not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        absent.add("redis")
    kept = [i for i in items if not any(i.get_closest_marker(name) for name in absent)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
    _group_demo_readers(items)


def _ensure_reference_data() -> None:
    """Rows that data migrations add (IQAS processes, audit criteria, code prefixes). Transactional tests
    flush the database after themselves, so later tests put them back the same way."""
    from django.apps import apps

    from accreditation.models import StandardSet, ThresholdList
    from core.models import Criterion, Process
    from documents.models import CodePrefix

    if all(m.objects.exists() for m in (Process, Criterion, CodePrefix, StandardSet, ThresholdList)):
        return
    for module, function in (
        ("core.migrations.0002_iqas_processes", "add_processes"),
        ("core.migrations.0006_audit_criteria", "add_criteria"),
        ("documents.migrations.0002_code_prefixes", "add_prefixes"),
        ("accreditation.migrations.0004_standard_sets", "seed"),
        ("accreditation.migrations.0018_standards_in_documents", "thresholds_as_data"),
        ("accreditation.migrations.0019_standards_translations", "translate"),
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
        if get_user_model().objects.exists():
            # A reused database that an interrupted run left rows in (the demo, say).
            _database_emptied()
        _ensure_reference_data()
        # Always: a reused database may hold the groups of an older ROLE_PERMISSIONS.
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


# --- The demo, seeded once -------------------------------------------------------------------
# Seeding the whole demo takes about 20 s. Tests that only read it ask for ``seeded_demo``: they
# run as one group (see pytest_collection_modifyitems), the demo is seeded once, committed, for
# the group, and the database is emptied again after the group's last test, so no other test
# ever sees a demo row. Readers inside a transaction roll back what they write; readers with a
# live server (committed by necessity) must only read, because the next reader sees the same
# database: the flush that ends each transactional test is held back until the group ends.


def _uses_database(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    return bool(item.get_closest_marker("django_db")) or bool(
        {"db", "transactional_db", "live_server"} & set(names)
    )


def _transactional(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return bool({"transactional_db", "live_server"} & set(names))


def _reads_demo(item: pytest.Item | None) -> bool:
    return item is not None and "seeded_demo" in getattr(item, "fixturenames", ())


def _group_demo_readers(items: list[pytest.Item]) -> None:
    """After pytest-django's order (database tests, transactional ones, the rest): the demo's
    readers right after the other database tests, those in a transaction first."""
    readers = [i for i in items if _reads_demo(i)]
    if not readers:
        return
    others = [i for i in items if not _reads_demo(i)]
    cut = next((n for n, i in enumerate(others) if _transactional(i) or not _uses_database(i)), len(others))
    readers.sort(key=_transactional)
    items[:] = [*others[:cut], *readers, *others[cut:]]


class _Demo:
    """The committed demo of the readers' group, and the database emptied after it."""

    def __init__(self, blocker) -> None:
        self.blocker = blocker
        self.present = False
        self.reading = False  # a reader is running: its transactional flush is held back

    def seed(self) -> None:
        with self.blocker.unblock():
            _ensure_reference_data()
            call_command("seed_demo", stdout=io.StringIO())
        self.present = True

    def clear(self) -> None:
        with self.blocker.unblock():
            _database_emptied()
        self.present = False


_DEMO = pytest.StashKey[_Demo]()


def _database_emptied() -> None:
    """Every row gone, then the reference rows and role groups put back, committed: the state
    a new test database starts in."""
    for alias in connections:
        call_command("flush", interactive=False, verbosity=0, database=alias, reset_sequences=False)
    _ensure_reference_data()
    roles_sync()


@pytest.fixture(scope="session")
def _demo_database(request, django_db_setup, django_db_blocker):
    from django.test import TransactionTestCase

    demo = _Demo(django_db_blocker)
    request.config.stash[_DEMO] = demo
    flush = TransactionTestCase._fixture_teardown

    def flush_unless_reading(self) -> None:
        if not demo.reading:
            flush(self)

    patch = pytest.MonkeyPatch()
    patch.setattr(TransactionTestCase, "_fixture_teardown", flush_unless_reading)
    demo.reading = True  # set up for the group's first reader (the setup hook ran before)
    demo.seed()
    yield demo
    patch.undo()
    if demo.present:
        demo.clear()
    del request.config.stash[_DEMO]


@pytest.fixture
def seeded_demo(_demo_database, db) -> None:
    """The whole demo agency in the database, seeded once per session (see above): sign in as
    its people (``demo.people.PEOPLE``) with ``demo.people.DEMO_PASSWORD``. A test in a
    transaction may write (it is rolled back); a test with a live server must only read."""


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    demo = item.config.stash.get(_DEMO, None)
    if demo is not None and _reads_demo(item):
        demo.reading = True
        if not demo.present:  # the group was split (a plugin reordered the tests): seed again
            demo.seed()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    try:
        return (yield)
    finally:
        demo = item.config.stash.get(_DEMO, None)
        if demo is not None:
            demo.reading = False
            if demo.present and not _reads_demo(nextitem):
                demo.clear()


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
    return make_person(
        Role.QMS_OWNER, Role.STAFF, username="qms_owner", first_name="Dana", last_name="Tulegenova"
    )


@pytest.fixture
def project_manager(make_person):
    return make_person(Role.PROJECT_MANAGER, Role.STAFF, username="proj_manager")


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
def analyst(client_as):
    """A client signed in as a new IQAS owner, who reads every survey's results."""
    return client_as(Role.QMS_OWNER)


@pytest.fixture
def director_client(client_as):
    """A client signed in as a new Director General."""
    return client_as(Role.DIRECTOR)


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
    from demo.walkthrough import Cast

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
