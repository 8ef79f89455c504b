"""Records retention (§3.2.2): the file nomenclature, legal holds, what is due for disposal and
the destruction act (proposed by the records owner, agreed by the legal head, signed by the
Director General). Nothing is destroyed but by a signed act, and the act keeps forever what it
destroyed, with each file's SHA-256."""

from collections.abc import Callable, Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import sha256_of
from core.models import Notification
from core.permissions import password_confirm, user_roles
from core.roles import signer_stored
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import DestroyedFile, DestructionAct, Record, RecordClass
from ..workflow import ACT_WORKFLOW, RECORD_WORKFLOW
from .register import add_months, people_with_perm

A = DestructionAct.Status

# Rules that keep records from destruction besides the legal hold: the apps above documents
# register them (an open audit of the record's process, an open appeal), each answering
# {record pk: (lazy message, params)} for the records it holds.
HoldRule = Callable[[QuerySet], dict[int, tuple[str, dict]]]
HOLD_RULES: list[HoldRule] = []


def register_record_hold(rule: HoldRule) -> HoldRule:
    HOLD_RULES.append(rule)
    return rule


def records_holds(records: QuerySet) -> dict[int, str]:
    """Why each held record among these may not be destroyed, in the reader's language."""
    found: dict[int, str] = {}
    for record in records.filter(legal_hold=True):
        found[record.pk] = _("Legal hold: %(reason)s") % {"reason": record.legal_hold_reason}
    for rule in HOLD_RULES:
        for pk, (message, params) in rule(records).items():
            found.setdefault(pk, _(message) % params)
    return found


def retention_until_for(record_class: RecordClass | None, filed: date, fallback_years: int) -> date | None:
    """Until when a record filed on ``filed`` is kept: its class's period (None: permanently)."""
    if record_class is None:
        return add_months(filed, 12 * fallback_years)
    if record_class.is_permanent:
        return None
    return add_months(filed, 12 * record_class.retention_years)


def _clean_class(data: dict) -> None:
    if not (data.get("code") or "").strip() or not (data.get("title") or "").strip():
        raise ValidationError(_("Give the class a code and a title."))
    if data.get("retention_years") is not None and data["retention_years"] < 1:
        raise ValidationError(_("Keep records at least one year, or leave the period empty for permanent."))


@transaction.atomic
def record_class_save(*, actor, data: dict, record_class: RecordClass | None = None) -> RecordClass:
    """Add a class to the file nomenclature or change one."""
    if not actor.has_perm("documents.change_recordclass" if record_class else "documents.add_recordclass"):
        raise PermissionDenied(_("Only the records owner keeps the file nomenclature."))
    _clean_class(data)
    row = RecordClass.objects.select_for_update().get(pk=record_class.pk) if record_class else RecordClass()
    for name in ("code", "title", "title_ru", "title_kk", "title_ky", "retention_years", "process"):
        if name in data:
            setattr(row, name, data[name])
    if RecordClass.objects.exclude(pk=row.pk).filter(code=row.code).exists():
        raise ValidationError(_("Another class has the code %(code)s.") % {"code": row.code})
    row._history_user = actor
    row._change_reason = "Edited" if record_class else "Added"
    row.save()
    return row


@transaction.atomic
def record_set_class(*, record: Record, actor, record_class: RecordClass) -> Record:
    """File a record under a class; its retention follows the class from the day it was filed."""
    if not actor.has_perm("documents.change_record"):
        raise PermissionDenied(_("You cannot change records."))
    record = Record.objects.select_for_update().get(pk=record.pk)
    if record.status == Record.Status.DESTROYED:
        raise ValidationError(_("This record is destroyed; its class is kept as it was."))
    record.record_class = record_class
    record.retention_until = retention_until_for(
        record_class, timezone.localtime(record.created_at).date(), 0
    )
    record._history_user = actor
    record._change_reason = f"Filed under {record_class.code}"
    record.save()
    event_record(
        obj=record,
        action=gettext_lazy("Filed under %(code)s"),
        actor=actor,
        params={"code": record_class.code},
    )
    return record


@transaction.atomic
def record_hold(*, record: Record, actor, hold: bool, reason: str = "") -> Record:
    """Put a record on legal hold (with the reason) or release it."""
    if not actor.has_perm("documents.hold_record"):
        raise PermissionDenied(_("Only the legal head or the records owner puts records on hold."))
    record = Record.objects.select_for_update().get(pk=record.pk)
    if record.status == Record.Status.DESTROYED:
        raise ValidationError(_("This record is destroyed already."))
    if hold and not reason.strip():
        raise ValidationError(_("Say why the record is held (a claim, an inspection, a court case)."))
    if hold == record.legal_hold:
        raise ValidationError(
            _("The record is on hold already.") if hold else _("The record is not on hold.")
        )
    record.legal_hold, record.legal_hold_reason = hold, reason.strip() if hold else ""
    record._history_user = actor
    record._change_reason = reason or "Released from legal hold"
    record.save()
    event_record(
        obj=record,
        action=gettext_lazy("Put on legal hold") if hold else gettext_lazy("Released from legal hold"),
        actor=actor,
        comment=reason,
    )
    return record


def records_due_for_disposal(today: date | None = None) -> QuerySet[Record]:
    """Records whose retention ended, not destroyed, and in no act still open."""
    today = today or timezone.localdate()
    pending = DestroyedFile.objects.filter(act__status__in=[A.PROPOSED, A.AGREED]).values("record_id")
    return (
        Record.objects.filter(retention_until__lt=today)
        .exclude(status=Record.Status.DESTROYED)
        .exclude(pk__in=pending)
        .select_related("record_class", "process")
        .order_by("retention_until", "pk")
    )


def _next_number(today: date) -> str:
    prefix = f"DA-{today.year}-"
    taken = DestructionAct.objects.filter(number__startswith=prefix).count()
    return f"{prefix}{taken + 1:03d}"


@transaction.atomic
def destruction_propose(*, actor, records: Iterable[Record], basis: str) -> DestructionAct:
    """The records owner proposes to destroy records whose retention ended."""
    if not actor.has_perm("documents.propose_destruction"):
        raise PermissionDenied(_("Only the records owner proposes a destruction act."))
    if not basis.strip():
        raise ValidationError(_("Give the basis of the act (the nomenclature's periods, the review held)."))
    pks = sorted({r.pk for r in records})
    if not pks:
        raise ValidationError(_("Choose at least one record due for disposal."))
    rows = Record.objects.select_for_update(of=("self",)).filter(pk__in=pks)
    due = set(records_due_for_disposal().filter(pk__in=pks).values_list("pk", flat=True))
    late = [r.title for r in rows if r.pk not in due]
    if late:
        raise ValidationError(
            _("These records are not due for disposal (kept longer, permanent, or in another act): %(list)s")
            % {"list": "; ".join(late)}
        )
    held = records_holds(rows)
    if held:
        titles = {r.pk: r.title for r in rows}
        raise ValidationError(
            _("Held records cannot be destroyed; nothing was proposed. %(list)s")
            % {"list": "; ".join(f"{titles[pk]} — {why}" for pk, why in held.items())}
        )
    today = timezone.localdate()
    act = DestructionAct(number=_next_number(today), basis=basis.strip(), proposed_by=actor)
    act._history_user = actor
    try:
        with transaction.atomic():
            act.save()
    except IntegrityError as exc:  # two proposals in the same instant took one number
        raise ValidationError(_("Another act was proposed at the same moment; try again.")) from exc
    for record in rows.select_related("record_class"):
        DestroyedFile(
            act=act,
            record=record,
            title=record.title,
            class_code=record.record_class.code if record.record_class_id else "",
            retention_until=record.retention_until,
            file_name=record.file_name,
            sha256=record.sha256,
        ).save()
    event_record(obj=act, action=gettext_lazy("Proposed"), actor=actor, to_state=act.status, comment=basis)
    notification_send(
        recipients=people_with_perm("agree_destruction"),
        subject=gettext_lazy("Destruction act %(number)s awaits your agreement"),
        params={"number": act.number},
        url=act.get_absolute_url(),
    )
    return act


def _lock(act: DestructionAct) -> DestructionAct:
    return DestructionAct.objects.select_for_update().get(pk=act.pk)


@transaction.atomic
def destruction_agree(*, act: DestructionAct, actor, comment: str = "") -> DestructionAct:
    """The legal head agrees the act; the records are checked for holds again."""
    act = _lock(act)
    ACT_WORKFLOW.check(act, A.AGREED, actor)
    if act.proposed_by_id == actor.pk:
        raise ValidationError(_("The one who proposed the act cannot agree it."))
    _refuse_held(act)
    act = transition_perform(
        obj=act,
        workflow=ACT_WORKFLOW,
        target=A.AGREED,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Agreed"),
        also={"agreed_by": actor, "agreed_at": timezone.now()},
    )
    notification_send(
        recipients=people_with_perm("sign_destruction"),
        subject=gettext_lazy("Destruction act %(number)s awaits your signature"),
        params={"number": act.number},
        url=act.get_absolute_url(),
    )
    return act


@transaction.atomic
def destruction_reject(*, act: DestructionAct, actor, comment: str) -> DestructionAct:
    act = _lock(act)
    ACT_WORKFLOW.check(act, A.REJECTED, actor)
    if not comment.strip():
        raise ValidationError(_("Say why the act is rejected."))
    act = transition_perform(
        obj=act,
        workflow=ACT_WORKFLOW,
        target=A.REJECTED,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Rejected"),
    )
    notification_send(
        recipients=[act.proposed_by],
        subject=gettext_lazy("Destruction act %(number)s was rejected"),
        params={"number": act.number},
        body=comment,
        url=act.get_absolute_url(),
    )
    return act


def _refuse_held(act: DestructionAct) -> None:
    records = Record.objects.filter(pk__in=act.files.values("record_id"))
    held = records_holds(records)
    if held:
        titles = dict(records.values_list("pk", "title"))
        raise ValidationError(
            _("Some records of the act are held now; reject the act and propose one without them. %(list)s")
            % {"list": "; ".join(f"{titles[pk]} — {why}" for pk, why in held.items())}
        )


@transaction.atomic
def destruction_sign(*, act: DestructionAct, actor, password: str, comment: str = "") -> DestructionAct:
    """The Director General signs with the password; then, and only then, the files are removed
    from storage once the signature is committed. The act's list keeps their SHA-256."""
    act = _lock(act)
    ACT_WORKFLOW.check(act, A.SIGNED, actor)
    password_confirm(actor, password)
    _refuse_held(act)
    records = list(Record.objects.select_for_update().filter(pk__in=act.files.values("record_id")))
    listed = {f.record_id: f.sha256 for f in act.files.all()}
    for record in records:
        if record.file and record.file.storage.exists(record.file.name):
            with record.file.open("rb") as handle:
                if sha256_of(handle) != listed[record.pk]:
                    raise ValidationError(
                        _(
                            "The stored file of “%(title)s” does not match the act's list; nothing was destroyed."
                        )
                        % {"title": record.title}
                    )
    act = transition_perform(
        obj=act,
        workflow=ACT_WORKFLOW,
        target=A.SIGNED,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Signed: files destroyed"),
        also={
            "signed_by": actor,
            "signed_at": timezone.now(),
            "signer": signer_stored(str(actor), user_roles(actor)) or str(actor),
        },
    )
    doomed = []
    for record in records:
        doomed.append((record.file.storage, record.file.name))
        transition_perform(
            obj=record,
            workflow=RECORD_WORKFLOW,
            target=Record.Status.DESTROYED,
            actor=actor,
            action=gettext_lazy("Destroyed by act %(number)s"),
            params={"number": act.number},
            also={"file": ""},
        )

    def remove_files() -> None:
        for storage, name in doomed:
            if name and storage.exists(name):
                storage.delete(name)

    # Files go only once the signature is in the database: a rollback leaves them all.
    transaction.on_commit(remove_files)
    return act


def disposal_list_send(today: date | None = None) -> int:
    """The monthly job: tell the records owner what is due for disposal (once a month)."""
    today = today or timezone.localdate()
    due = records_due_for_disposal(today)
    count = due.count()
    if not count:
        return 0
    owners = list(people_with_perm("propose_destruction"))
    key = f"disposal-{today:%Y-%m}"
    if Notification.objects.filter(recipient__in=owners, url__endswith=f"?list={key}").exists():
        return 0
    notification_send(
        recipients=owners,
        subject=gettext_lazy("%(count)s records are due for disposal"),
        params={"count": count},
        body=gettext_lazy("Their retention ended. Review the list and propose a destruction act."),
        url=f"{reverse('documents:archive_due')}?list={key}",
    )
    return count
