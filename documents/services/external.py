"""The register of external documents (§3.1): register, introduce, check for a new edition."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_date, stored_ref
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import ExternalCheck, ExternalDocument
from ..workflow import EXTERNAL_WORKFLOW, checks_external
from .register import add_months

X = ExternalDocument.Status

# The fields a person types for an edition; the rest the portal keeps.
EDITION_FIELDS = (
    "title",
    "title_ru",
    "title_kk",
    "title_ky",
    "issuer",
    "number",
    "edition",
    "edition_date",
    "url",
    "owner",
    "check_interval_months",
)


def _require_keeper(actor) -> None:
    if not actor.has_perm("documents.change_externaldocument"):
        raise PermissionDenied(
            _("Only the IQAS owner or the legal head keeps the register of external documents.")
        )


def _clean(data: dict) -> None:
    if not (data.get("title") or "").strip() or not (data.get("issuer") or "").strip():
        raise ValidationError(_("Give the document's title and its issuer."))
    if not (data.get("edition") or "").strip():
        raise ValidationError(_("Say which edition this is (a year, a number or a date)."))
    if (data.get("check_interval_months") or 0) < 1:
        raise ValidationError(_("The check interval is at least one month."))
    if data.get("edition_date") and data["edition_date"] > timezone.localdate():
        raise ValidationError(_("The edition date cannot be in the future."))


@transaction.atomic
def external_register(
    *, actor, data: dict, processes=(), documents=(), previous: ExternalDocument | None = None
) -> ExternalDocument:
    """Register an external document, or a new edition of one (which supersedes it)."""
    if previous is None:  # a new edition comes from its owner's check
        _require_keeper(actor)
    _clean(data)
    today = timezone.localdate()
    external = ExternalDocument(
        **{k: data[k] for k in EDITION_FIELDS if k in data},
        registered_by=actor,
        previous=previous,
    )
    external.next_check_on = add_months(today, external.check_interval_months)
    external._history_user = actor
    external.save()
    external.processes.set(processes)
    external.documents.set(documents)
    event_record(obj=external, action=gettext_lazy("Registered"), actor=actor, to_state=external.status)
    if previous is not None:
        transition_perform(
            obj=previous,
            workflow=EXTERNAL_WORKFLOW,
            target=X.SUPERSEDED,
            actor=actor,
            action=gettext_lazy("Superseded by the edition %(edition)s"),
            params={"edition": external.edition},
        )
    return external


@transaction.atomic
def external_update(
    *, external: ExternalDocument, actor, data: dict, processes, documents
) -> ExternalDocument:
    _require_keeper(actor)
    external = ExternalDocument.objects.select_for_update().get(pk=external.pk)
    if external.status == X.SUPERSEDED:
        raise ValidationError(_("A superseded edition is kept as it was; edit the current edition."))
    _clean(data)
    interval_changed = data.get("check_interval_months") != external.check_interval_months
    for name in EDITION_FIELDS:
        if name in data:
            setattr(external, name, data[name])
    if interval_changed:
        external.next_check_on = add_months(timezone.localdate(), external.check_interval_months)
    external._history_user = actor
    external._change_reason = "Edited"
    external.save()
    external.processes.set(processes)
    external.documents.set(documents)
    event_record(obj=external, action=gettext_lazy("Edited"), actor=actor)
    return external


@transaction.atomic
def external_introduce(*, external: ExternalDocument, actor) -> ExternalDocument:
    """The registered edition is introduced: the processes that rely on it now apply it."""
    return transition_perform(
        obj=external,
        workflow=EXTERNAL_WORKFLOW,
        target=X.INTRODUCED,
        actor=actor,
        action=gettext_lazy("Introduced"),
        also={"introduced_at": timezone.now()},
    )


@transaction.atomic
def external_check(
    *, external: ExternalDocument, actor, outcome: str, note: str = "", edition: dict | None = None
) -> ExternalCheck:
    """The owner records a check: no new edition (next check in one interval), or a new edition,
    registered at once and superseding this one."""
    external = ExternalDocument.objects.select_for_update().get(pk=external.pk)
    if not checks_external(actor, external):
        raise PermissionDenied(
            _("Only the document's owner or the keepers of the register record its checks.")
        )
    if external.status == X.SUPERSEDED:
        raise ValidationError(_("This edition is superseded already; check the current edition."))
    new = None
    if outcome == ExternalCheck.Outcome.NEW_EDITION:
        if not edition or not (edition.get("edition") or "").strip():
            raise ValidationError(_("Say which the new edition is."))
        if edition["edition"].strip() == external.edition.strip():
            raise ValidationError(_("The new edition must differ from the one registered."))
        data = {name: getattr(external, name) for name in EDITION_FIELDS}
        data.update({k: v for k, v in edition.items() if v not in (None, "")})
        new = external_register(
            actor=actor,
            data=data,
            processes=external.processes.all(),
            documents=external.documents.all(),
            previous=external,
        )
    elif outcome == ExternalCheck.Outcome.NO_CHANGE:
        external.next_check_on = add_months(timezone.localdate(), external.check_interval_months)
        external._history_user = actor
        external._change_reason = "Checked: no new edition"
        external.save()
    else:
        raise ValidationError(_("Choose what the check found."))
    check = ExternalCheck(document=external, outcome=outcome, note=note, new_edition=new, checked_by=actor)
    check._history_user = actor
    check.save()
    event_record(obj=external, action=ExternalCheck.Outcome(outcome).label, actor=actor, comment=note)
    return check


def external_checks_remind(today: date | None = None) -> int:
    """Remind each owner once when the check of an edition falls due (daily job)."""
    today = today or timezone.localdate()
    sent = 0
    due = ExternalDocument.objects.exclude(status=X.SUPERSEDED).filter(next_check_on__lte=today)
    for external in due.select_related("owner"):
        with transaction.atomic():
            locked = ExternalDocument.objects.select_for_update().get(pk=external.pk)
            if locked.reminded_for == locked.next_check_on:
                continue
            locked.reminded_for = locked.next_check_on
            locked._change_reason = "Reminded of the check"
            locked.save()
            notification_send(
                recipients=[locked.owner],
                subject=gettext_lazy("Check for a new edition of %(title)s"),
                params={"title": stored_ref(locked, "localized_title")},
                body=gettext_lazy(
                    "The check was due on %(date)s: see whether the issuer published a new edition "
                    "and record what you found."
                ),
                body_params={"date": stored_date(locked.next_check_on)},
                url=locked.get_absolute_url(),
            )
            sent += 1
    return sent
