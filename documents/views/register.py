"""The register of documents: list, create, detail, edit, revisions, file download, diff."""

import difflib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import PUBLIC, SIGNED_IN, access, refused_as, shown_by
from core.files import sha256_of
from core.form_pages import run_service
from core.selectors import events_for

from .. import selectors, services
from ..forms import DiffForm, DocumentCreateForm, DocumentMetaForm, ReplaceFileForm, VersionForm
from ..models import DocumentVersion
from ..workflow import EDITS_DOCUMENT

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
DOCUMENT_SHOWN = shown_by(selectors.documents_visible_to)
# The page, a version, its file and its in-browser reading: for whoever sees the document and
# for one asked to read a version (that version only); the refusal as the selector gives it.
READS = refused_as(
    lambda user, pk, version_pk=None, **_: selectors.may_read(user, pk, version_pk), selectors.refusal_for
)


@access("documents.view_document")
def document_list(request: HttpRequest) -> HttpResponse:
    from ..forms import RegisterFilterForm

    form = RegisterFilterForm(request.GET or None)
    rows = selectors.register_rows(request.user, **form.filters())
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    return render(request, "documents/document_list.html", {"form": form, "page_obj": page})


@access("documents.add_document")
def document_create(request: HttpRequest) -> HttpResponse:
    form = DocumentCreateForm(request.POST or None, request.FILES or None, initial={"owner": request.user})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = {}

        def call():
            created["doc"] = services.document_create(
                actor=request.user,
                upload=data["file"],
                change_summary=data["change_summary"],
                **{k: v for k, v in data.items() if k not in ("file", "change_summary")},
            )

        if run_service(request, call, _("The document is registered as a draft."), form):
            return redirect(created["doc"])
    return render(request, "documents/document_form.html", {"form": form, "creating": True})


def _events(context: dict):
    return events_for(context["version"]) if context["version"] else []


@access(SIGNED_IN, opens=READS)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document, reading = selectors.document_readable_for(request.user, pk)
    context = selectors.document_page(request.user, document, reading, reading_only=reading is not None)
    return render(request, "documents/document_detail.html", {**context, "events": _events(context)})


@access(SIGNED_IN, opens=READS)
def version_detail(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version, reading_only = selectors.version_readable_for(request.user, pk, version_pk)
    context = selectors.document_page(request.user, version.document, version, reading_only=reading_only)
    return render(request, "documents/document_detail.html", {**context, "events": _events(context)})


@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=EDITS_DOCUMENT)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not EDITS_DOCUMENT.allows_on(request.user, document):
        raise PermissionDenied
    form = DocumentMetaForm(
        request.POST or None, instance=document, initial={"readers": selectors.document_readers(document)}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if run_service(
            request,
            lambda: services.document_update(
                document=document, actor=request.user, readers=form.cleaned_data["readers"], **fields
            ),
            _("The register entry is saved."),
            form,
        ):
            return redirect(document)
    # The form must not write to the instance by itself: the service does.
    document.refresh_from_db()
    return render(request, "documents/document_form.html", {"form": form, "document": document})


@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=EDITS_DOCUMENT)
def version_create(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not EDITS_DOCUMENT.allows_on(request.user, document):
        raise PermissionDenied
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        made = {}

        def call():
            made["v"] = services.version_create(
                document=document,
                actor=request.user,
                upload=form.cleaned_data["file"],
                change_summary=form.cleaned_data["change_summary"],
                major=form.cleaned_data["major"],
            )

        if run_service(request, call, _("The new draft is uploaded."), form):
            return redirect(made["v"])
    return render(request, "documents/version_form.html", {"form": form, "document": document})


@require_POST
@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=EDITS_DOCUMENT)
def version_replace_file(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    if not EDITS_DOCUMENT.allows_on(request.user, version.document):
        raise PermissionDenied
    form = ReplaceFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the corrected file to upload."))
    else:
        run_service(
            request,
            lambda: services.version_replace_file(
                version=version, actor=request.user, upload=form.cleaned_data["file"]
            ),
            _("The draft's file is replaced."),
        )
    return redirect(version)


# Files a browser shows as they are; the others are read in the browser as their text.
SHOWN_AS_IS = {"pdf": "application/pdf", "txt": "text/plain; charset=utf-8"}


def _send_file(version: DocumentVersion, *, inline: bool = False) -> HttpResponse:
    handle = version.file.open("rb")
    if sha256_of(handle) != version.sha256:
        handle.close()
        return None
    if inline:
        return FileResponse(
            handle,
            as_attachment=False,
            filename=version.download_name,
            content_type=SHOWN_AS_IS[version.file_type],
        )
    return FileResponse(handle, as_attachment=True, filename=version.download_name)


def _altered(request: HttpRequest, version: DocumentVersion) -> HttpResponse:
    messages.error(
        request,
        _(
            "The stored file does not match its recorded checksum, so it is not handed out. "
            "Tell the portal administrator."
        ),
    )
    return redirect(version)


@access(SIGNED_IN, opens=READS)
def version_download(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version, _reading_only = selectors.version_readable_for(request.user, pk, version_pk)
    response = _send_file(version)
    if response is None:
        return _altered(request, version)
    services.acknowledgement_record_open(version=version, person=request.user, via="download")
    return response


@access(SIGNED_IN, opens=READS)
def version_preview(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    """Read the version in the browser: a PDF or a text file as it is, an office file as the text
    extracted from it. Opening it is what lets a reader confirm they have read it."""
    version, reading_only = selectors.version_readable_for(request.user, pk, version_pk)
    if version.file_type in SHOWN_AS_IS:
        response = _send_file(version, inline=True)
        if response is None:
            return _altered(request, version)
    else:
        with version.file.open("rb") as handle:
            if sha256_of(handle) != version.sha256:
                return _altered(request, version)
        response = render(
            request,
            "documents/version_preview.html",
            {
                "version": version,
                "document": version.document,
                "reading_only": reading_only,
                "my_ack": selectors.acknowledgement_of(request.user, version),
            },
        )
    services.acknowledgement_record_open(version=version, person=request.user, via="preview")
    return response


@access("documents.view_document", opens=DOCUMENT_SHOWN)
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    form = DiffForm(request.GET or None)
    versions = {v.pk: v for v in document.versions.all()}
    if (
        not form.is_valid()
        or form.cleaned_data["a"] not in versions
        or form.cleaned_data["b"] not in versions
    ):
        messages.error(request, _("Choose two versions of this document to compare."))
        return redirect(document)
    old, new = versions[form.cleaned_data["a"]], versions[form.cleaned_data["b"]]
    if (old.major, old.minor) > (new.major, new.minor):
        old, new = new, old
    rows = None
    if old.text and new.text:
        rows = list(difflib.unified_diff(old.text.splitlines(), new.text.splitlines(), lineterm="", n=2))[2:]
    return render(
        request, "documents/version_diff.html", {"document": document, "old": old, "new": new, "rows": rows}
    )


@access(PUBLIC)
def public_list(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/public_list.html", {"sections": selectors.public_sections()})


@access(PUBLIC)
def public_download(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(selectors.public_documents(), pk=pk)
    response = _send_file(document.effective_version)
    if response is None:
        return HttpResponse(_("This file is temporarily unavailable."), status=503, content_type="text/plain")
    return response
