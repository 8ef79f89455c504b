"""?format=csv and ?format=xlsx on the open registry API: the whole filtered list as one file.

Rows are the serializers' own fields (DEQAR's names as column headers); nested values are
flattened: a nested object becomes dotted columns, a list one cell joined with "; ", a file
its URL. Lists are limited to IAAR_EXPORT_MAX_ROWS rows; a longer one gets a 400 in JSON.
"""

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core import exports

from .api_schema import BAD_REQUEST, NOT_FOUND, TOO_MANY

LIST_SEPARATOR = "; "


def _cell(value):
    if isinstance(value, Mapping):
        if "file" in value or "url" in value:  # a file: its address
            return value.get("file") or value.get("url") or ""
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(_cell(v)) for v in value if v not in (None, ""))
    return value


def flatten(record: Mapping, prefix: str = "") -> dict:
    """One serialized object as flat cells."""
    flat = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not ("file" in value or "url" in value):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = _cell(value)
    return flat


def export_filename(view, fmt: str) -> str:
    name = getattr(view, "export_name", None) or f"{getattr(view, 'basename', 'export')}s"
    return f"iaar-{name}-{timezone.localdate().isoformat()}.{fmt}"


class TableRenderer(BaseRenderer):
    """Serializer data (one object or a list, possibly lazy) as a table file."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        context = renderer_context or {}
        view, response = context.get("view"), context.get("response")
        header, rows = self._table([data] if isinstance(data, Mapping) else data, view)
        if response is not None:
            response["Content-Disposition"] = f'attachment; filename="{export_filename(view, self.format)}"'
        return self.write(header, rows, getattr(view, "export_name", "") or "IAAR")

    @staticmethod
    def _table(records: Iterable[Mapping], view) -> tuple[list[str], Iterator[list]]:
        records = iter(records or ())
        first = next(records, None)
        if first is None:
            fields = view.get_serializer().fields if view is not None else {}
            return list(fields), iter(())
        first = flatten(first)
        header = list(first)
        flat = chain([first], (flatten(r) for r in records))
        return header, ([row.get(column) for column in header] for row in flat)

    def write(self, header: list[str], rows: Iterator[list], title: str) -> bytes:
        raise NotImplementedError


class CSVRenderer(TableRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def write(self, header, rows, title):
        return b"".join(exports.csv_chunks(header, rows))


class XLSXRenderer(TableRenderer):
    media_type = exports.XLSX_CONTENT_TYPE
    format = "xlsx"
    charset = None
    render_style = "binary"

    def write(self, header, rows, title):
        return exports.xlsx_bytes(title, header, rows)


class ExportTooLarge(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "export_too_large"


class ExportSchema(AutoSchema):
    """The files are described as files, not as the JSON page."""

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        tables = [r.media_type for r in self.view.get_renderers() if isinstance(r, TableRenderer)]
        if self.method != "GET" or not tables or isinstance(serializer, dict):
            return serializer
        others = [m for m in self.map_renderers("media_type") if m not in tables]
        file = OpenApiResponse(OpenApiTypes.BINARY, description=str(_("The list as a file (?format=…)")))
        # Refusals are answered in JSON whatever format was asked for (finalize_response).
        return {
            (200, *others): serializer,
            **{(200, media_type): file for media_type in tables},
            (400, "application/json"): BAD_REQUEST,
            (404, "application/json"): NOT_FOUND,
            **({(429, "application/json"): TOO_MANY} if self._is_retrieve() else {}),
        }

    def _is_retrieve(self) -> bool:
        return getattr(self.view, "action", "") == "retrieve"


# For a read-only viewset: its list (filtered, unpaginated) as CSV or XLSX. A comment, not a
# docstring: drf-spectacular would show it as the description of viewsets that have none.
class ExportMixin:
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer, XLSXRenderer]
    schema = ExportSchema()
    export_name = ""
    export_chunk = 1000

    def _exporting(self) -> bool:
        return isinstance(getattr(self.request, "accepted_renderer", None), TableRenderer)

    def list(self, request, *args, **kwargs):
        if not self._exporting():
            return super().list(request, *args, **kwargs)
        rows = self.filter_queryset(self.get_queryset())
        limit = settings.IAAR_EXPORT_MAX_ROWS
        count = rows.count()
        if count > limit:
            raise ExportTooLarge(
                _(
                    "The list has %(count)d rows, more than the %(limit)d an export may hold. "
                    "Narrow it down with filters."
                )
                % {"count": count, "limit": limit}
            )
        return Response(self._serialized(rows))

    def _serialized(self, rows) -> Iterator[dict]:
        """Serialized a chunk at a time: the list is never all in memory as objects."""
        objects = rows.iterator(chunk_size=self.export_chunk)
        while chunk := list(islice(objects, self.export_chunk)):
            yield from self.get_serializer(chunk, many=True).data

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors (a bad filter, a list too long, a missing object) are explained in JSON.
        if response.status_code >= 400 and self._exporting():
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
