"""The training plans, a training with its attendance, certificates and effectiveness checks,
recording attendance and certificates, and the head's effectiveness check."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import SIGNED_IN, access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page
from core.selectors import events_for

from ..forms import AttendanceForm, CertificateForm, EffectivenessForm, PlanForm, TrainingForm
from ..models import Attendance
from ..selectors import training as selectors
from ..services import training as services

VIEW = selectors.VIEW_TRAINING
MANAGE = selectors.MANAGE_TRAINING


@access(VIEW)
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "people/plan_list.html",
        {"plans": selectors.plans_visible_to(request.user), "may_manage": request.user.has_perm(MANAGE)},
    )


@access(MANAGE)
def plan_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        PlanForm(request.POST or None),
        action=lambda data: services.plan_create(actor=request.user, **data),
        success=_("The training plan was drawn up; add its trainings."),
        done_url=lambda plan: plan.get_absolute_url(),
        template="people/form.html",
        context={"heading": _("New training plan")},
    )


@access(VIEW, opens=shown_by(selectors.plans_visible_to))
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for(request.user, pk)
    trainings = plan.trainings.prefetch_related("attendances")
    return render(
        request,
        "people/plan_detail.html",
        {
            "plan": plan,
            "trainings": trainings,
            "may_manage": request.user.has_perm(MANAGE),
            "today": timezone.localdate(),
        },
    )


@access(MANAGE, opens=shown_by(selectors.plans_visible_to))
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for(request.user, pk)
    return form_page(
        request,
        TrainingForm(request.POST or None),
        action=lambda data: services.training_add(actor=request.user, plan=plan, **data),
        success=_("The training was added to the plan."),
        done_url=lambda training: training.get_absolute_url(),
        template="people/form.html",
        context={"heading": _("New training"), "back": plan.get_absolute_url()},
    )


@access(SIGNED_IN, opens=shown_by(selectors.trainings_visible_to))
def training_detail(request: HttpRequest, pk: int) -> HttpResponse:
    training = selectors.training_get_for(request.user, pk)
    attendances = training.attendances.select_related("person", "effectiveness__checked_by").prefetch_related(
        "certificates"
    )
    if not request.user.has_perm(VIEW):
        attendances = attendances.filter(pk__in=_own_or_checkable(request.user))
    return render(
        request,
        "people/training_detail.html",
        {
            "training": training,
            "attendances": attendances,
            "may_manage": request.user.has_perm(MANAGE),
            "checkable": set(selectors.checkable_by(request.user).values_list("pk", flat=True)),
            "check_due": training.check_due_on <= timezone.localdate(),
            "today": timezone.localdate(),
            "events": events_for(training),
        },
    )


def _own_or_checkable(user):
    return (
        Attendance.objects.filter(person=user).values("pk").union(selectors.checkable_by(user).values("pk"))
    )


@access(MANAGE, opens=shown_by(selectors.trainings_visible_to))
def attendance_add(request: HttpRequest, pk: int) -> HttpResponse:
    training = selectors.training_get_for(request.user, pk)
    return form_page(
        request,
        AttendanceForm(request.POST or None, training=training),
        action=lambda data: services.attendance_record(actor=request.user, training=training, **data),
        success=_("The attendance was recorded."),
        done_url=training.get_absolute_url(),
        template="people/form.html",
        context={
            "heading": _("Attendance of “%(training)s”") % {"training": training},
            "back": training.get_absolute_url(),
        },
    )


def _attendances_kept_by(user):
    return Attendance.objects.filter(training__in=selectors.trainings_visible_to(user))


@access(MANAGE, opens=shown_by(_attendances_kept_by))
def certificate_add(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = get_object_or_404(
        _attendances_kept_by(request.user).select_related("training", "person"), pk=pk
    )
    return form_page(
        request,
        CertificateForm(request.POST or None, request.FILES or None),
        action=lambda data: services.certificate_add(actor=request.user, attendance=attendance, **data),
        success=_("The certificate was recorded."),
        done_url=attendance.training.get_absolute_url(),
        template="people/form.html",
        context={
            "heading": _("Certificate of %(person)s") % {"person": attendance.person},
            "back": attendance.training.get_absolute_url(),
        },
    )


@access(SIGNED_IN, opens=shown_by(selectors.certificates_visible_to))
def certificate_file(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    return stored_file_response(certificate.file, certificate.file_name)


@access(SIGNED_IN, opens=shown_by(selectors.checkable_by))
def effectiveness_check(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = selectors.attendance_get_for_check(request.user, pk)
    return form_page(
        request,
        EffectivenessForm(request.POST or None),
        action=lambda data: services.effectiveness_check(actor=request.user, attendance=attendance, **data),
        success=_("The effectiveness check is recorded."),
        done_url=attendance.training.get_absolute_url(),
        template="people/effectiveness_form.html",
        context={"attendance": attendance, "back": attendance.training.get_absolute_url()},
    )
