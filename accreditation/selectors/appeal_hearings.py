"""Where an appeal is heard: the meetings of a body that have it on their agenda. The bodies
live in an app above this one, which registers its provider in its AppConfig.ready, so this app
never imports it."""

from collections.abc import Callable

from ..models import Appeal

# A provider takes the reader and the appeal and returns the hearings this reader may open:
# dicts with "meeting" (its name), "url", "state" and "outcome" (labels, "" while pending).
AppealHearings = Callable[[object, Appeal], list[dict]]
_providers: list[AppealHearings] = []


def register_appeal_hearings(provider: AppealHearings) -> AppealHearings:
    """Let an app above accreditation say at which meetings an appeal is heard."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def appeal_hearings(user, appeal: Appeal) -> list[dict]:
    """The meetings that have the appeal on their agenda, only those this reader may open."""
    return [row for provider in _providers for row in provider(user, appeal)]
