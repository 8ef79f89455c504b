"""Helpers every form page shares: run a service, turn its refusal into a message."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


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


def form_page(
    request: HttpRequest,
    form,
    *,
    action: Callable[[dict], object],
    success: str,
    done_url: "str | Callable[[object], object]",
    template: str,
    context: dict,
) -> HttpResponse:
    """The shape of every form page: show the form; on a valid post run the service with the
    cleaned data, then go to ``done_url`` (or to what it returns for the service's result, e.g.
    the record just made); on a refusal show the form with the message."""
    posted = request.method == "POST" and form.is_valid()
    made = []
    if posted and run_service(request, lambda: made.append(action(form.cleaned_data)), success, form):
        return redirect(done_url(made[0]) if callable(done_url) else done_url)
    return render(request, template, {"form": form, **context})
