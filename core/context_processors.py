from django.conf import settings
from django.http import HttpRequest

from .navigation import menu_for
from .permissions import user_roles
from .roles import Role


def portal(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    return {
        "menu": menu_for(user, request.path),
        "my_roles": [Role(r).label for r in user_roles(user)],
        "unread_count": user.notifications.filter(read_at__isnull=True).count(),
        "idle_timeout_seconds": settings.IAAR_IDLE_TIMEOUT_MINUTES * 60,
        # The language the agency's letters are written in (a notice to the authority, say).
        "agency_language": settings.LANGUAGE_CODE,
    }
