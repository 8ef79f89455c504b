"""The register of external documents (§3.1): list, page, register, edit, introduce, check."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.selectors import events_for

from .. import selectors, services
from ..forms import ExternalCheckForm, ExternalDocumentForm, ExternalFilterForm
from ..workflow import CHECKS_EXTERNAL, EDITS_EXTERNAL, EXTERNAL_WORKFLOW

EXTERNAL_SHOWN = shown_by(selectors.externals_visible_to)


@access("documents.view_externaldocument")
def external_list(request: HttpRequest) -> HttpResponse:
    form = ExternalFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.externals_filtered(
        request.user,
        q=(filters.get("q") or "").strip(),
        status=filters.get("status") or "",
        process=filters.get("process"),
        due=bool(filters.get("due")),
    )
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    return render(request, "documents/external_list.html", {"form": form, "page_obj": page})


@access("documents.view_externaldocument", opens=EXTERNAL_SHOWN)
def external_detail(request: HttpRequest, pk: int) -> HttpResponse:
    external = selectors.external_get_for(request.user, pk)
    return render(
        request,
        "documents/external_detail.html",
        {
            "external": external,
            "editions": external.editions(),
            "checks": external.checks.select_related("checked_by", "new_edition"),
            "events": events_for(external),
            "may_check": CHECKS_EXTERNAL.allows_on(request.user, external)
            and external.status != external.Status.SUPERSEDED,
            "may_edit": EDITS_EXTERNAL.allows_on(request.user, external)
            and external.status != external.Status.SUPERSEDED,
        },
    )


@access("documents.add_externaldocument")
def external_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ExternalDocumentForm(request.POST or None, initial={"owner": request.user}),
        action=lambda data: services.external_register(
            actor=request.user,
            data={k: v for k, v in data.items() if k not in ("processes", "documents")},
            processes=data["processes"],
            documents=data["documents"],
        ),
        success=_("The external document is registered."),
        done_url=lambda external: external.get_absolute_url(),
        template="documents/external_form.html",
        context={"creating": True},
    )


@access("documents.change_externaldocument", opens=EXTERNAL_SHOWN, moves=EDITS_EXTERNAL)
def external_edit(request: HttpRequest, pk: int) -> HttpResponse:
    external = selectors.external_get_for(request.user, pk)
    if not EDITS_EXTERNAL.allows_on(request.user, external):
        raise PermissionDenied
    return form_page(
        request,
        ExternalDocumentForm(request.POST or None, instance=external),
        action=lambda data: services.external_update(
            external=external,
            actor=request.user,
            data={k: v for k, v in data.items() if k not in ("processes", "documents")},
            processes=data["processes"],
            documents=data["documents"],
        ),
        success=_("Saved."),
        done_url=external.get_absolute_url(),
        template="documents/external_form.html",
        context={"external": external},
    )


@access("documents.view_externaldocument", opens=EXTERNAL_SHOWN, moves=CHECKS_EXTERNAL)
def external_check(request: HttpRequest, pk: int) -> HttpResponse:
    external = selectors.external_get_for(request.user, pk)
    if not CHECKS_EXTERNAL.allows_on(request.user, external):
        raise PermissionDenied
    form = ExternalCheckForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.external_check(
            external=external,
            actor=request.user,
            outcome=data["outcome"],
            note=data["note"],
            edition=form.edition_data(),
        ),
        success=_("The check is recorded."),
        done_url=lambda check: (check.new_edition or external).get_absolute_url(),
        template="documents/external_check.html",
        context={"external": external},
    )


@require_POST
@access("documents.change_externaldocument", opens=EXTERNAL_SHOWN, moves=EXTERNAL_WORKFLOW.acts("introduced"))
def external_introduce(request: HttpRequest, pk: int) -> HttpResponse:
    external = selectors.external_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.external_introduce(external=external, actor=request.user),
        _("The edition is marked as introduced."),
    )
    return redirect(external)
