"""The code of ethics (§5.2.1): naming the controlled document that is the code, each person's
acceptance of its effective version by signature (password typed again), and the check that
refuses a commission's approval while a member has not accepted the version in force."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import password_confirm, require_perm, signer_name
from core.workflow import event_record
from documents.models import Document

from ..models import EthicsAcceptance, EthicsCode
from ..selectors import ethics as selectors

MANAGE_STAFF = "people.manage_staff"


@transaction.atomic
def code_set(*, actor, document: Document) -> EthicsCode:
    """Name the controlled document that is the code of ethics in force (the one before retires)."""
    require_perm(actor, MANAGE_STAFF, _("Only those who keep the staff records name the code of ethics."))
    if document.effective_version_id is None:
        raise ValidationError(_("The code of ethics must be an effective controlled document."))
    for old in EthicsCode.objects.select_for_update().filter(in_force=True).exclude(document=document):
        old.in_force = False
        old._history_user = actor
        old.save()
    code, _created = EthicsCode.objects.get_or_create(document=document, defaults={"in_force": False})
    code.in_force = True
    code._history_user = actor
    code.save()
    return code


@transaction.atomic
def ethics_accept(*, actor, password: str) -> EthicsAcceptance:
    """The person accepts the effective version of the code by signature."""
    version = selectors.current_version()
    if version is None:
        raise ValidationError(_("No code of ethics is in force."))
    if not selectors.bound_by_code().filter(pk=actor.pk).exists():
        raise PermissionDenied(_("The code of ethics is accepted by the agency's staff and its experts."))
    if selectors.has_accepted(actor, version):
        raise ValidationError(_("You have accepted this version of the code already."))
    password_confirm(actor, password)
    try:
        with transaction.atomic():
            acceptance = EthicsAcceptance.objects.create(
                person=actor, version=version, signer_name=signer_name(actor), content_sha256=version.sha256
            )
    except IntegrityError as exc:
        raise ValidationError(_("You have accepted this version of the code already.")) from exc
    event_record(
        obj=actor,
        action=gettext_lazy("Accepted the code of ethics, version %(version)s"),
        actor=actor,
        params={"version": version.number},
    )
    return acceptance


def commission_ethics_refusals(experts) -> list[str]:
    """Why a commission cannot be approved: members who have not accepted the code in force."""
    version = selectors.current_version()
    if version is None:
        return []
    experts = list(experts)
    accepted = selectors.accepted_ids(version, [e.user_id for e in experts])
    return [
        _("%(name)s has not accepted the code of ethics in force (version %(version)s).")
        % {"name": e, "version": version.number}
        for e in experts
        if e.user_id not in accepted
    ]
