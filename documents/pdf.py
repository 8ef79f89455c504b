"""Contexts for the document PDFs; core.pdf renders them."""

from core.pdf import render_pdf

from .models import DocumentVersion
from .selectors import familiarization_of


def approval_sheet(version: DocumentVersion) -> bytes:
    return render_pdf(
        "pdf/document_approval_sheet.html",
        {
            "version": version,
            "document": version.document,
            "signatures": version.signatures.all(),
            "steps": version.steps.select_related("reviewer").order_by("round", "position"),
            "familiarization": familiarization_of(version),
        },
    )


def register_pdf(documents) -> bytes:
    return render_pdf("pdf/document_register.html", {"documents": documents})


def destruction_act_pdf(act) -> bytes:
    return render_pdf("pdf/destruction_act.html", {"act": act, "files": act.files.all()})
