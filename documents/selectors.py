"""Every user-scoped read of documents and records. Views never query the models directly."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Subquery, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user

from .models import (
    Acknowledgement,
    DestructionAct,
    Distribution,
    Document,
    DocumentType,
    DocumentVersion,
    ExternalDocument,
    Record,
    RecordClass,
    ReviewStep,
)

Conf = Document.Confidentiality


def documents_visible_to(user) -> QuerySet[Document]:
    """Who reads what (§3.2): everything for the IQAS owner and the director; for others,
    effective public and internal documents, restricted ones where they are a named reader,
    their own documents, those they review, and drafts for the drafting staff."""
    rows = Document.objects.select_related("owner", "effective_version", "department")
    if not user.is_authenticated:
        return rows.filter(status=Document.Status.EFFECTIVE, confidentiality=Conf.PUBLIC)
    if user.has_perm("documents.view_all_documents"):
        return rows
    readable = Q(confidentiality__in=[Conf.PUBLIC, Conf.INTERNAL])
    if not user.has_perm("documents.change_document"):
        readable &= ~Q(status=Document.Status.DRAFT)
    named = get_objects_for_user(user, "documents.view_document", klass=Document, accept_global_perms=False)
    reviewing = ReviewStep.objects.filter(reviewer=user, version__document=OuterRef("pk"))
    return rows.filter(readable | Q(owner=user) | Q(pk__in=named.values("pk")) | Q(Exists(reviewing)))


def document_get_for(user, pk: int) -> Document:
    return get_object_or_404(documents_visible_to(user), pk=pk)


def reading_versions_of(user, document_pk: int) -> QuerySet[DocumentVersion]:
    """The versions of one document this person is asked to read and acknowledge. Being asked
    grants view of that version alone (§3.2.2): not the document's other versions or drafts,
    nor the rest of the register."""
    if not user.is_authenticated:
        return DocumentVersion.objects.none()
    return DocumentVersion.objects.filter(
        document_id=document_pk, acknowledgements__person=user
    ).select_related("document", "created_by")


def _refuse(user):
    """Who may read documents but not this one is told it does not exist; who may read none
    (an expert, a council member) is refused."""
    if refusal_for(user) == 404:
        raise Http404
    raise PermissionDenied


def _seen_whole(user, pk: int) -> Document | None:
    """The document, for one whose roles let them read the register and who may see this one."""
    if not user.has_perm("documents.view_document"):
        return None
    return documents_visible_to(user).filter(pk=pk).first()


def may_read(user, pk: int, version_pk: int | None = None) -> bool:
    """Whether this person may open the document's page (or this version, its file and its
    in-browser reading): as one who sees the whole document, or as one asked to read it."""
    if not user.is_authenticated:
        return False
    if _seen_whole(user, pk) is not None:
        return version_pk is None or DocumentVersion.objects.filter(document_id=pk, pk=version_pk).exists()
    asked = reading_versions_of(user, pk)
    return asked.filter(pk=version_pk).exists() if version_pk is not None else asked.exists()


def refusal_for(user) -> int:
    """What ``_refuse`` answers this person: 404 to a reader of documents, 403 to one who reads none."""
    return 404 if user.is_authenticated and user.has_perm("documents.view_document") else 403


def document_readable_for(user, pk: int) -> tuple[Document, DocumentVersion | None]:
    """A document for its page, and the version to show to one who reads it only because they
    are asked to (None for one who sees the whole document: the page shows its latest)."""
    if (document := _seen_whole(user, pk)) is not None:
        return document, None
    in_force = Case(When(status=DocumentVersion.Status.EFFECTIVE, then=0), default=1)
    version = reading_versions_of(user, pk).order_by(in_force, "-major", "-minor").first()
    if version is None:
        _refuse(user)
    return version.document, version


def version_readable_for(user, document_pk: int, pk: int) -> tuple[DocumentVersion, bool]:
    """A version for its page, its file and its in-browser reading, and whether the person reads
    it only because they are asked to (True) rather than as one who sees the document."""
    if (document := _seen_whole(user, document_pk)) is not None:
        return get_object_or_404(
            DocumentVersion.objects.select_related("document", "created_by"), document=document, pk=pk
        ), False
    version = reading_versions_of(user, document_pk).filter(pk=pk).first()
    if version is None:
        _refuse(user)
    return version, True


def version_get_for(user, document_pk: int, pk: int) -> DocumentVersion:
    document = document_get_for(user, document_pk)
    return get_object_or_404(
        DocumentVersion.objects.select_related("document", "created_by"), document=document, pk=pk
    )


def _search(q: str) -> Q:
    """Full-text over codes, titles and the effective version's text (indexed on PostgreSQL,
    see migration 0003); a plain substring match on SQLite."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return (
            Q(code__icontains=q)
            | Q(title__icontains=q)
            | Q(title_ru__icontains=q)
            | Q(title_kk__icontains=q)
            | Q(title_ky__icontains=q)
            | Q(effective_version__text__icontains=q)
        )
    from django.contrib.postgres.search import SearchQuery, SearchVector

    query = SearchQuery(q, config="simple", search_type="websearch")
    titles = SearchVector("code", "title", "title_ru", "title_kk", "title_ky", config="simple")
    title_hits = Document.objects.annotate(v=titles).filter(v=query).values("pk")
    text_hits = (
        DocumentVersion.objects.annotate(v=SearchVector("text", config="simple")).filter(v=query).values("pk")
    )
    return Q(pk__in=title_hits) | Q(effective_version_id__in=text_hits) | Q(code__iexact=q)


def register_rows(
    user,
    *,
    q: str = "",
    doc_type: str = "",
    status: str = "",
    owner: str = "",
    due_for_review: bool = False,
    sort: str = "code",
) -> QuerySet[Document]:
    """The register list: search, filters and sorting over the visible documents."""
    rows = documents_visible_to(user)
    if q:
        rows = rows.filter(_search(q))
    if doc_type:
        rows = rows.filter(doc_type=doc_type)
    if status:
        rows = rows.filter(status=status)
    if owner:
        rows = rows.filter(owner_id=owner)
    if due_for_review:
        rows = rows.filter(status=Document.Status.EFFECTIVE, next_review_date__lte=timezone.localdate())
    in_progress = DocumentVersion.objects.filter(
        document=OuterRef("pk"), status__in=["draft", "in_review", "awaiting_approval", "approved"]
    ).values("status")[:1]
    rows = rows.annotate(revision_status=Subquery(in_progress))
    return rows.order_by(sort, "pk")


def steps_waiting_for(user) -> QuerySet[ReviewStep]:
    return ReviewStep.objects.filter(
        reviewer=user, decision=ReviewStep.Decision.PENDING, version__status=DocumentVersion.Status.IN_REVIEW
    ).select_related("version__document")


def versions_awaiting_approval(user) -> QuerySet[DocumentVersion]:
    if not user.has_perm("documents.approve_document"):
        return DocumentVersion.objects.none()
    return DocumentVersion.objects.filter(status=DocumentVersion.Status.AWAITING_APPROVAL).select_related(
        "document"
    )


def acknowledgements_pending_for(user) -> QuerySet[Acknowledgement]:
    return Acknowledgement.objects.filter(
        person=user, acknowledged_at__isnull=True, version__status=DocumentVersion.Status.EFFECTIVE
    ).select_related("version__document")


REVIEW_NOTICE_DAYS = 30


def documents_due_for_review_owned_by(user) -> QuerySet[Document]:
    """The owner's documents whose periodic review is overdue or due within 30 days."""
    horizon = timezone.localdate() + timedelta(days=REVIEW_NOTICE_DAYS)
    return Document.objects.filter(
        owner=user, status=Document.Status.EFFECTIVE, next_review_date__lte=horizon
    ).order_by("next_review_date")


def familiarization_of(version: DocumentVersion) -> dict:
    """Acknowledgement statistics of one version: how many, how many done, who is late."""
    acks = list(version.acknowledgements.select_related("person").order_by("person__last_name"))
    done = [a for a in acks if a.acknowledged_at]
    return {
        "total": len(acks),
        "done": len(done),
        "percent": round(100 * len(done) / len(acks)) if acks else 0,
        "late": [a for a in acks if a.is_late],
        "pending": [a for a in acks if not a.acknowledged_at],
        "rows": acks,
    }


def familiarization_overview() -> QuerySet[DocumentVersion]:
    """Every effective version with its acknowledgement counts, for the legal head."""
    today = timezone.localdate()
    return (
        DocumentVersion.objects.filter(status=DocumentVersion.Status.EFFECTIVE)
        .select_related("document")
        .annotate(
            ack_total=Count("acknowledgements"),
            ack_done=Count("acknowledgements", filter=Q(acknowledgements__acknowledged_at__isnull=False)),
            ack_late=Count(
                "acknowledgements",
                filter=Q(
                    acknowledgements__acknowledged_at__isnull=True, acknowledgements__due_date__lt=today
                ),
            ),
        )
        .filter(ack_total__gt=0)
        .order_by("-ack_late", "document__code")
    )


def familiarization_report() -> list[DocumentVersion]:
    """The familiarization report (§3.2.2): every effective version with its counts and, per
    person, when they were asked, when they first opened the file and when they confirmed
    (``readers``, by name)."""
    versions = list(familiarization_overview())
    readers: dict[int, list[Acknowledgement]] = {v.pk: [] for v in versions}
    for ack in (
        Acknowledgement.objects.filter(version__in=versions)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    ):
        readers[ack.version_id].append(ack)
    for version in versions:
        version.readers = readers[version.pk]
    return versions


def overdue_reviews() -> QuerySet[Document]:
    return (
        Document.objects.filter(status=Document.Status.EFFECTIVE, next_review_date__lt=timezone.localdate())
        .select_related("owner")
        .order_by("next_review_date")
    )


def outstanding_copies(document: Document) -> QuerySet[Distribution]:
    return (
        Distribution.objects.filter(version__document=document, withdrawn_at__isnull=True)
        .exclude(version__status=DocumentVersion.Status.EFFECTIVE)
        .select_related("version", "recipient")
    )


def records_visible_to(user) -> QuerySet[Record]:
    rows = Record.objects.select_related("template_version__document", "process", "created_by")
    if user.has_perm("documents.change_record") or user.has_perm("documents.view_all_documents"):
        return rows
    return rows.filter(created_by=user)


def record_get_for(user, pk: int) -> Record:
    return get_object_or_404(records_visible_to(user), pk=pk)


def public_documents() -> QuerySet[Document]:
    return (
        Document.objects.filter(status=Document.Status.EFFECTIVE, confidentiality=Conf.PUBLIC)
        .select_related("effective_version")
        .order_by("doc_type", "code")
    )


# How the public page groups the documents in force (§4.5.3: what the agency publishes).
PUBLIC_SECTIONS = (
    (_("Standards and guidelines"), {DocumentType.STANDARD, DocumentType.GUIDELINE, DocumentType.EXTERNAL}),
    (
        _("Policies, strategy and regulations"),
        {DocumentType.MANUAL, DocumentType.POLICY, DocumentType.STRATEGY, DocumentType.REGULATION},
    ),
    (_("Reports and survey summaries"), {DocumentType.REPORT}),
    (_("Legal acts"), {DocumentType.LEGAL_ACT}),
)


def public_sections() -> list[dict]:
    """The public documents by section, in one query; a type no section names goes last."""
    documents = list(public_documents())
    sections = [
        {"title": title, "documents": [d for d in documents if d.doc_type in types]}
        for title, types in PUBLIC_SECTIONS
    ]
    named = set().union(*(types for _title, types in PUBLIC_SECTIONS))
    sections.append(
        {"title": _("Other documents"), "documents": [d for d in documents if d.doc_type not in named]}
    )
    return [section for section in sections if section["documents"]]


def document_page(
    user, document: Document, version: DocumentVersion | None, *, reading_only: bool = False
) -> dict:
    """Everything the document page shows for one version (the latest when none is named).

    One who reads the document only because they are asked to (``reading_only``) sees the
    versions they are asked to read and nothing of the document's other versions, copies or
    revision orders: the page links nothing they cannot open."""
    from .extensions import version_links
    from .services.common import can_edit
    from .workflow import OBSOLETE

    shown = reading_versions_of(user, document.pk) if reading_only else document.versions
    versions = list(shown.select_related("created_by").order_by("-major", "-minor"))
    version = version or next(iter(versions), None)
    steps = list(version.steps.select_related("reviewer").order_by("round", "position")) if version else []
    current_round = max((s.round for s in steps), default=0)
    in_review = version is not None and version.status == DocumentVersion.Status.IN_REVIEW
    pending = [s for s in steps if s.round == current_round and s.decision == ReviewStep.Decision.PENDING]
    editable = can_edit(user, document)
    follows_up = editable or user.has_perm("documents.manage_familiarization")
    my_ack = acknowledgement_of(user, version) if version else None
    return {
        "document": document,
        "version": version,
        "versions": versions,
        "reading_only": reading_only,
        "steps": steps,
        "current_round": current_round,
        "my_step": next((s for s in pending if s.reviewer_id == user.pk), None) if in_review else None,
        "my_ack": my_ack,
        "signatures": version.signatures.all() if version else [],
        "can_edit": editable,
        "can_approve": user.has_perm("documents.approve_document"),
        "can_distribute": user.has_perm("documents.manage_familiarization"),
        "familiarization": familiarization_of(version) if version and follows_up else None,
        "distributions": version.distributions.select_related("recipient")
        if version and not reading_only
        else [],
        "outstanding_copies": [] if reading_only else outstanding_copies(document),
        "revision_orders": [] if reading_only else document.revision_requests.all(),
        "obsolete": version is not None and version.status in OBSOLETE,
        "needs_validation": in_review and document.follows_design_route and bool(steps) and not pending,
        "version_links": [] if reading_only else version_links(user, version),
    }


def document_readers(document: Document):
    """The named readers of a restricted document."""
    from guardian.shortcuts import get_users_with_perms

    return get_users_with_perms(document, only_with_perms_in=["view_document"], with_group_users=False)


def review_step_get_for(user, version: DocumentVersion, pk: int) -> ReviewStep:
    """A review step of this version; 403 when it is someone else's to decide."""
    step = get_object_or_404(ReviewStep, pk=pk, version=version)
    if step.reviewer_id != user.pk:
        raise PermissionDenied
    return step


def acknowledgement_of(user, version: DocumentVersion) -> Acknowledgement | None:
    """This person's task to read this version, if they have one."""
    if not user.is_authenticated:
        return None
    return version.acknowledgements.filter(person=user).first()


def acknowledgement_get_for(user, pk: int) -> Acknowledgement:
    return get_object_or_404(Acknowledgement.objects.select_related("version__document"), pk=pk, person=user)


def distribution_get_for(user, pk: int) -> Distribution:
    """A copy of a document the person may see."""
    item = get_object_or_404(Distribution.objects.select_related("version__document"), pk=pk)
    document_get_for(user, item.version.document_id)
    return item


# ---- External documents (§3.1) and records retention (§3.2.2) ----


def externals_visible_to(user) -> QuerySet[ExternalDocument]:
    """The register of external documents: every member of staff reads it."""
    if not user.has_perm("documents.view_externaldocument"):
        return ExternalDocument.objects.none()
    return ExternalDocument.objects.select_related("owner", "previous")


def externals_filtered(user, *, q: str = "", status: str = "", process=None, due: bool = False):
    rows = externals_visible_to(user).prefetch_related("processes")
    if status == "all":
        pass
    elif status:
        rows = rows.filter(status=status)
    else:
        rows = rows.exclude(status=ExternalDocument.Status.SUPERSEDED)
    if q:
        rows = rows.filter(
            Q(title__icontains=q)
            | Q(title_ru__icontains=q)
            | Q(title_kk__icontains=q)
            | Q(title_ky__icontains=q)
            | Q(issuer__icontains=q)
            | Q(number__icontains=q)
        )
    if process is not None:
        rows = rows.filter(processes=process)
    if due:
        rows = rows.exclude(status=ExternalDocument.Status.SUPERSEDED).filter(
            next_check_on__lte=timezone.localdate()
        )
    return rows.order_by("issuer", "title", "-pk")


def external_get_for(user, pk: int) -> ExternalDocument:
    return get_object_or_404(externals_visible_to(user), pk=pk)


def record_classes_visible_to(user) -> QuerySet[RecordClass]:
    if not user.has_perm("documents.view_recordclass"):
        return RecordClass.objects.none()
    return RecordClass.objects.select_related("process")


def record_class_get_for(user, pk: int) -> RecordClass:
    return get_object_or_404(record_classes_visible_to(user), pk=pk)


def destruction_acts_visible_to(user) -> QuerySet[DestructionAct]:
    if not user.has_perm("documents.view_destructionact"):
        return DestructionAct.objects.none()
    return DestructionAct.objects.select_related("proposed_by", "agreed_by", "signed_by")


def destruction_act_get_for(user, pk: int) -> DestructionAct:
    return get_object_or_404(destruction_acts_visible_to(user), pk=pk)


def externals_to_check_by(user) -> QuerySet[ExternalDocument]:
    return ExternalDocument.objects.filter(owner=user.pk, next_check_on__lte=timezone.localdate()).exclude(
        status=ExternalDocument.Status.SUPERSEDED
    )


def destruction_acts_waiting_for(user) -> list[tuple[DestructionAct, str]]:
    found = []
    if user.has_perm("documents.agree_destruction"):
        for act in DestructionAct.objects.filter(status=DestructionAct.Status.PROPOSED).exclude(
            proposed_by=user.pk
        ):
            found.append((act, _("Waiting for your agreement")))
    if user.has_perm("documents.sign_destruction"):
        for act in DestructionAct.objects.filter(status=DestructionAct.Status.AGREED):
            found.append((act, _("Waiting for your signature")))
    return found
