"""What other apps attach to a document's version, without documents importing them.

An app that keeps content which is *part of* a version (the accreditation standards and their
criteria, the threshold requirements) registers, in its ``AppConfig.ready``:

- ``register_version_effective(handler)``: ``handler(version=..., previous=...)`` runs inside the
  transaction that puts the version in force, so what depends on it changes with it or not at all;
- ``register_version_links(provider)``: ``provider(user, version)`` returns the (label, url) pairs
  the version's page links to (only those the reader may open).
"""

from collections.abc import Callable

EffectiveHandler = Callable[..., None]
LinkProvider = Callable[..., list[tuple[str, str]]]

EFFECTIVE_HANDLERS: list[EffectiveHandler] = []
LINK_PROVIDERS: list[LinkProvider] = []


def register_version_effective(handler: EffectiveHandler) -> EffectiveHandler:
    if handler not in EFFECTIVE_HANDLERS:
        EFFECTIVE_HANDLERS.append(handler)
    return handler


def register_version_links(provider: LinkProvider) -> LinkProvider:
    if provider not in LINK_PROVIDERS:
        LINK_PROVIDERS.append(provider)
    return provider


def version_became_effective(*, version, previous) -> None:
    for handler in EFFECTIVE_HANDLERS:
        handler(version=version, previous=previous)


def version_links(user, version) -> list[tuple[str, str]]:
    if version is None:
        return []
    return [link for provider in LINK_PROVIDERS for link in provider(user, version)]
