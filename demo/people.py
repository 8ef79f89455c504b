"""Demo data for a living agency: one person per role and a little of everything.

Idempotent: every record is found by a natural key before it is made. Each app's part of the
story is a module of this package, run in order by ``demo/seed.py``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext_noop as _noop
from guardian.shortcuts import assign_perm

from core.models import Department
from core.roles import Role
from core.services import roles_sync, user_set_roles

DEMO_PASSWORD = "iaar-demo"

DEPARTMENTS = [
    ("management", "Management"),
    ("accreditation", "Department of accreditation"),
    ("legal", "Legal department"),
    ("strategy", "Strategic development"),
]

# username, roles, first name, last name, department, position (typed in English, as an admin
# would; the catalogue has them, so each reader sees them in their language: localized_position)
PEOPLE = [
    ("board", [Role.SUPERVISORY_BOARD], "Aigerim", "Sadykova", None, _noop("Chair of the Supervisory Board")),
    ("director", [Role.DIRECTOR], "Alexander", "Nikolaev", "management", _noop("Director General")),
    (
        "qms",
        [Role.QMS_OWNER, Role.STAFF],
        "Dana",
        "Tulegenova",
        "strategy",
        _noop("Advisor for strategic development"),
    ),
    (
        "legal",
        [Role.LEGAL_HEAD, Role.STAFF],
        "Marat",
        "Ospanov",
        "legal",
        _noop("Head of the legal department"),
    ),
    (
        "pm",
        [Role.PROJECT_MANAGER, Role.STAFF],
        "Saule",
        "Akhmetova",
        "accreditation",
        _noop("Project manager"),
    ),
    ("coordinator", [Role.COORDINATOR, Role.STAFF], "Timur", "Bekov", "accreditation", _noop("Coordinator")),
    (
        "secretary",
        [Role.COUNCIL_SECRETARY, Role.STAFF],
        "Gulnara",
        "Iskakova",
        "accreditation",
        _noop("Council secretary"),
    ),
    (
        "council",
        [Role.COUNCIL_MEMBER],
        "Erlan",
        "Zhunusov",
        None,
        _noop("Member of the Accreditation Council"),
    ),
    ("expert", [Role.EXPERT], "Nurlan", "Abenov", None, _noop("External expert")),
    ("expert2", [Role.EXPERT], "Gulnara", "Ismailova", None, _noop("External expert (employer)")),
    ("expert3", [Role.EXPERT], "Daniyar", "Tokayev", None, _noop("External expert (student)")),
    (
        "council2",
        [Role.COUNCIL_MEMBER],
        "Roza",
        "Mukhanova",
        None,
        _noop("Member of the Accreditation Council"),
    ),
    (
        "council3",
        [Role.COUNCIL_MEMBER],
        "Askar",
        "Baimukhanov",
        None,
        _noop("Member of the Accreditation Council"),
    ),
    (
        "council4",
        [Role.COUNCIL_MEMBER],
        "Lyazzat",
        "Kenzhebekova",
        None,
        _noop("Member of the Accreditation Council"),
    ),
    (
        "council5",
        [Role.COUNCIL_MEMBER],
        "Ilyas",
        "Nurgaliev",
        None,
        _noop("Member of the Accreditation Council"),
    ),
    ("appeals", [Role.APPEALS_COMMISSION], "Bakyt", "Moldobaev", None, _noop("Appeals commission member")),
    ("auditor", [Role.AUDITOR, Role.STAFF], "Zarina", "Kasymova", "strategy", _noop("Internal auditor")),
    ("auditor2", [Role.AUDITOR, Role.STAFF], "Bolat", "Zhakenov", "legal", _noop("Lawyer, internal auditor")),
    ("staff", [Role.STAFF], "Asel", "Omarova", "accreditation", _noop("Specialist")),
    ("eo", [Role.EO_REPRESENTATIVE], "Kairat", "Serikbayev", None, _noop("Vice-rector for academic affairs")),
]


# Who owns each IQAS process in the demo (§3.1); risks, audits and KPIs refer to the owner.
PROCESS_OWNERS = {
    "documents": "legal",
    "management": "qms",
    "resources": "qms",
    "main_cycle": "pm",
}
PROCESS_OWNER_EXCEPTIONS = {
    "appeals": "legal",
    "contracting": "legal",
    "council-meetings": "secretary",
    "collegial-bodies": "secretary",
    "eec-work": "coordinator",
    "self-assessment-review": "coordinator",
    "post-monitoring": "coordinator",
    "finance": "director",
}


def process_owners_seed(people: dict) -> None:
    """Give every process without an owner the demo's owner for it (kept if already set)."""
    from core.models import Process

    for process in Process.objects.filter(owner__isnull=True):
        username = PROCESS_OWNER_EXCEPTIONS.get(process.code) or PROCESS_OWNERS.get(process.group)
        if username in people:
            process.owner = people[username]
            process.save()


@transaction.atomic
def seed_people() -> dict:
    roles_sync()
    departments = {}
    for code, name in DEPARTMENTS:
        departments[code], _ = Department.objects.get_or_create(code=code, defaults={"name": name})
    User = get_user_model()
    people = {}
    for username, roles, first, last, dept, position in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@iaar.local",
                "position": position,
                "department": departments.get(dept) if dept else None,
                "language": "ru",
            },
        )
        if created:
            user.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256_demo")
            user.save()
        user_set_roles(user=user, roles=roles)
        people[username] = user
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={
            "is_staff": True,
            "is_superuser": True,
            "email": "admin@iaar.local",
            "first_name": "Portal",
            "last_name": "Administrator",
        },
    )
    if created:
        admin.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256_demo")
        admin.save()
    people["admin"] = admin
    return people


def grant(user, perm: str, obj) -> None:
    """Per-object right for demo assignments (later issues grant these inside services)."""
    assign_perm(perm, user, obj)
