"""The assessment instruments' pages (§6.6, §6.2.2): the standard sets and threshold requirements
with their document versions, the assessment table, the criterion-level changes of a new version,
and the draft's editing (only while its document version is a draft)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, url_for_reader
from core.form_pages import form_page, run_service
from documents.models import DocumentVersion

from ..models import (
    AccreditationProject,
    Criterion,
    EducationLevel,
    StandardSet,
    ThresholdItem,
    ThresholdList,
)
from ..selectors import standards as sel
from ..services import standards as services

VIEW = "accreditation.view_standardset"
EDIT = "accreditation.change_standardset"
LANGUAGE_LABELS = {
    "": gettext_lazy("English"),
    "_ru": gettext_lazy("Russian"),
    "_kk": gettext_lazy("Kazakh"),
    "_ky": gettext_lazy("Kyrgyz"),
}


def _set_exists(user, **kwargs) -> bool:
    return StandardSet.objects.filter(pk=kwargs["pk"]).exists()


def _list_exists(user, **kwargs) -> bool:
    return ThresholdList.objects.filter(pk=kwargs["pk"]).exists()


def _version_exists(user, **kwargs) -> bool:
    return DocumentVersion.objects.filter(pk=kwargs["version_pk"]).exists()


# --- Forms --------------------------------------------------------------------------------------


def _text_fields(form, field: str, label, *, textarea: bool, initial=None) -> None:
    for suffix, language in LANGUAGE_LABELS.items():
        widget = forms.Textarea(attrs={"rows": 2}) if textarea else forms.TextInput
        form.fields[f"{field}{suffix}"] = forms.CharField(
            label=f"{label} ({language})", max_length=5000 if textarea else 300, widget=widget
        )
        if initial is not None:
            form.fields[f"{field}{suffix}"].initial = getattr(initial, f"{field}{suffix}")


class SetDraftForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=40,
        help_text=gettext_lazy("The code of the set; a code already in force makes its next version."),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of accreditation"), choices=AccreditationProject.Kind.choices
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _text_fields(self, "title", gettext_lazy("Title"), textarea=False)


class NumberedTextForm(forms.Form):
    number = forms.IntegerField(label=gettext_lazy("Number"), min_value=1, max_value=999)

    def __init__(self, *args, field: str, label, textarea: bool, instance=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["number"].initial = instance.number
        _text_fields(self, field, label, textarea=textarea, initial=instance)


class ThresholdDraftForm(forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Level of education"), choices=EducationLevel.choices)


class ThresholdItemForm(forms.Form):
    code = forms.SlugField(label=gettext_lazy("Code"), max_length=40)
    position = forms.IntegerField(label=gettext_lazy("Order"), min_value=0, max_value=999, initial=1)

    def __init__(self, *args, instance=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["code"].initial = instance.code
            self.fields["position"].initial = instance.position
        _text_fields(self, "text", gettext_lazy("Requirement"), textarea=False, initial=instance)


# --- Pages --------------------------------------------------------------------------------------


@access(VIEW)
def standards_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accreditation/standards_list.html",
        {"sets": sel.standard_sets_listed(), "lists": sel.threshold_lists_listed()},
    )


@access(VIEW, opens=_set_exists)
def standard_set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    standard_set = sel.standard_set_get(pk)
    return render(
        request,
        "accreditation/standard_set_detail.html",
        {
            "set": standard_set,
            "table": sel.standard_set_table(standard_set),
            "previous": sel.standard_set_previous(standard_set),
            "can_edit": standard_set.editable and request.user.has_perm(EDIT),
            "projects": standard_set.projects.count(),
        },
    )


@access(VIEW, opens=_set_exists)
def standard_set_diff(request: HttpRequest, pk: int) -> HttpResponse:
    standard_set = sel.standard_set_get(pk)
    previous = sel.standard_set_previous(standard_set)
    rows = sel.standard_set_diff(standard_set, previous)
    counts = {state: sum(1 for r in rows if r["state"] == state) for state in sel.DIFF_STATES}
    return render(
        request,
        "accreditation/standard_set_diff.html",
        {
            "set": standard_set,
            "previous": previous,
            "rows": [r for r in rows if r["state"] != "same"],
            "counts": [(sel.DIFF_STATES[s], n) for s, n in counts.items()],
            "states": sel.DIFF_STATES,
        },
    )


def _refuse_frozen(request, obj) -> HttpResponse | None:
    """An edit page of a set or list that is no longer a draft: say so and show the record."""
    if obj.editable:
        return None
    messages.error(
        request, _("This is no longer a draft: it is part of an approved document and cannot change.")
    )
    return redirect(_url_of(obj))


def _url_of(obj) -> str:
    return obj.get_absolute_url()


@access(EDIT, opens=_version_exists)
def standard_set_draft(request: HttpRequest, version_pk: int) -> HttpResponse:
    version = get_object_or_404(DocumentVersion.objects.select_related("document"), pk=version_pk)
    if version.status != DocumentVersion.Status.DRAFT:
        messages.error(request, _("Standards and requirements are drafted on a draft version only."))
        return redirect(version)
    form = SetDraftForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.standard_set_draft(
            actor=request.user, document_version=version, code=data["code"], kind=data["kind"], titles=data
        ),
        success=_("The draft set is ready: add or change its standards and criteria."),
        done_url=_url_of,
        template="accreditation/standards_form.html",
        context={
            "heading": _("Standards and criteria of %(version)s") % {"version": version},
            "back": version,
        },
    )


@access(EDIT, opens=_set_exists)
def standard_edit(request: HttpRequest, pk: int, standard_pk: int | None = None) -> HttpResponse:
    standard_set = sel.standard_set_get(pk)
    if refused := _refuse_frozen(request, standard_set):
        return refused
    standard = get_object_or_404(standard_set.standards, pk=standard_pk) if standard_pk else None
    form = NumberedTextForm(
        request.POST or None, field="title", label=gettext_lazy("Standard"), textarea=False, instance=standard
    )
    return form_page(
        request,
        form,
        action=lambda data: services.standard_save(
            actor=request.user, standard_set=standard_set, number=data["number"], data=data, standard=standard
        ),
        success=_("The standard is saved."),
        done_url=_url_of(standard_set),
        template="accreditation/standards_form.html",
        context={"heading": str(standard or _("New standard")), "back": standard_set},
    )


@access(EDIT, opens=_set_exists)
def criterion_edit(
    request: HttpRequest, pk: int, standard_pk: int, criterion_pk: int | None = None
) -> HttpResponse:
    standard_set = sel.standard_set_get(pk)
    if refused := _refuse_frozen(request, standard_set):
        return refused
    standard = get_object_or_404(standard_set.standards, pk=standard_pk)
    criterion = get_object_or_404(standard.criteria, pk=criterion_pk) if criterion_pk else None
    form = NumberedTextForm(
        request.POST or None, field="text", label=gettext_lazy("Criterion"), textarea=True, instance=criterion
    )
    return form_page(
        request,
        form,
        action=lambda data: services.criterion_save(
            actor=request.user, standard=standard, number=data["number"], data=data, criterion=criterion
        ),
        success=_("The criterion is saved."),
        done_url=_url_of(standard_set),
        template="accreditation/standards_form.html",
        context={
            "heading": criterion.code if criterion else _("New criterion of %(s)s") % {"s": standard},
            "back": standard_set,
        },
    )


@require_POST
@access(EDIT, opens=_set_exists)
def criterion_remove(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    standard_set = sel.standard_set_get(pk)
    criterion = get_object_or_404(Criterion, pk=criterion_pk, standard__standard_set=standard_set)
    run_service(
        request,
        lambda: services.criterion_remove(actor=request.user, criterion=criterion),
        _("The criterion is taken out of the draft."),
    )
    return redirect(_url_of(standard_set))


# --- Threshold requirements ---------------------------------------------------------------------


@access(VIEW, opens=_list_exists)
def threshold_list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    checklist = sel.threshold_list_get(pk)
    return render(
        request,
        "accreditation/threshold_list_detail.html",
        {
            "list": checklist,
            "items": checklist.items.order_by("position", "pk"),
            "can_edit": checklist.editable and request.user.has_perm(EDIT),
            "projects": checklist.projects.count(),
        },
    )


@access(EDIT, opens=_version_exists)
def threshold_list_draft(request: HttpRequest, version_pk: int) -> HttpResponse:
    version = get_object_or_404(DocumentVersion.objects.select_related("document"), pk=version_pk)
    if version.status != DocumentVersion.Status.DRAFT:
        messages.error(request, _("Standards and requirements are drafted on a draft version only."))
        return redirect(version)
    return form_page(
        request,
        ThresholdDraftForm(request.POST or None),
        action=lambda data: services.threshold_list_draft(
            actor=request.user, document_version=version, level=data["level"]
        ),
        success=_("The draft requirements are ready: add or change them."),
        done_url=_url_of,
        template="accreditation/standards_form.html",
        context={
            "heading": _("Threshold requirements of %(version)s") % {"version": version},
            "back": version,
        },
    )


@access(EDIT, opens=_list_exists)
def threshold_item_edit(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    checklist = sel.threshold_list_get(pk)
    if refused := _refuse_frozen(request, checklist):
        return refused
    item = get_object_or_404(checklist.items, pk=item_pk) if item_pk else None
    form = ThresholdItemForm(request.POST or None, instance=item)
    return form_page(
        request,
        form,
        action=lambda data: services.threshold_item_save(
            actor=request.user,
            threshold_list=checklist,
            code=data["code"],
            position=data["position"],
            data=data,
            item=item,
        ),
        success=_("The requirement is saved."),
        done_url=_url_of(checklist),
        template="accreditation/standards_form.html",
        context={"heading": str(item or _("New requirement")), "back": checklist},
    )


@require_POST
@access(EDIT, opens=_list_exists)
def threshold_item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    checklist = sel.threshold_list_get(pk)
    item = get_object_or_404(ThresholdItem, pk=item_pk, threshold_list=checklist)
    run_service(
        request,
        lambda: services.threshold_item_remove(actor=request.user, item=item),
        _("The requirement is taken out of the draft."),
    )
    return redirect(_url_of(checklist))


# --- What the document version's page links to --------------------------------------------------


def version_instrument_links(user, version) -> list[tuple[str, str]]:
    """documents.extensions provider: the sets and lists this version carries, the criterion-level
    changes of each set against the one before, and (on a draft) where to add them."""
    links = []
    sets, lists = sel.instruments_of_version(version)
    for standard_set in sets:
        if url := url_for_reader(user, "accreditation:standard_set_detail", standard_set.pk):
            links.append(
                (
                    _("Assessment table %(code)s v%(v)s")
                    % {"code": standard_set.code, "v": standard_set.version},
                    url,
                )
            )
        if sel.standard_set_previous(standard_set) and (
            url := url_for_reader(user, "accreditation:standard_set_diff", standard_set.pk)
        ):
            links.append((_("Changes in the criteria"), url))
    for checklist in lists:
        if url := url_for_reader(user, "accreditation:threshold_list_detail", checklist.pk):
            links.append(
                (_("Threshold requirements: %(level)s") % {"level": checklist.get_level_display()}, url)
            )
    if version.status == "draft" and version.document.doc_type in services.CARRIERS:
        if url := url_for_reader(user, "accreditation:standard_set_draft", version.pk):
            links.append((_("Add standards and criteria"), url))
        if url := url_for_reader(user, "accreditation:threshold_list_draft", version.pk):
            links.append((_("Add threshold requirements"), url))
    return links
