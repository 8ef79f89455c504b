"""Records made on forms: list, file, read, archive; the file nomenclature, legal holds, the
archive's list of what is due for disposal and the destruction acts (§3.2.2)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.selectors import events_for

from .. import selectors, services
from ..forms import (
    CommentForm,
    HoldForm,
    ProposeDestructionForm,
    ReasonForm,
    RecordClassChoiceForm,
    RecordClassForm,
    RecordForm,
    SignActForm,
)
from ..models import DestroyedFile, Record
from ..pdf import destruction_act_pdf
from ..workflow import ACT_WORKFLOW, HOLDS_RECORD, RECORD_WORKFLOW

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
                record_class=form.cleaned_data["record_class"],
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
        {
            "record": record,
            "events": events_for(record),
            "form": ReasonForm(),
            "hold_form": HoldForm(),
            "class_form": RecordClassChoiceForm(initial={"record_class": record.record_class_id}),
            "holds": services.records_holds(Record.objects.filter(pk=record.pk)).get(record.pk, ""),
            "destroyed_in": DestroyedFile.objects.filter(record=record, act__status="signed")
            .select_related("act")
            .first(),
        },
    )


@access("documents.view_record", opens=RECORD_SHOWN)
def record_download(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    if record.status == record.Status.DESTROYED or not record.file:
        messages.error(request, _("The file was destroyed by a signed act; the act keeps its SHA-256."))
        return redirect(record)
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


# ---- Records retention (§3.2.2) ----
CLASS_SHOWN = shown_by(selectors.record_classes_visible_to)
ACT_SHOWN = shown_by(selectors.destruction_acts_visible_to)


@access("documents.view_recordclass")
def nomenclature(request: HttpRequest) -> HttpResponse:
    classes = (
        selectors.record_classes_visible_to(request.user).annotate(held=Count("records")).order_by("code")
    )
    return render(request, "documents/nomenclature.html", {"classes": classes})


@access("documents.add_recordclass")
def record_class_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        RecordClassForm(request.POST or None),
        action=lambda data: services.record_class_save(actor=request.user, data=data),
        success=_("The class is added to the nomenclature."),
        done_url=reverse("documents:nomenclature"),
        template="documents/records_form.html",
        context={"heading": _("New record class"), "back": reverse("documents:nomenclature")},
    )


@access("documents.change_recordclass", opens=CLASS_SHOWN)
def record_class_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.record_class_get_for(request.user, pk)
    return form_page(
        request,
        RecordClassForm(request.POST or None, instance=row),
        action=lambda data: services.record_class_save(actor=request.user, data=data, record_class=row),
        success=_("Saved."),
        done_url=reverse("documents:nomenclature"),
        template="documents/records_form.html",
        context={"heading": str(row), "back": reverse("documents:nomenclature")},
    )


@require_POST
@access("documents.change_record", opens=RECORD_SHOWN)
def record_file_under(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    form = RecordClassChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a class of the file nomenclature."))
        return redirect(record)
    run_service(
        request,
        lambda: services.record_set_class(
            record=record, actor=request.user, record_class=form.cleaned_data["record_class"]
        ),
        _("The record is filed under its class."),
    )
    return redirect(record)


@require_POST
@access("documents.hold_record", opens=RECORD_SHOWN, moves=HOLDS_RECORD)
def record_hold(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for(request.user, pk)
    if not HOLDS_RECORD.allows_on(request.user, record):
        raise PermissionDenied
    form = HoldForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    hold = not record.legal_hold
    run_service(
        request,
        lambda: services.record_hold(record=record, actor=request.user, hold=hold, reason=reason),
        _("The record is on legal hold.") if hold else _("The legal hold is released."),
    )
    return redirect(record)


@access("documents.view_destructionact")
def archive_due(request: HttpRequest) -> HttpResponse:
    due = list(services.records_due_for_disposal())
    holds = services.records_holds(Record.objects.filter(pk__in=[r.pk for r in due]))
    for record in due:
        record.hold_reason = holds.get(record.pk, "")
    acts = (
        selectors.destruction_acts_visible_to(request.user)
        .annotate(count=Count("files"))
        .order_by("-proposed_at", "-pk")
    )
    return render(request, "documents/archive.html", {"due": due, "acts": acts})


@access("documents.propose_destruction")
def destruction_propose(request: HttpRequest) -> HttpResponse:
    due = services.records_due_for_disposal()
    form = ProposeDestructionForm(request.POST or None, due=due)
    return form_page(
        request,
        form,
        action=lambda data: services.destruction_propose(
            actor=request.user, records=data["records"], basis=data["basis"]
        ),
        success=_("The act is proposed; the legal head is asked to agree it."),
        done_url=lambda act: act.get_absolute_url(),
        template="documents/records_form.html",
        context={"heading": _("Propose a destruction act"), "back": reverse("documents:archive_due")},
    )


@access("documents.view_destructionact", opens=ACT_SHOWN)
def destruction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    act = selectors.destruction_act_get_for(request.user, pk)
    return render(
        request,
        "documents/destruction_detail.html",
        {"act": act, "files": act.files.all(), "events": events_for(act)},
    )


def _act_move(
    request, pk: int, target: str, form, call, success: str, heading: str, button: str
) -> HttpResponse:
    act = selectors.destruction_act_get_for(request.user, pk)
    if not ACT_WORKFLOW.acts(target).allows(request.user, pk=act.pk):
        raise PermissionDenied
    return form_page(
        request,
        form,
        action=lambda data: call(act, data),
        success=success,
        done_url=act.get_absolute_url(),
        template="documents/records_form.html",
        context={
            "heading": f"{heading} {act.number}",
            "back": act.get_absolute_url(),
            "button": button,
            "act": act,
        },
    )


@access("documents.view_destructionact", opens=ACT_SHOWN, moves=ACT_WORKFLOW.acts("agreed"))
def destruction_agree(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_move(
        request,
        pk,
        "agreed",
        CommentForm(request.POST or None),
        lambda act, data: services.destruction_agree(act=act, actor=request.user, comment=data["comment"]),
        _("The act is agreed; the Director General is asked to sign it."),
        _("Agree the act"),
        _("Agree"),
    )


@access("documents.view_destructionact", opens=ACT_SHOWN, moves=ACT_WORKFLOW.acts("rejected"))
def destruction_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_move(
        request,
        pk,
        "rejected",
        CommentForm(request.POST or None),
        lambda act, data: services.destruction_reject(act=act, actor=request.user, comment=data["comment"]),
        _("The act is rejected; nothing was destroyed."),
        _("Reject the act"),
        _("Reject"),
    )


@access("documents.view_destructionact", opens=ACT_SHOWN, moves=ACT_WORKFLOW.acts("signed"))
def destruction_sign(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_move(
        request,
        pk,
        "signed",
        SignActForm(request.POST or None),
        lambda act, data: services.destruction_sign(
            act=act, actor=request.user, password=data["password"], comment=data["comment"]
        ),
        _("The act is signed; the files are destroyed and their list is kept."),
        _("Sign the act"),
        _("Sign and destroy"),
    )


@access("documents.view_destructionact", opens=ACT_SHOWN)
def destruction_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    act = selectors.destruction_act_get_for(request.user, pk)
    response = HttpResponse(destruction_act_pdf(act), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{act.number}.pdf"'
    return response
