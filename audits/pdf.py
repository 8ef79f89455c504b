"""The audit's printed documents: the Director General's order and the audit report.
Only core.pdf calls WeasyPrint; this module builds what they show."""

import hashlib

from django.conf import settings
from django.utils import translation

from core.pdf import render_pdf

from . import selectors
from .models import Audit


def report_context(audit: Audit) -> dict:
    findings = selectors.findings_of(audit)
    return {
        "audit": audit,
        "team": selectors.team_of(audit),
        "processes": audit.processes.order_by("group", "name"),
        "criteria": audit.criteria.order_by("source", "position", "code"),
        "checklist": audit.checklist.select_related("criterion", "checked_by"),
        "counts": selectors.checklist_counts(audit),
        "findings": [f for f in findings if not f.withdrawn],
        "withdrawn": [f for f in findings if f.withdrawn],
        "recommendations": audit.recommendations.select_related("document"),
    }


def report_pdf(audit: Audit, *, language: str | None = None) -> bytes:
    """The report as it stands; the accepted one is rendered once, in the agency's language."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return render_pdf("pdf/audit_report.html", report_context(audit))


def order_pdf(audit: Audit) -> bytes:
    return render_pdf(
        "pdf/audit_order.html",
        {
            "audit": audit,
            "team": selectors.team_of(audit),
            "processes": audit.processes.order_by("group", "name"),
            "criteria": audit.criteria.order_by("source", "position", "code"),
            "content_sha256": hashlib.sha256(selectors.order_content(audit).encode()).hexdigest(),
        },
    )
