"""The permission matrix's rows for the management review and the stored KPI reports (see
tests/test_permission_matrix.py).

Everyone holding view_managementreview reads every review (the Supervisory Board, the Director
General, the IQAS owner); only the IQAS owner (change_managementreview) prepares one; only the
Director General (sign_review_order) signs or returns its order. The views need a review (or a
report) to open.
"""

import datetime

from django.utils import timezone

# The review page and its order are open to the owners of its decisions too (none here: the
# matrix's review has no decisions), so those who do not read reviews get 404.
POST_ONLY: set[str] = {
    "reporting:review_edit",
    "reporting:review_assemble",
    "reporting:review_hold",
    "reporting:review_decision_add",
    "reporting:review_submit",
    "reporting:review_return",
    "reporting:review_close",
    "reporting:kpi_report_make",
}

# The status each view's review is in, so an allowed person's move does something.
REVIEW_STATUS = {
    "reporting:review_detail": "held",
    "reporting:review_edit": "inputs",
    "reporting:review_assemble": "planned",
    "reporting:review_pack": "inputs",
    "reporting:review_hold": "inputs",
    "reporting:review_decision_add": "held",
    "reporting:review_submit": "held",
    "reporting:review_sign": "signature",
    "reporting:review_return": "signature",
    "reporting:review_order": "signature",
    "reporting:review_close": "signed",
}


def _owner():
    from django.contrib.auth import get_user_model

    from core.roles import Role
    from core.services import user_set_roles
    from tests.factories import UserFactory

    found = get_user_model().objects.filter(username="matrix_review_qms").first()
    if found:
        return found
    person = UserFactory(username="matrix_review_qms")
    user_set_roles(user=person, roles=[Role.STAFF])
    return person


def _review(status: str):
    from django.core.files.base import ContentFile

    from improvement.models import ManagementReview

    year = timezone.localdate().year - 1
    review = ManagementReview(
        number=f"MR-M-{ManagementReview.objects.count() + 1}",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        planned_on=timezone.localdate(),
        status=status,
        created_by=_owner(),
    )
    if status != "planned":
        content = b"%PDF-1.4 input pack"
        import hashlib

        review.pack_sha256 = hashlib.sha256(content).hexdigest()
        review.pack_file.save("pack.pdf", ContentFile(content), save=False)
    if status in ("held", "signature", "signed"):
        review.held_on = timezone.localdate()
        review.participants = "All"
        review.conclusions = "Effective."
    if status in ("signature", "signed"):
        review.order_number = "ORD-M"
        review.order_text = "I order."
    review.save()
    return review


def _kpi_report():
    import hashlib

    from django.core.files.base import ContentFile

    from improvement.models import KpiReport

    content = b"%PDF-1.4 kpi report"
    report = KpiReport(
        kind="monthly",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 1, 31),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    report.file.save("kpi.pdf", ContentFile(content), save=False)
    report.save()
    return report


def kwargs(name: str, person) -> dict | None:
    if name in REVIEW_STATUS:
        return {"pk": _review(REVIEW_STATUS[name]).pk}
    if name == "reporting:kpi_report_download":
        return {"pk": _kpi_report().pk}
    return None


def post_data(name: str) -> dict | None:
    today = timezone.localdate()
    if name == "reporting:kpi_report_make":
        return {"kind": "monthly", "year": today.year, "month": 13}  # refused: nothing to render
    if name == "reporting:review_edit":
        return {"planned_on": today.isoformat(), "other_inputs": "New law on education."}
    if name == "reporting:review_hold":
        return {"held_on": today.isoformat(), "participants": "All", "conclusions": "Effective."}
    if name == "reporting:review_decision_add":
        return {
            "kind": "resources",
            "text": "Hire a coordinator",
            "owner": _owner().pk,
            "due_on": (today + datetime.timedelta(days=30)).isoformat(),
        }
    if name == "reporting:review_return":
        return {"reason": "Name the owners."}
    if name in POST_ONLY:
        return {}
    return None
