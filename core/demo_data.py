"""Runs every app's demo step in order. Each app owns its demo records in ``<app>/demo.py``."""

from importlib import import_module

from django.db import transaction
from django.utils.translation import override

from .demo import seed_people

DEMO_APPS = ["documents", "accreditation", "audits", "surveys", "improvement"]


def seed_all() -> dict:
    # Demo texts are stored as written; the UI translates labels around them.
    with override("en"), transaction.atomic():
        people = seed_people()
        for app in DEMO_APPS:
            import_module(f"{app}.demo").seed(people)
    return people


def seed_scale(n: int, *, owner) -> int:
    made = 0
    for app in DEMO_APPS:
        module = import_module(f"{app}.demo")
        if hasattr(module, "seed_scale"):
            made += module.seed_scale(n, owner=owner)
    return made
