"""A password must not be built from the person's own names or the agency's: "staffstaff" for
the user staff, "iaar-demo1" — what Django's similarity check lets through."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

AGENCY_WORDS = ("iaar", "naar", "наар", "qms", "password", "пароль")


class NotNamesValidator:
    def validate(self, password: str, user=None) -> None:
        text = password.casefold()
        words = list(AGENCY_WORDS)
        if user is not None:
            for name in ("username", "first_name", "last_name", "email"):
                value = str(getattr(user, name, "") or "").casefold()
                words += [part for part in re.split(r"[\W_]+", value.split("@")[0]) if len(part) >= 3]
        found = next((word for word in words if word and word in text), None)
        if found:
            raise ValidationError(
                _("The password must not contain your name or the agency's (“%(word)s”)."),
                code="password_contains_name",
                params={"word": found},
            )

    def get_help_text(self) -> str:
        return _("Your password must not contain your name, your user name or the agency's name.")
