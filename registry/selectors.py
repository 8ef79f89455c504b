"""The public registry (§6.5.1): what IAAR has published, read without signing in.

Only published decisions and signed certificates appear; drafts, cancelled certificates and
withdrawn publications never do. Every read here is for an anonymous visitor.
"""

from functools import cache as memoize

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language

from accreditation.models import (
    Certificate,
    Decision,
    Organization,
    Outcome,
    Programme,
    Publication,
)
from accreditation.models.organizations import NAME_LANGUAGES, shown_name
from accreditation.places import lookup_key
from accreditation.selectors.followup import followup_public

from .forms import RegistryFilter

# IAAR IDs (IAAR-000001) and certificate numbers (SA-2026-0001) in public addresses: anything
# else (a slash, a NUL, a 10 KB string) is no such page, decided before any query.
CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}"


class CodeConverter:
    regex = CODE_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


PUBLIC_STATUSES = (Certificate.Status.VALID, Certificate.Status.SUSPENDED, Certificate.Status.REVOKED)
SORTS = {
    "name": ("organization__name", "programme__code"),
    "-valid_until": ("-valid_until", "organization__name"),
    "valid_until": ("valid_until", "organization__name"),
    "-decided": ("-decision__decided_on", "organization__name"),
}


def public_status(certificate: Certificate, today=None) -> str:
    """What the registry says: a valid certificate past its term is expired, never valid."""
    if today is None:
        return certificate.current_status
    if certificate.status == Certificate.Status.VALID and certificate.valid_until < today:
        return "expired"
    return certificate.status


def standing(certificate: Certificate, today=None) -> dict | None:
    """Since when and why a certificate is not in force: the council's decision that suspended
    or revoked it (its date, outcome and meeting), the reissue that replaced it, or the end of
    its term. None for a certificate in force."""
    status = public_status(certificate, today)
    if status == "expired":
        return {"since": certificate.valid_until, "why": "expired"}
    if status in (Certificate.Status.SUSPENDED, Certificate.Status.REVOKED):
        outcome = Outcome.SUSPEND if status == Certificate.Status.SUSPENDED else Outcome.REVOKE
        decisions = certificate.project.decisions.select_related("item__meeting")
        found = [d for d in later_decisions(certificate.decision, decisions) if d.outcome == outcome]
        if not found:
            return None
        decision = found[-1]
        return {
            "since": decision.decided_on,
            "why": "council",
            "decision": decision,
            "meeting": decision.item.meeting,
        }
    if status == Certificate.Status.REPLACED:
        new = Certificate.objects.filter(reissue_of=certificate).exclude(signed_at=None).first()
        if new is None:
            return None
        return {"since": timezone.localdate(new.signed_at), "why": "reissued", "reissue": new}
    return None


def with_public_status(rows: QuerySet[Certificate], status: str) -> QuerySet[Certificate]:
    """The certificates the registry shows with this status (see public_status)."""
    today = timezone.localdate()
    if status == "valid":
        return rows.filter(status=Certificate.Status.VALID, valid_until__gte=today)
    if status == "expired":
        return rows.filter(status=Certificate.Status.VALID, valid_until__lt=today)
    return rows.filter(status=status)


def certificates() -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        status__in=PUBLIC_STATUSES,
        decision__publication__isnull=False,
        decision__publication__withdrawn=False,
    ).select_related("organization", "programme", "decision", "decision__publication")


@memoize
def _trigrams() -> bool:
    """Typo-tolerant search needs PostgreSQL with pg_trgm (the migration creates it where it may)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def clean_term(term: str) -> str:
    """A search term as stored text is compared: case-folded, single-spaced, no control characters."""
    return " ".join("".join(ch for ch in term if ch.isprintable()).casefold().split())


# How close a name must be to a mistyped term (pg_trgm's word similarity, 0 to 1); set for
# the one query that needs it, which the trigram index serves.
TYPO_THRESHOLD = 0.45


# Up to this many matching organizations (or programmes) are looked up once and then named
# in the query. More than that is a broad search ("university"): the words are then checked on
# each row as the registry's order reaches it, so PostgreSQL walks the name index and stops at
# the page, instead of collecting and sorting every match.
MATERIALIZE_MATCHES = 2000


def _words(term: str, path: str = "") -> Q:
    match = Q()
    for word in term.split()[:10]:
        match &= Q(**{f"{path}search_text__contains": word})
    return match


def _matching(model, term: str) -> list[int] | None:
    """The ids of the rows with every word of the term, or None if there are too many."""
    ids = list(model.objects.filter(_words(term)).values_list("pk", flat=True)[: MATERIALIZE_MATCHES + 1])
    return ids if len(ids) <= MATERIALIZE_MATCHES else None


def _similar_organizations(term: str) -> list[int]:
    """Organizations whose names are within a typo or two of the term (PostgreSQL, pg_trgm)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(TYPO_THRESHOLD)]
        )
        similar = Organization.objects.filter(search_text__trigram_word_similar=term)
        return list(similar.values_list("pk", flat=True)[:MATERIALIZE_MATCHES])


def text_match(term: str) -> Q:
    """Rows whose organization or programme has every word of the term, or the number itself.

    The names are searched in their own tables (each word a trigram-indexed "contains" on
    PostgreSQL), once, and the certificates joined to the few that match.
    """
    match = Q(number=term.upper())
    for path, model in (("organization", Organization), ("programme", Programme)):
        ids = _matching(model, term)
        match |= Q(**{f"{path}__in": ids}) if ids is not None else _words(term, f"{path}__")
    return match


def search(data) -> tuple[QuerySet[Certificate], RegistryFilter]:
    """Filter the registry from a query string; invalid values are reported and ignored.

    When no name contains the words searched for, PostgreSQL looks for names within a typo or
    two of them, closest first; the form's ``approximate`` then says the visitor sees those.
    """
    form = RegistryFilter(data)
    form.is_valid()
    form.approximate = False
    values = {k: v for k, v in getattr(form, "cleaned_data", {}).items() if v not in ("", None)}
    rows = certificates()
    if "country" in values:
        rows = rows.filter(organization__country=values["country"].upper())
    if "city" in values:
        rows = rows.filter(organization__city_search__contains=lookup_key(values["city"]))
    if "kind" in values:
        rows = rows.filter(kind=values["kind"])
    if "level" in values:
        rows = rows.filter(project__level=values["level"])
    if "year" in values:
        rows = rows.filter(decision__decided_on__year=values["year"])
    decision = values.get("decision", "")
    if decision.startswith("years-"):
        rows = rows.filter(decision__outcome=Outcome.ACCREDIT, decision__years=int(decision[6:]))
    elif decision:
        rows = rows.filter(decision__outcome=decision)
    if values.get("status"):
        rows = with_public_status(rows, values["status"])
    order = [*SORTS.get(values.get("sort", "name"), SORTS["name"]), "pk"]
    language = (get_language() or "")[:2]
    if language in NAME_LANGUAGES:
        # Names in the visitor's language where known, the official name otherwise.
        rows = rows.annotate(shown_name=shown_name(language, "organization__"))
        order = ["shown_name" if field == "organization__name" else field for field in order]
    term = clean_term(values.get("q", ""))
    if term:
        exact = rows.filter(text_match(term))
        if len(term) < 4 or not _trigrams() or exact.exists():
            return exact.order_by(*order), form
        form.approximate = True
        rows = rows.filter(organization__in=_similar_organizations(term))
        if "sort" not in values:
            rows = rows.annotate(rank=TrigramWordSimilarity(term, "organization__search_text"))
            order = ["-rank", *order]
    return rows.order_by(*order), form


def published_organizations() -> QuerySet[Organization]:
    """The organizations the registry shows: those with at least one publication (a semi-join,
    not a DISTINCT over every column of the joined rows)."""
    return Organization.objects.filter(
        Exists(Publication.objects.filter(project__organization=OuterRef("pk"), withdrawn=False))
    )


def organization_get(iaar_id: str) -> Organization:
    return get_object_or_404(published_organizations(), iaar_id=iaar_id)


def _with_status(rows, today=None) -> list[Certificate]:
    today = today or timezone.localdate()
    rows = list(rows)
    for certificate in rows:
        certificate.public_status = public_status(certificate, today)
    return rows


# The council's decisions on an accredited project that change a report's standing (§6.5.2).
LATER_OUTCOMES = (Outcome.SUSPEND, Outcome.REVOKE, Outcome.MAINTAIN)


def later_decisions(decision: Decision, decisions) -> list[Decision]:
    """The council's later decisions on the same project (suspend, revoke, keep), oldest first,
    from the project's decisions as given (prefetched by the caller)."""
    return sorted(
        (
            d
            for d in decisions
            if d.pk != decision.pk
            and d.outcome in LATER_OUTCOMES
            and not d.set_aside
            and (d.decided_on, d.pk) > (decision.decided_on, decision.pk)
        ),
        key=lambda d: (d.decided_on, d.pk),
    )


def report_standing(decision: Decision, granted: list[Certificate], today=None) -> str:
    """A published report's standing today: set aside on appeal; in force while a certificate
    it granted is; otherwise what became of them (suspended, revoked, expired). A decision that
    granted nothing (a refusal) keeps the standing "decided"."""
    if decision.set_aside:
        return "set_aside"
    statuses = {public_status(c, today) for c in granted}
    for standing_ in ("valid", "suspended", "revoked", "expired"):
        if standing_ in statuses:
            return standing_
    return "decided"


def _history(publications, certificates_: list[Certificate], today=None) -> list[dict]:
    """Each published decision, newest first, with the certificates it granted, its standing
    today and the council's later decisions that changed it."""
    by_decision: dict[int, list[Certificate]] = {}
    for certificate in certificates_:
        by_decision.setdefault(certificate.decision_id, []).append(certificate)
    history = []
    for publication in publications:
        granted = by_decision.get(publication.decision_id, [])
        history.append(
            {
                "publication": publication,
                "decision": publication.decision,
                "certificates": granted,
                "valid_from": min((c.valid_from for c in granted), default=None),
                "valid_until": max((c.valid_until for c in granted), default=None),
                "standing": report_standing(publication.decision, granted, today),
                "later": later_decisions(publication.decision, publication.project.decisions.all()),
            }
        )
    return history


def organization_page(organization: Organization) -> dict:
    publications = list(
        Publication.objects.filter(project__organization=organization, withdrawn=False)
        .select_related("decision", "project")
        .prefetch_related("project__programmes", "project__decisions__item__meeting")
        .order_by("-decision__decided_on", "-pk")
    )
    rows = _with_status(certificates().filter(organization=organization).order_by("-valid_from", "number"))
    # Each programme once, with its latest certificate.
    programmes: dict[int, Certificate] = {}
    for certificate in rows:
        if certificate.programme_id and certificate.programme_id not in programmes:
            programmes[certificate.programme_id] = certificate
    institutional = next((c for c in rows if not c.programme_id), None)
    return {
        "organization": organization,
        "history": _history(publications, rows),
        "programmes": sorted(programmes.values(), key=lambda c: c.programme.code),
        "institutional": institutional,
        "followup": followup_public(organization),
    }


def programme_get(pk: int) -> Programme:
    """A programme the registry shows: one with a published certificate."""
    return get_object_or_404(
        Programme.objects.select_related("organization").filter(
            pk__in=certificates().filter(programme__isnull=False).values("programme")
        ),
        pk=pk,
    )


def programme_page(programme: Programme) -> dict:
    rows = _with_status(certificates().filter(programme=programme).order_by("-valid_from", "number"))
    publications = (
        Publication.objects.filter(decision__in=[c.decision_id for c in rows], withdrawn=False)
        .select_related("decision", "project")
        .prefetch_related("project__programmes", "project__decisions__item__meeting")
        .order_by("-decision__decided_on", "-pk")
    )
    return {
        "programme": programme,
        "organization": programme.organization,
        "history": _history(publications, rows),
        "current": rows[0] if rows else None,
    }


def _issued() -> QuerySet[Certificate]:
    """Certificates that exist for the public: signed, whatever became of them since."""
    return (
        Certificate.objects.exclude(status__in=(Certificate.Status.DRAFT, Certificate.Status.CANCELLED))
        .filter(decision__publication__isnull=False)
        .select_related("organization", "programme", "decision")
    )


def certificate_by_number(number: str) -> Certificate | None:
    # Numbers are issued in capitals (SA-2026-0001): one typed in lower case is found too,
    # through the unique index.
    return _issued().filter(number=number.strip()[:40].upper()).first()


def certificate_by_token(token) -> Certificate | None:
    """The first certificates' QR codes carry a code instead of the number."""
    return _issued().filter(token=token).first()


def publication_get(pk: int) -> Publication:
    return get_object_or_404(
        Publication.objects.select_related("project__organization"), pk=pk, withdrawn=False
    )


def deqar_reports_visible_to(user) -> QuerySet[Publication]:
    """The published reports whose DEQAR fields this reader may see: those of the projects the
    accreditation shows them, never a withdrawn one."""
    from accreditation.selectors import projects_visible_to

    return Publication.objects.filter(withdrawn=False, project__in=projects_visible_to(user)).select_related(
        "project__organization", "decision"
    )


def deqar_report_get_for(user, pk: int) -> Publication:
    return get_object_or_404(deqar_reports_visible_to(user), pk=pk)
