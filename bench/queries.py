"""SQL queries and server time per page, in-process (no network), on the configured database.

Run by `make bench` after the load test; prints the query count of each signed-in page and
the median of 20 renderings, so a page whose queries grow with the data shows at once.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iaar_qms.settings.base")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from documents.models import Document  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from pagelist import fill, randomize, read_pages  # noqa: E402

PAGES = [
    ("document register", "/documents/", None),
    ("register, page 400", "/documents/?page=400", None),
    ("register, search", "/documents/?q=Benchmark+document+1999", None),
    ("register, due for review", "/documents/?due=on", None),
    ("dashboard", "/dashboard/", None),
    ("document page", "/documents/1/", None),
    # The accreditation pages, as the people who use them all day.
    ("accreditation projects", "/accreditation/projects/", "pm"),
    ("project manager's dashboard", "/dashboard/", "pm"),
    ("coordinator's board", "/accreditation/workspace/", "coordinator"),
    ("project page (under monitoring)", "/accreditation/projects/{monitored}/", "coordinator"),
    ("council meeting (voting)", "/accreditation/council/{meeting}/", "council"),
    ("certificate check (public)", "/registry/verify/{number}/", "anonymous"),
    # Audits and improvement (issue 7).
    ("quality board", "/improvement/board/", "director"),
    ("internal audits", "/audits/", None),
    ("audit page (2025, closed)", "/audits/{audit}/", None),
    ("nonconformity register", "/improvement/nonconformities/", None),
    ("corrective actions", "/improvement/capa/", None),
    ("corrective action page", "/improvement/capa/{capa}/", None),
    ("my actions", "/improvement/actions/", "pm"),
    ("risk register", "/improvement/risks/", None),
    # Surveys (issue 8); the benchmark campaign holds --scale responses.
    ("survey campaigns", "/surveys/campaigns/", None),
    ("campaign results (benchmark)", "/surveys/campaigns/{bench_campaign}/results/", None),
    ("student survey results, every campaign", "/surveys/{student_survey}/results/", "director"),
    ("public answer page", "/s/{open_token}/", "anonymous"),
    ("published survey summaries", "/surveys/published/", "anonymous"),
    ("KPIs with satisfaction", "/improvement/kpis/", "director"),
]


def _placeholders() -> dict:
    from accreditation.models import AccreditationProject, Certificate, CouncilMeeting, Programme
    from audits.models import Audit
    from improvement.models import CorrectiveAction
    from surveys.models import Campaign, Survey

    monitored = AccreditationProject.objects.filter(status="post_monitoring").order_by("pk").first()
    meeting = CouncilMeeting.objects.order_by("-status", "-pk").first()
    certificate = Certificate.objects.filter(status="valid").order_by("pk").first()
    return {
        "monitored": monitored.pk if monitored else 0,
        "meeting": meeting.pk if meeting else 0,
        "number": certificate.number if certificate else "",
        "audit": getattr(Audit.objects.filter(number="IA-2025-01").first(), "pk", 0),
        "capa": getattr(CorrectiveAction.objects.filter(reopened__gt=0).first(), "pk", 0),
        "bench_campaign": getattr(Campaign.objects.filter(title="Benchmark campaign").first(), "pk", 0),
        "student_survey": getattr(Survey.objects.filter(code="student").first(), "pk", 0),
        "open_token": _open_token(),
        "programme": getattr(
            Programme.objects.filter(organization__iaar_id="B-0004713").order_by("pk").first(), "pk", 0
        ),
    }


def _open_token() -> str:
    """A link someone could answer now: an open campaign's public link, else an invitation's."""
    from surveys.models import Campaign, Invitation

    campaign = Campaign.objects.filter(status="open", public_token__isnull=False).first()
    if campaign is not None:
        return campaign.public_token
    return Invitation.objects.filter(campaign__status="open", answered_on__isnull=True).first().token


def measure(path: str, username: str, runs: int = 20, most: int = 1) -> tuple[int, float]:
    """The queries of one rendering and the median server time of ``runs`` more (warm: the
    first rendering is not timed). ``__N__`` in the path changes in every rendering."""
    client = Client(SERVER_NAME="127.0.0.1")
    if username != "anonymous":
        client.force_login(get_user_model().objects.get(username=username))
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(randomize(path, most))
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(randomize(path, most))
        timings.append((time.perf_counter() - start) * 1000)
    return len(executed), statistics.median(timings)


def kpi_pdf_ms(runs: int = 3) -> float:
    """Server time of the yearly KPI report's PDF for last year (data and rendering)."""
    import datetime

    from django.utils import timezone

    from reporting.pdf import report_pdf

    year = timezone.localdate().year - 1
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    report_pdf("yearly", start, end)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        report_pdf("yearly", start, end)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--pages", help="a page list (bench/pages.txt): measure its signed-in and public pages"
    )
    parser.add_argument("--json", help="with --pages: write {name: [queries, ms]} here instead of a table")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    default_user = os.environ.get("BENCH_USER", "qms")
    values = _placeholders()
    if args.pages:
        from accreditation.models import Organization

        most = Organization.objects.filter(iaar_id__startswith="B-").count()
        results = {}
        for name, path, who in read_pages(Path(args.pages)):
            if path == "/ping":
                continue
            username = {"anon": "anonymous", "auth": default_user}.get(who, who)
            results[name] = measure(fill(path, values), username, args.runs, most)
        results["KPI report PDF (yearly)"] = (None, kpi_pdf_ms())
        if args.json:
            Path(args.json).write_text(json.dumps(results))
        else:
            print("| page | queries | median server ms |\n|---|---:|---:|")
            for name, (queries, ms) in results.items():
                print(f"| {name} | {queries if queries is not None else '—'} | {ms:.1f} |")
        return
    print(f"{connection.vendor}, {Document.objects.count()} documents\n")
    print("| page | who | queries | median server ms |\n|---|---|---:|---:|")
    for name, path, username in PAGES:
        queries, ms = measure(path.format(**values), username or default_user)
        print(f"| {name} | {username or default_user} | {queries} | {ms:.1f} |")


if __name__ == "__main__":
    main()
