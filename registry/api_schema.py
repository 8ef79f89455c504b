"""What makes the open API say truthfully what it does: filters that refuse what they cannot
use (an empty value, a value outside their bounds or choices) with a 400 and a message, bounds
and enums in the schema, the 400 and 404 answers documented with their bodies, and pages that
start at 1."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from .paging import KeptCountPaginator

FORMATS = ("json", "csv", "xlsx")


class StrictFilterSet(django_filters.FilterSet):
    """A filter named in the address but given no value is refused, not ignored."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        getlist = getattr(self.data, "getlist", None)
        for name in self.filters:
            if name not in self.data:
                continue
            values = getlist(name) if getlist else [self.data.get(name)]
            if any(str(value) == "" for value in values):
                self.form.add_error(name, _("Give a value, or leave this filter out."))
                valid = False
        return valid


def text_filter(max_length: int, **kwargs) -> django_filters.CharFilter:
    """A text filter whose schema states its length (1 to ``max_length``)."""

    @extend_schema_field(
        {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": "^[^\\u0000]*$"}
    )
    class BoundedText(django_filters.CharFilter):
        pass

    return BoundedText(max_length=max_length, **kwargs)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def integer_filter(minimum: int, maximum: int, **kwargs) -> IntegerFilter:
    """A whole-number filter with its bounds in the schema (``year=-1e-05`` is not a year)."""

    @extend_schema_field({"type": "integer", "minimum": minimum, "maximum": maximum})
    class BoundedInteger(IntegerFilter):
        pass

    return BoundedInteger(min_value=minimum, max_value=maximum, **kwargs)


class Pagination(PageNumberPagination):
    """Pages from 1; a page past the last is a 404 with a message. The count of a list is
    counted once until the registry changes, not again for every page."""

    django_paginator_class = KeptCountPaginator

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
        return parameters


class ErrorSerializer(serializers.Serializer):
    """What a refused request gets: a sentence, or the message of each refused parameter."""

    detail = serializers.CharField(required=False, help_text="Why the request was refused.")


class FieldErrorsSerializer(serializers.Serializer):
    """A filter refused: each refused parameter with its messages."""

    field = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="The messages for this parameter"
    )


BAD_REQUEST = OpenApiResponse(
    FieldErrorsSerializer,
    description="A filter or parameter was refused: each one named, with its messages "
    '(e.g. {"year": ["Ensure this value is greater than or equal to 2000."]}); '
    'or {"detail": "…"} for a list too long to export.',
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description='Nothing here: {"detail": "…"}.')
TOO_MANY = OpenApiResponse(
    ErrorSerializer, description="Too many single records asked for from one address; retry after a minute."
)


def refuse_unknown_format(request, allowed=FORMATS) -> None:
    """``?format=`` empty or unknown: a 400 that says which formats exist (not a bare 404)."""
    if "format" in request.query_params:
        value = request.query_params.get("format", "")
        if value not in allowed:
            raise ValidationError(
                {"format": [_("Choose one of: %(formats)s.") % {"formats": ", ".join(allowed)}]}
            )


def refuse_bad_page(request) -> None:
    """``?page=`` must be one whole number from 1, for the JSON pages and the files alike."""
    values = request.query_params.getlist("page")
    if not values:
        return
    value = values[0]
    if len(values) > 1 or len(value) > 9 or not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValidationError({"page": [_("A page is a whole number from 1.")]})


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a 404 in JSON, as the schema documents."""
    from django.http import JsonResponse
    from django.utils.translation import gettext

    return JsonResponse({"detail": gettext("Not found.")}, status=404)
