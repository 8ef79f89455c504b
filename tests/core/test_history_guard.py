"""History without gaps: no code writes to a historied model behind django-simple-history's back.

bulk_create, bulk_update, QuerySet.update() and QuerySet.delete() send no post_save/post_delete
signals, so the change leaves no history row. This scans every non-test, non-migration module for
such calls on a historied model's manager (``Model.objects...``) and fails on any not allowed below.
"""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accreditation", "audits", "core", "documents", "improvement", "registry", "reporting", "surveys")
BYPASSES = {"bulk_create", "bulk_update", "update", "delete"}

# (module path, model, method) -> why it is safe. Keep empty unless there is a real reason.
ALLOWED: dict[tuple[str, str, str], str] = {}


def historied_models() -> set[str]:
    return {
        model.__name__
        for model in apps.get_models()
        if hasattr(model, "history") and not model.__name__.startswith("Historical")
    }


def bypasses_in(source: str, historied: set[str]) -> list[tuple[int, str, str]]:
    """(line, model, method) for each bulk or queryset write on ``Model.objects`` of a historied model."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in BYPASSES:
            continue
        receiver, through_manager = node.func.value, False
        while isinstance(receiver, ast.Call | ast.Attribute):
            if isinstance(receiver, ast.Attribute) and receiver.attr in ("objects", "_default_manager"):
                through_manager = True
            receiver = receiver.func if isinstance(receiver, ast.Call) else receiver.value
        if through_manager and isinstance(receiver, ast.Name) and receiver.id in historied:
            found.append((node.lineno, receiver.id, node.func.attr))
    return found


def sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts or "tests" in path.parts:
                continue
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_the_guard_finds_a_bypass():
    sample = (
        "MonitoringTask.objects.bulk_create(tasks)\n"
        "Criterion.objects.filter(standard=s).update(text='x')\n"
        "Document.objects.all().delete()\n"
        "Answer.objects.bulk_create(answers)\n"  # not historied: allowed
        "task.delete()\n"  # one object: history recorded
    )
    assert bypasses_in(sample, historied_models()) == [
        (1, "MonitoringTask", "bulk_create"),
        (2, "Criterion", "update"),
        (3, "Document", "delete"),
    ]


def test_no_write_bypasses_history():
    historied = historied_models()
    assert {"MonitoringTask", "CouncilAttendance", "Criterion", "Document"} <= historied
    offending = [
        f"{name}:{line} {model}.objects...{method}()"
        for name, source in sources()
        for line, model, method in bypasses_in(source, historied)
        if (name, model, method) not in ALLOWED
    ]
    assert offending == [], "writes that leave no history row:\n" + "\n".join(offending)
