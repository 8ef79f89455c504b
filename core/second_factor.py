"""The second factor at sign-in: a time-based code (TOTP, django-otp) from an authenticator app,
or one of ten one-time backup codes.

Signing in with the password (the login view, axes lockout) is the first step. A person with a
confirmed device then gives a code before the session is verified; a person holding one of
``IAAR_OTP_REQUIRED_ROLES`` ("admin": superusers) who has no device is sent to enrolment. Until
then ``SecondFactorMiddleware`` lets them reach only these pages, sign-out and the public pages.
Wrong codes are limited per person (``IAAR_OTP_FAILURE_LIMIT`` in ``IAAR_OTP_COOLOFF_MINUTES``);
a lockout is told to the person and the IQAS owner (``core.lockouts``, as a signing lockout is);
the lockout, enrolment, removal and an administrator's reset are on the person's timeline.
"""

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import PUBLIC, SIGNED_IN, access, view_access_rule
from .lockouts import Lockout, lockout_report
from .middleware import client_address
from .permissions import user_roles
from .workflow import event_record

BACKUP_CODES = 10

ENROLLED_EVENT = gettext_noop("Second factor enrolled")
REMOVED_EVENT = gettext_noop("Second factor removed")
RESET_EVENT = gettext_noop("Second factor reset by %(admin)s")
LOCKED_EVENT = gettext_noop(
    "Second step locked for %(minutes)s minutes after %(count)s wrong codes (from %(address)s)"
)
# Told to the person and the IQAS owner, and on the timeline, as a signing lockout is.
CODE_LOCKOUT = Lockout(
    event=LOCKED_EVENT,
    subject=_("Second step of sign-in locked for %(person)s after %(count)s wrong codes"),
    body=_(
        "Signing in is locked for %(minutes)s minutes at the second step. If %(person)s did not "
        "type these codes, someone who knows their password may be trying to sign in as them "
        "(from %(address)s)."
    ),
)


def required(user) -> bool:
    """Whether this person must have a second factor before reaching staff pages."""
    roles = set(settings.IAAR_OTP_REQUIRED_ROLES)
    if not roles or not user.is_authenticated:
        return False
    if "admin" in roles and user.is_superuser:
        return True
    return bool(roles.intersection(user_roles(user)))


def enrolled(user) -> bool:
    return user_has_device(user, confirmed=True)


def _record(user, action: str, actor, **params) -> None:
    """On the person's timeline (untranslated, shown in each reader's language)."""
    event_record(obj=user, action=action, actor=actor, params=params)


def devices_remove(user) -> None:
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user):
            device.delete()


def reset(user, *, admin) -> None:
    """An administrator removes someone's second factor (a lost phone): they enrol again."""
    devices_remove(user)
    _record(user, RESET_EVENT, admin, admin=str(admin))


# Wrong codes: a counter per person in the cache, as the signing guard counts passwords.
def _failures_key(user) -> str:
    return f"otp-failures:user:{user.pk}"


def _lock_key(user) -> str:
    return f"otp-locked:user:{user.pk}"


def locked(user) -> bool:
    return bool(cache.get(_lock_key(user)))


def _failure_note(request, user) -> bool:
    """Count a wrong code; True when this one locks the second step."""
    window = settings.IAAR_OTP_COOLOFF_MINUTES * 60
    key = _failures_key(user)
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    if count < settings.IAAR_OTP_FAILURE_LIMIT:
        return False
    cache.set(_lock_key(user), True, window)
    cache.delete(key)
    lockout_report(
        CODE_LOCKOUT,
        user,
        address=client_address(request.META),
        minutes=settings.IAAR_OTP_COOLOFF_MINUTES,
        count=settings.IAAR_OTP_FAILURE_LIMIT,
    )
    return True


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace(" ", "").replace("-", "")


class RemoveForm(CodeForm):
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    field_order = ["password", "code"]


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:dashboard")


def _match(user, code: str):
    """The device the code is from: six digits are the app's, anything else a backup code (so a
    backup code does not count as a wrong code against the app's device and slow it down)."""
    model = TOTPDevice if len(code) == 6 and code.isdigit() else StaticDevice
    for device in model.objects.filter(user=user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None


def _check_code(request, form) -> bool:
    """Verify the code of the form for the signed-in person; wrong codes are counted and refused
    with a message on the form. True when the code matched (the session is then verified)."""
    user = request.user
    if locked(user):
        form.add_error(
            None,
            _("Too many wrong codes. Try again in %(minutes)s minutes.")
            % {"minutes": settings.IAAR_OTP_COOLOFF_MINUTES},
        )
        return False
    device = _match(user, form.cleaned_data["code"])
    if device is None:
        if _failure_note(request, user):
            form.add_error(
                None,
                _("Too many wrong codes. Try again in %(minutes)s minutes.")
                % {"minutes": settings.IAAR_OTP_COOLOFF_MINUTES},
            )
        else:
            form.add_error(
                "code",
                _(
                    "The code is not right. Type the 6 digits your authenticator app shows now, or a backup code."
                ),
            )
        return False
    cache.delete(_failures_key(user))
    otp_login(request, device)
    return True


@access(SIGNED_IN)
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in."""
    if not enrolled(request.user):
        return redirect("core:second_factor_enrol" if required(request.user) else "core:profile")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check_code(request, form):
        return redirect(_next_url(request))
    return render(request, "core/second_factor_verify.html", {"form": form, "next": _next_url(request)})


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


@access(SIGNED_IN)
def enrol(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the QR code (or type the secret), confirm with a code,
    then see the ten backup codes once."""
    user = request.user
    if enrolled(user):
        messages.info(request, _("You already have a second factor. Remove it first to enrol another phone."))
        return redirect("core:profile")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save()
            StaticDevice.objects.filter(user=user).delete()
            backup = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
            codes = [StaticToken.random_token() for _i in range(BACKUP_CODES)]
            for code in codes:
                backup.token_set.create(token=code)
            otp_login(request, device)
            _record(user, ENROLLED_EVENT, user)
            return render(
                request, "core/second_factor_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error(
            "code", _("The code is not right. Check the phone's clock and type the 6 digits shown now.")
        )
    secret = _base32(device.bin_key)
    return render(
        request,
        "core/second_factor_enrol.html",
        {
            "form": form,
            "qr": mark_safe(_qr_svg(device.config_url)),  # our own SVG
            "secret": secret,
            "required": required(user),
            "next": _next_url(request),
        },
    )


def _base32(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@access(SIGNED_IN)
def remove(request: HttpRequest) -> HttpResponse:
    """Remove one's own second factor (to enrol a new phone): the password and a code again."""
    user = request.user
    if not enrolled(user):
        return redirect("core:profile")
    form = RemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (
            authenticate(request, username=user.get_username(), password=form.cleaned_data["password"])
            is None
        ):
            form.add_error("password", _("The password is not right."))
        elif _check_code(request, form):
            devices_remove(user)
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            _record(user, REMOVED_EVENT, user)
            messages.success(request, _("Your second factor is removed."))
            return redirect("core:second_factor_enrol" if required(user) else "core:profile")
    return render(request, "core/second_factor_remove.html", {"form": form})


ALLOWED_UNVERIFIED = {"core:second_factor_verify", "core:second_factor_enrol", "logout", "set_language"}


class SecondFactorMiddleware:
    """After OTPMiddleware: a signed-in person with a second factor (or who must have one) and a
    session not yet verified reaches only the second step, enrolment, sign-out and public pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        name = (
            f"{match.namespace}:{match.url_name}"
            if match and match.namespace
            else (match.url_name if match else "")
        )
        if name in ALLOWED_UNVERIFIED or view_access_rule(view_func) == PUBLIC:
            return None
        if enrolled(user):
            target = "core:second_factor_verify"
        elif required(user):
            target = "core:second_factor_enrol"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
