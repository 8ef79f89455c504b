"""Public registry pages: no sign-in, nothing unpublished. The certificate check, and the
complaint anyone may send about IAAR's work."""

import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation import services
from accreditation.pdf import certificate_number_signed
from core.access import PUBLIC, access
from core.file_responses import checked_file_response
from core.ratelimit import over_limit

from . import cache as registry_cache
from . import selectors
from .forms import ComplaintForm
from .paging import BoundedPaginator

# The CSRF token in a page kept for every anonymous visitor: each visitor gets their own in its
# place when the page is served.
CSRF_PLACEHOLDER = "registry-csrf-token-placeholder"


def _anonymous(request: HttpRequest) -> bool:
    """A visitor whose page can come from the cache: signed out, no session (so no messages)."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def public_page(name: str):
    """Keep the whole page for anonymous visitors until the registry changes (cache.changed)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _anonymous(request):
                return view(request, *args, **kwargs)
            key = registry_cache.cache_key(f"page:{name}", registry_cache.request_parts(request))
            page = cache.get(key)
            if page is None:
                request.csrf_placeholder = True
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming:
                    return response
                page = (response["Content-Type"], response.content.decode())
                cache.set(key, page, settings.IAAR_REGISTRY_CACHE_SECONDS)
            content_type, html = page
            return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)), content_type=content_type)

        return wrapped

    return decorator


def _render(request: HttpRequest, template: str, context: dict, **kwargs) -> HttpResponse:
    if getattr(request, "csrf_placeholder", False):
        context = {**context, "csrf_token": CSRF_PLACEHOLDER}
    return render(request, template, context, **kwargs)


@access(PUBLIC)
@public_page("list")
def registry_list(request: HttpRequest) -> HttpResponse:
    rows, form = selectors.search(request.GET)
    paginator = BoundedPaginator(rows, settings.PAGINATE_BY)
    too_deep = paginator.beyond(request.GET.get("page"))
    page = paginator.get_page(1 if too_deep else request.GET.get("page"))
    today = timezone.localdate()
    for certificate in [] if too_deep else page.object_list:
        certificate.public_status = selectors.public_status(certificate, today)
    return _render(
        request,
        "registry/list.html",
        {
            "form": form,
            "invalid": [str(field.label) for field in form if field.errors],
            "page_obj": page,
            "too_deep": too_deep,
            "deepest": paginator.deepest,
            "approximate": form.approximate,
            "term": form.cleaned_data.get("q"),
            "filtered": any(v for k, v in request.GET.items() if k != "page"),
            "export_query": request.GET.urlencode() if request.GET else "",
        },
    )


@access(PUBLIC)
@public_page("organization")
def organization(request: HttpRequest, iaar_id: str) -> HttpResponse:
    page = selectors.organization_page(selectors.organization_get(iaar_id))
    return _render(request, "registry/organization.html", page)


@access(PUBLIC)
@public_page("programme")
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.programme_page(selectors.programme_get(pk))
    return _render(request, "registry/programme.html", page)


@access(PUBLIC)
def publication_file(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    publication = selectors.publication_get(pk)
    file, sha256 = {
        "report": (publication.report_pdf, publication.report_sha256),
        "decision": (publication.decision_pdf, publication.decision_sha256),
    }.get(what, (None, ""))
    if not file:
        raise Http404
    name = f"{publication.project.organization.iaar_id}-{what}.pdf"
    return checked_file_response(request, file, sha256, name, content_type="application/pdf")


def _over_limit(request: HttpRequest) -> bool:
    """Certificate checks are limited per address, so numbers cannot be enumerated."""
    return over_limit(request, "registry-verify", settings.IAAR_VERIFY_LIMIT_PER_MINUTE)


def _limited(request: HttpRequest) -> HttpResponse:
    """The answer to one check too many: the page with the reason, retry in a minute."""
    response = render(
        request,
        "registry/verify.html",
        {"limited": True, "message": _("Too many checks from your address; try again in a minute.")},
        status=429,
    )
    response["Retry-After"] = "60"
    return response


UPLOAD_LIMIT = 20 * 1024 * 1024


def _verify_file(request: HttpRequest) -> HttpResponse:
    """An uploaded PDF: is it an unaltered document signed by IAAR, and — for a certificate —
    what is its standing in the registry today? Nothing in the file is fetched or run."""
    from core.pdf_signing import signature_check

    upload = request.FILES.get("file")
    context = {"searched": False, "file_checked": True}
    if upload is None or upload.size == 0:
        context.update(file_checked=False, file_error=_("Choose the PDF file to check."))
        return render(request, "registry/verify.html", context, status=400)
    if upload.size > UPLOAD_LIMIT:
        context.update(
            file_checked=False, file_error=_("The file is larger than 20 MB; IAAR's PDFs are smaller.")
        )
        return render(request, "registry/verify.html", context, status=400)
    answer = signature_check(upload.read())
    certificate = None
    if answer["intact"] and answer["ours"] and (number := certificate_number_signed(answer["reason"])):
        certificate = selectors.certificate_by_number(number)
    context.update(
        answer=answer,
        genuine=answer["intact"] and answer["ours"],
        certificate=certificate,
        file_name=upload.name[:120],
    )
    context["status"] = selectors.public_status(certificate) if certificate else None
    context["standing"] = selectors.standing(certificate) if certificate else None
    return render(request, "registry/verify.html", context)


@access(PUBLIC)
def verify(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _limited(request) if _over_limit(request) else _verify_file(request)
    number = request.GET.get("number", "").strip()
    if not number:
        return render(request, "registry/verify.html", {"searched": False})
    if re.fullmatch(selectors.CODE_PATTERN, number):
        return redirect(reverse("registry:verify_number", args=[number]))
    # Not the shape of any number IAAR issues: no such certificate, without a lookup.
    context = {"searched": True, "number": number[:40], "certificate": None}
    return render(request, "registry/verify.html", context, status=404)


@access(PUBLIC)
def verify_number(request: HttpRequest, number: str) -> HttpResponse:
    if _over_limit(request):
        return _limited(request)
    return _verify_result(request, number)


@public_page("verify")
def _verify_result(request: HttpRequest, number: str) -> HttpResponse:
    certificate = selectors.certificate_by_number(number)
    status = selectors.public_status(certificate) if certificate else None
    return _render(
        request,
        "registry/verify.html",
        {
            "searched": True,
            "number": number[:40],
            "certificate": certificate,
            "status": status,
            "standing": selectors.standing(certificate) if certificate else None,
        },
        status=200 if certificate else 404,
    )


@access(PUBLIC)
def certificate_verify(request: HttpRequest, token) -> HttpResponse:
    """The check address of the first certificates' QR codes: it leads to the registry's check."""
    certificate = selectors.certificate_by_token(token)
    if certificate is None:
        return render(request, "registry/verify.html", {"searched": True, "number": ""}, status=404)
    return redirect(certificate.verify_path())


@access(PUBLIC)
def complaint_file(request: HttpRequest) -> HttpResponse:
    """Anyone may complain about IAAR's work; the commission answers by e-mail. The complainant
    gets the case's number on screen and by e-mail."""
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": str(request.user), "email": request.user.email}
    form = ComplaintForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.pop("website"):
            return redirect("core:home")  # a robot filled the hidden field: accept silently, keep nothing
        try:
            appeal = services.complaint_file(actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            request.session["complaint_received"] = {"number": appeal.number, "email": appeal.email}
            return redirect("accreditation:complaint_received")
    return render(
        request,
        "registry/complaint_form.html",
        {
            "form": form,
            "days": settings.IAAR_APPEAL_ANSWER_DAYS,
            "cancel_url": reverse("core:dashboard")
            if request.user.is_authenticated
            else reverse("core:home"),
        },
    )


@access(PUBLIC)
def complaint_received(request: HttpRequest) -> HttpResponse:
    """The page after a complaint: its number, where the receipt went, what happens next."""
    received = request.session.get("complaint_received")
    if not received:
        return redirect("accreditation:complaint_file")
    return render(
        request,
        "registry/complaint_received.html",
        {**received, "days": settings.IAAR_APPEAL_ANSWER_DAYS},
    )
