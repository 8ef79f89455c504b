"""PDFs are drawn from templates that show what users typed; whatever URL reaches the HTML,
the renderer fetches nothing from the network and no file outside the portal's static files."""

import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader

from core import pdf


@pytest.fixture
def listener():
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def test_a_pdf_fetches_no_address_and_no_private_file(listener, tmp_path, settings, monkeypatch):
    base, hits = listener
    hostile = (
        f'<link rel="stylesheet" href="{base}/style.css"><img src="{base}/img.png">'
        '<img src="file:///etc/passwd"><iframe src="file:///etc/hostname"></iframe>'
        f'<p style="background: url({base}/bg.png)">Отчёт ВЭК</p>'
    )
    monkeypatch.setattr(pdf, "render_to_string", lambda template, context: hostile)
    content = pdf.render_pdf("any.html", {})
    assert hits == []
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Отчёт ВЭК" in text
    assert "root:" not in text


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/meta-data/", "https://example.org/a.png", "file:///etc/passwd"]
)
def test_the_fetcher_refuses_anything_but_data_and_static_files(url):
    with pytest.raises(ValueError):
        pdf._fetcher().fetch(url)


def test_the_fetcher_still_reads_the_portals_stylesheet_and_inline_images(settings):
    stylesheet = settings.BASE_DIR / "static" / "pdf" / "print.css"
    assert pdf._fetcher().fetch(stylesheet.as_uri()).read()
    assert pdf._fetcher().fetch("data:text/plain;base64,b2s=").read() == b"ok"
