"""Runs every part of the demo in order: one module here per app (``demo/documents.py`` …)."""

from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings
from django.utils.translation import override

from demo import (
    accreditation,
    audits,
    deqar,
    documents,
    external_review,
    governance,
    governance_appeals,
    governance_bodies,
    governance_discussion,
    governance_orders,
    governance_weekly,
    improvement,
    outward,
    records,
    staff,
    standards,
    standards_dev,
    surveys,
)
from demo.accreditation import followup as accreditation_followup
from demo.people import process_owners_seed, seed_people

# In the order the agency's story needs them: documents first, improvement last.
PARTS = [
    documents,
    records,
    # The assessment tables and threshold requirements in force before any project starts.
    standards,
    accreditation,
    deqar,
    audits,
    surveys,
    improvement,
    governance,
    governance_bodies,
    governance_appeals,
    governance_discussion,
    governance_weekly,
    outward,
    accreditation_followup,
    external_review,
    standards_dev,
    staff,
]


@contextmanager
def _quiet_mail():
    """Demo notifications appear in the portal but are not e-mailed: hundreds of invented
    messages would otherwise flood the console (or a real mail server) at first start."""
    from iaar_qms.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        # The demo tells its survey history at its own dates (demo/surveys.py); the after-visit
        # dispatch would otherwise open fresh campaigns today for every demo visit.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend", IAAR_SURVEY_DISPATCH=False
        ):
            yield
    finally:
        app.conf.task_always_eager = eager


def seed_all() -> dict:
    # Demo texts are stored as written; the UI translates labels around them.
    with override("en"), _quiet_mail(), transaction.atomic():
        people = seed_people()
        # The first process owners are appointed by the Director General's orders.
        governance_orders.seed(people)
        process_owners_seed(people)
        for part in PARTS:
            part.seed(people)
        # Some demo records are written in bulk, past the services that keep the summary rows.
        summaries_rebuild()
    return people


def seed_scale(n: int, *, owner) -> int:
    made = 0
    for part in PARTS:
        if hasattr(part, "seed_scale"):
            made += part.seed_scale(n, owner=owner)
    summaries_rebuild()
    return made


def summaries_rebuild() -> None:
    """Recount the survey results' and KPI 3's summary rows (issue 22)."""
    from accreditation import kpi_summaries
    from surveys import summaries

    summaries.rebuild()
    kpi_summaries.rebuild()
