"""The only place that calls WeasyPrint. Apps build a context and call ``render_pdf``."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # heavy import: only when a PDF is asked for

    html = render_to_string(template, {**context, "generated_at": timezone.now()})
    stylesheet = finders.find("pdf/print.css")
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=stylesheet)]
    )


def pdf_response(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
