"""The demo's yearly reports: last year's reports to the board and to Kazakhstan's ministry
signed and sent (each PDF with the agency's signature, e-mailed once), the report to
Kyrgyzstan's ministry waiting for the Director General's signature; seeding twice adds nothing."""

import pytest
from django.core import mail
from django.utils import timezone

from demo import outward as demo_outward
from demo.people import seed_people
from improvement.models import OutwardReport

pytestmark = pytest.mark.django_db


def test_the_demo_reports(roles, django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    people = seed_people()
    with django_capture_on_commit_callbacks(execute=True):
        demo_outward.seed(people)
    demo_outward.seed(people)
    last = timezone.localdate().year - 1
    reports = {(r.kind, r.country): r for r in OutwardReport.objects.all()}
    assert set(reports) == {("board", ""), ("authority", "KZ"), ("authority", "KG")}
    assert {r.year for r in reports.values()} == {last}
    assert reports[("board", "")].status == reports[("authority", "KZ")].status == "sent"
    assert reports[("authority", "KG")].status == "draft"
    assert reports[("authority", "KZ")].sent_to == "info@sci.gov.kz.example"
    assert reports[("board", "")].sent_to  # the board's members, by e-mail
    assert reports[("board", "")].file.read().startswith(b"%PDF")
    assert {m.to[0] for m in mail.outbox} >= {"info@sci.gov.kz.example"}
