"""What other apps say about seating experts on a commission, without accreditation importing
them: the people app (above) registers, in its ``AppConfig.ready``, warnings shown when an expert
is seated (an expired training) and checks that refuse a commission's approval (a member who has
not accepted the code of ethics in force). Each returns sentences that name the member."""

from collections.abc import Callable, Iterable

# warning(experts) -> {expert pk: [sentence, ...]}
_warnings: list[Callable[[list], dict[int, list[str]]]] = []
# check(experts) -> [sentence, ...]: why the commission cannot be approved
_approval_checks: list[Callable[[list], list[str]]] = []


def register_warning(provider: Callable[[list], dict[int, list[str]]]) -> None:
    if provider not in _warnings:
        _warnings.append(provider)


def register_approval_check(check: Callable[[list], list[str]]) -> None:
    if check not in _approval_checks:
        _approval_checks.append(check)


def warnings_by_expert(experts: Iterable) -> dict[int, list[str]]:
    experts = list(experts)
    found: dict[int, list[str]] = {}
    for provider in _warnings:
        for pk, sentences in provider(experts).items():
            found.setdefault(pk, []).extend(sentences)
    return found


def approval_refusals(experts: Iterable) -> list[str]:
    experts = list(experts)
    return [sentence for check in _approval_checks for sentence in check(experts)]
