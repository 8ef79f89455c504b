"""The only place that calls WeasyPrint. Apps build a context and call ``render_pdf``."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone


def _static_roots() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / "static"]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


def _fetcher():
    """A fetcher that reads ``data:`` URIs and the portal's own static files and nothing
    else: no network address (SSRF), no other file on the disk, whatever text a user managed
    to put into a template."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in _static_roots()):
                    raise ValueError(f"not a static file of the portal: {url}")
            elif scheme != "data":
                raise ValueError(f"PDFs fetch nothing from the network: {url}")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=2)


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # heavy import: only when a PDF is asked for

    html = render_to_string(template, {**context, "generated_at": timezone.now()})
    stylesheet = finders.find("pdf/print.css")
    fetcher = _fetcher()
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(filename=stylesheet, url_fetcher=fetcher)]
    )


def pdf_response(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
