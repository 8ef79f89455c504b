"""The people app's lines on the personal dashboard: the code of ethics to accept (again, when a
new version becomes effective), the trainings whose effectiveness a head is to check, and the
appraisals whose result waits for the head's signature."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .selectors import ethics as ethics_selectors
from .selectors import positions as position_selectors
from .selectors import training as training_selectors


def ethics_tasks(user):
    """The code of ethics in force, while this person has not accepted its effective version."""
    version = ethics_selectors.must_accept(user)
    if version is not None:
        yield TaskItem(
            _("Accept the code of ethics, version %(version)s") % {"version": version.number},
            reverse("people:ethics"),
            _("Code of ethics"),
            detail=str(version.document),
        )


def effectiveness_tasks(user):
    """Trainings of the people this head is responsible for, due for the effectiveness check."""
    for attendance in training_selectors.checks_awaiting(user):
        yield TaskItem(
            _("Check the effectiveness of “%(training)s” for %(person)s")
            % {"training": attendance.training, "person": attendance.person},
            reverse("people:effectiveness_check", args=[attendance.pk]),
            _("Training"),
            due=attendance.training.check_due_on,
            detail=_("Effective or not, with evidence"),
        )


def appraisal_tasks(user):
    """Appraisals whose result waits for this head's signature."""
    for appraisal in position_selectors.appraisals_signable_by(user):
        yield TaskItem(
            _("Appraisal of %(person)s for %(year)s") % {"person": appraisal.person, "year": appraisal.year},
            reverse("people:appraisal_sign", args=[appraisal.pk]),
            _("Appraisals"),
            detail=_("Sign the result of the year"),
        )
