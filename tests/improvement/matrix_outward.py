"""The permission matrix's rows for the yearly reports outward (see
tests/test_permission_matrix.py): the IQAS owner and the Director General read and prepare every
report, the Director General signs and sends, the Supervisory Board's members read only the
reports sent to the board (a draft or a signed one is 404 to them)."""

import datetime
import hashlib

POST_ONLY: set[str] = {"reporting:outward_prepare", "reporting:outward_send"}

# The state of the report each view works on.
REPORT_STATUS = {
    "reporting:outward_detail": "draft",
    "reporting:outward_pdf": "draft",
    "reporting:outward_sign": "draft",
    "reporting:outward_send": "signed",
}


def _report(status: str):
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from improvement.models import OutwardReport
    from tests.factories import UserFactory

    preparer = get_user_model().objects.filter(username="matrix_outward").first() or UserFactory(
        username="matrix_outward"
    )
    year = datetime.date.today().year - 1 - OutwardReport.objects.count()
    report = OutwardReport(kind="board", year=year, status=status, prepared_by=preparer)
    if status != "draft":
        content = b"%PDF-1.4 signed yearly report"
        report.sha256 = hashlib.sha256(content).hexdigest()
        report.file.save("board.pdf", ContentFile(content), save=False)
    report.save()
    return report


def kwargs(name: str, person) -> dict | None:
    if name in REPORT_STATUS:
        return {"pk": _report(REPORT_STATUS[name]).pk}
    if name in ("reporting:outward_list", "reporting:outward_prepare"):
        return {}
    return None


def post_data(name: str) -> dict | None:
    if name == "reporting:outward_prepare":
        return {"to": "board", "year": "1990"}  # refused: a message, nothing prepared
    if name == "reporting:outward_send":
        return {}
    return None
