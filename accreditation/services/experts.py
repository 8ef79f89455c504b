"""The expert pool (§5.2): experts and their training."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.permissions import require_perm
from core.roles import Role
from core.workflow import event_record

from ..models import Expert, ExpertTraining

EXPERT_FIELDS = (
    "category",
    "field",
    "languages",
    "country",
    "city",
    "employer",
    "ethics_accepted_on",
    "is_active",
)


@transaction.atomic
def expert_save(*, actor, user=None, expert: Expert | None = None, affiliations=(), **fields) -> Expert:
    """Add a person to the expert pool, or correct their entry."""
    require_perm(actor, "accreditation.change_expert")
    if expert is None:
        if Expert.objects.filter(user=user).exists():
            raise ValidationError(_("%(name)s is in the expert pool already.") % {"name": user})
        expert = Expert(user=user)
    for name in EXPERT_FIELDS:
        if name in fields:
            setattr(expert, name, fields[name])
    expert.save()
    expert.affiliations.set(affiliations)
    expert.user.groups.add(Group.objects.get(name=Role.EXPERT))
    event_record(obj=expert, action=gettext_lazy("Expert entry saved"), actor=actor)
    return expert


@transaction.atomic
def training_add(*, expert: Expert, actor, title: str, completed_on, certificate=None) -> ExpertTraining:
    require_perm(actor, "accreditation.change_expert")
    if completed_on > timezone.localdate():
        raise ValidationError(_("A training is recorded once it is completed."))
    training = ExpertTraining(expert=expert, title=title, completed_on=completed_on)
    if certificate is not None:
        check_upload(certificate)
        training.certificate.save(certificate.name, certificate, save=False)
    training.save()
    event_record(
        obj=expert, action=gettext_lazy("Training “%(title)s” recorded"), actor=actor, params={"title": title}
    )
    return training
