"""Stored files leave the portal only through the access-checked view that names them.

No stored file has a public URL (``/media/`` is not served, DEBUG or not). A view that has
checked who may read a file answers with ``stored_file_response``: a PDF is shown inline, any
other file is a download (``Content-Disposition: attachment``), never sniffed into something
else (``X-Content-Type-Options: nosniff``). Behind a proxy that serves files itself, set
``IAAR_FILE_SENDER``: ``x-accel-redirect`` (nginx: the file's storage name under
``IAAR_FILE_ACCEL_PREFIX``, an ``internal`` location) or ``x-sendfile`` (Apache, lighttpd:
the file's path); the portal then sends the headers and the proxy the bytes.
"""

import hashlib
import logging
import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

PDF = "application/pdf"
logger = logging.getLogger(__name__)


def stored_file_response(
    file, filename: str = "", content_type: str = "", attachment: bool | None = None
) -> HttpResponse:
    """The stored ``file`` (a FieldFile) for a reader already allowed to have it: a PDF inline
    unless ``attachment``, anything else as a download."""
    filename = filename or file.name.rsplit("/", 1)[-1]
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    inline = content_type == PDF and not attachment
    sender = getattr(settings, "IAAR_FILE_SENDER", "")
    if sender in ("x-accel-redirect", "x-sendfile"):
        response = HttpResponse(content_type=content_type)
        if sender == "x-accel-redirect":
            prefix = getattr(settings, "IAAR_FILE_ACCEL_PREFIX", "/protected/")
            response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(file.name)
        else:
            response["X-Sendfile"] = file.path
        response["Content-Disposition"] = content_disposition_header(not inline, filename)
    else:
        response = FileResponse(
            file.open("rb"), as_attachment=not inline, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_sha256(file) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checked_file_response(
    request: HttpRequest, file, sha256: str, filename: str = "", **kwargs
) -> HttpResponse:
    """The stored ``file`` only if its content still has the SHA-256 recorded when it was
    stored; an altered file is not handed out (409, the reader told why, the fault logged)."""
    if sha256 and file_sha256(file) != sha256:
        logger.error("Stored file %s does not match its recorded SHA-256; not served.", file.name)
        return render(request, "errors/altered_file.html", status=409)
    return stored_file_response(file, filename, **kwargs)
