"""The code of ethics: the reader's acceptance of the effective version by signature, and the
register of who has accepted it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import access
from core.form_pages import form_page

from ..forms import EthicsAcceptForm
from ..selectors import ethics as selectors
from ..services import ethics as services


@access("people.accept_ethics_code")
def ethics(request: HttpRequest) -> HttpResponse:
    version = selectors.current_version()
    return form_page(
        request,
        EthicsAcceptForm(request.POST or None),
        action=lambda data: services.ethics_accept(actor=request.user, password=data["password"]),
        success=_("You have accepted the code of ethics."),
        done_url=reverse("people:ethics"),
        template="people/ethics.html",
        context={
            "version": version,
            "asked": selectors.must_accept(request.user),
            "bound": selectors.bound_by_code().filter(pk=request.user.pk).exists(),
            "acceptances": selectors.acceptances_of(request.user),
        },
    )


@access("people.view_staff")
def ethics_register(request: HttpRequest) -> HttpResponse:
    status = selectors.acceptance_status()
    return render(
        request,
        "people/ethics_register.html",
        {
            "version": selectors.current_version(),
            "status": status,
            "missing": sum(1 for _p, a in status if a is None),
        },
    )
