"""Helpers every document view shares: run a service, turn its refusal into a message."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def run_service(request: HttpRequest, call: Callable, success: str, form=None) -> bool:
    """Call a service; a domain refusal becomes an error message (on the form when given)."""
    try:
        call()
    except ValidationError as exc:
        text = " ".join(exc.messages)
        if form is not None:
            form.add_error(None, text)
        else:
            messages.error(request, text)
        return False
    messages.success(request, success)
    return True
