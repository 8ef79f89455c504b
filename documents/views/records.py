"""Records made on forms: list, file, read, archive."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import run_service
from core.selectors import events_for

from .. import selectors, services
from ..forms import ReasonForm, RecordForm
from ..workflow import RECORD_WORKFLOW

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
RECORD_SHOWN = shown_by(selectors.records_visible_to)


@access("documents.view_record")
def record_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.records_visible_to(request.user), settings.PAGINATE_BY).get_page(
        request.GET.get("page")
    )
    return render(request, "documents/record_list.html", {"page_obj": page})


@access("documents.add_record")
def record_create(request: HttpRequest) -> HttpResponse:
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        made = {}

        def call():
            made["r"] = services.record_create(
                actor=request.user,
                title=form.cleaned_data["title"],
                template_version=form.cleaned_data["template_version"],
                process=form.cleaned_data["process"],
                upload=form.cleaned_data["file"],
            )

        if run_service(request, call, _("The record is filed."), form):
            return redirect(made["r"])
    return render(request, "documents/record_form.html", {"form": form})


@access("documents.view_record", opens=RECORD_SHOWN)
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    return render(
        request,
        "documents/record_detail.html",
        {"record": record, "events": events_for(record), "form": ReasonForm()},
    )


@access("documents.view_record", opens=RECORD_SHOWN)
def record_download(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    return FileResponse(record.file.open("rb"), as_attachment=True, filename=record.file_name)


@require_POST
@access("documents.change_record", moves=RECORD_WORKFLOW.acts("archived"), opens=RECORD_SHOWN)
def record_archive(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    form = ReasonForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    run_service(
        request,
        lambda: services.record_archive(record=record, actor=request.user, comment=comment),
        _("The record is archived."),
    )
    return redirect(record)
