"""The summary of a public consultation on a draft standard (§6.3): per section, the comments
with the working group's answers and dispositions. Only core.pdf calls WeasyPrint; printed in
the agency's language (settings.LANGUAGE_CODE), whoever asks, as the body's papers it feeds."""

from django.conf import settings
from django.utils import translation

from core.pdf import render_pdf

from .models.standards_dev import Consultation
from .selectors.standards_dev import summary


def consultation_summary_pdf(consultation: Consultation) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf("pdf/consultation_summary.html", summary(consultation))
