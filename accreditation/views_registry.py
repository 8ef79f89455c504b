"""Public registry pages: no sign-in, nothing unpublished."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import PUBLIC, access

from . import registry


@access(PUBLIC)
def registry_list(request: HttpRequest) -> HttpResponse:
    form = registry.RegistryFilter(request.GET)
    form.is_valid()

    def results() -> str:
        rows, searched = registry.search(request.GET)
        page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
        today = timezone.localdate()
        for certificate in page.object_list:
            certificate.public_status = registry.public_status(certificate, today)
        return render_to_string(
            "registry/_results.html",
            {"page_obj": page, "approximate": searched.approximate, "term": searched.cleaned_data.get("q")},
            request=request,
        )

    query = sorted((k, v[:300]) for k, v in request.GET.lists() for v in v)
    return render(
        request,
        "registry/list.html",
        {
            "form": form,
            "invalid": [str(field.label) for field in form if field.errors],
            "results": registry.cached("list", query, results),
            "filtered": any(v for k, v in request.GET.items() if k != "page"),
            "export_query": request.GET.urlencode() if request.GET else "",
        },
    )


@access(PUBLIC)
def organization(request: HttpRequest, iaar_id: str) -> HttpResponse:
    def page() -> dict:
        org = registry.organization_get(iaar_id)
        context = registry.organization_page(org)
        return {
            "organization": org,
            "body": render_to_string("registry/_organization.html", context, request=request),
        }

    return render(request, "registry/organization.html", registry.cached("organization", iaar_id[:40], page))


@access(PUBLIC)
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    def page() -> dict:
        context = registry.programme_page(registry.programme_get(pk))
        return {
            "programme": context["programme"],
            "organization": context["organization"],
            "body": render_to_string("registry/_programme.html", context, request=request),
        }

    return render(request, "registry/programme.html", registry.cached("programme", pk, page))


@access(PUBLIC)
def publication_file(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    publication = registry.publication_get(pk)
    file = {"report": publication.report_pdf, "decision": publication.decision_pdf}.get(what)
    if not file:
        raise Http404
    name = f"{publication.project.organization.iaar_id}-{what}.pdf"
    return FileResponse(file.open("rb"), content_type="application/pdf", filename=name)


def _over_limit(request: HttpRequest) -> bool:
    """Certificate checks are limited per address, so numbers cannot be enumerated."""
    address = request.META.get("REMOTE_ADDR", "")
    key = f"registry-verify:{address}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, 70)  # no-op when the minute's counter exists
    try:
        return cache.incr(key) > settings.IAAR_VERIFY_LIMIT_PER_MINUTE
    except ValueError:  # the counter vanished (cache restarted): let this one through
        return False


@access(PUBLIC)
def verify(request: HttpRequest) -> HttpResponse:
    # No number holds a slash, and the check's address cannot carry one.
    number = request.GET.get("number", "").replace("/", "").strip()
    if number:
        return redirect(reverse("registry:verify_number", args=[number[:40]]))
    return render(request, "registry/verify.html", {"searched": False})


@access(PUBLIC)
def verify_number(request: HttpRequest, number: str) -> HttpResponse:
    if _over_limit(request):
        response = render(
            request,
            "registry/verify.html",
            {
                "searched": False,
                "limited": True,
                "message": _("Too many checks from your address; try again in a minute."),
            },
            status=429,
        )
        response["Retry-After"] = "60"
        return response
    certificate = registry.certificate_by_number(number)
    status = registry.public_status(certificate) if certificate else None
    return render(
        request,
        "registry/verify.html",
        {"searched": True, "number": number[:40], "certificate": certificate, "status": status},
        status=200 if certificate else 404,
    )
