from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dashboard import TaskItem

from .models import AccreditationProject

S = AccreditationProject.Status
NEXT_STEP = {
    S.APPLICATION: gettext_lazy("New application: start the threshold check"),
    S.THRESHOLD_CHECK: gettext_lazy("Record the threshold check"),
    S.CONTRACT: gettext_lazy("Register the contract"),
}


def project_tasks(user):
    """Applications waiting for the project managers' next step."""
    if not user.has_perm("accreditation.change_accreditationproject"):
        return
    waiting = AccreditationProject.objects.filter(status__in=NEXT_STEP).select_related("organization")
    for project in waiting[:20]:
        yield TaskItem(
            str(project.organization),
            project.get_absolute_url(),
            _("Accreditations"),
            detail=str(NEXT_STEP[project.status]),
        )
