import hmac

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import selectors, services
from .access import PUBLIC, SIGNED_IN, access
from .dashboard import dashboard_for
from .forms import ProfileForm
from .health import health_report
from .pdf import pdf_response, render_pdf
from .permissions import user_roles
from .roles import Role
from .second_factor import enrolled, required


@access(PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/home.html")


@access(SIGNED_IN)
def dashboard(request: HttpRequest) -> HttpResponse:
    board = dashboard_for(request.user)
    notifications = selectors.notifications_visible_to(request.user).filter(read_at__isnull=True)[:5]
    return render(request, "core/dashboard.html", {"board": board, "notifications": notifications})


@access(SIGNED_IN)
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_visible_to(request.user), settings.PAGINATE_BY).get_page(
        request.GET.get("page")
    )
    return render(request, "core/notification_list.html", {"page_obj": page})


@require_POST
@access(SIGNED_IN)
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    services.notification_mark_read(user=request.user, notification_id=pk)
    if request.htmx:
        note = selectors.notifications_visible_to(request.user).filter(pk=pk).first()
        return render(request, "core/partials/_notification.html", {"note": note})
    return redirect("core:notifications")


@require_POST
@access(SIGNED_IN)
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notification_mark_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("core:notifications")


@access(SIGNED_IN)
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("core:profile")
    roles = [{"label": Role(r).label, "code": r} for r in user_roles(request.user)]
    second_factor = {"enrolled": enrolled(request.user), "required": required(request.user)}
    return render(
        request, "core/profile.html", {"form": form, "roles": roles, "second_factor": second_factor}
    )


@access("core.view_role_register")
def role_register(request: HttpRequest) -> HttpResponse:
    return render(request, "core/role_register.html", {"roles": selectors.role_register()})


@access("core.view_role_register")
def role_register_pdf(request: HttpRequest) -> HttpResponse:
    content = render_pdf("pdf/role_register.html", {"roles": selectors.role_register()})
    return pdf_response(content, "iaar-roles.pdf")


@never_cache
@access(PUBLIC)
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, report = health_report()
    return JsonResponse({"status": "ok" if healthy else "error", **report}, status=200 if healthy else 503)


@never_cache
@access("core.view_metrics")
def _metrics_for_administrators(request: HttpRequest) -> HttpResponse:
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics: for a scraper presenting ``IAAR_METRICS_TOKEN`` as a bearer token,
    otherwise for those signed in with the right to read them (administrators)."""
    from django_prometheus.exports import ExportToDjangoView

    token = settings.IAAR_METRICS_TOKEN
    presented = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and presented and hmac.compare_digest(presented.encode(), token.encode()):
        return ExportToDjangoView(request)
    return _metrics_for_administrators(request)


metrics.access_rule = _metrics_for_administrators.access_rule
metrics.object_rule = None
metrics.moves = None


@access(PUBLIC)
def ping(request: HttpRequest) -> HttpResponse:
    """The bare Django view: the ceiling every benchmark figure is compared with."""
    return HttpResponse("pong", content_type="text/plain")


def error_400(request: HttpRequest, exception=None) -> HttpResponse:
    # Too large or malformed (e.g. a 10 MB answer): refused before any view ran, nothing saved.
    return render(request, "errors/400.html", status=400)


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors: the database may be the thing that failed.
    return HttpResponse(loader.get_template("errors/500.html").render({}), status=500)
