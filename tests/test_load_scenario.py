"""The Locust scenario of `make load` (bench/locustfile.py) cannot rot: every page it asks for
answers 200 to its visitor on the demo data, and its staff sign in through the real form with
CSRF checks on. No Locust run: the paths come from bench/scenario.py, and every name a task
of the locustfile visits must be one of them."""

import ast
import importlib.util
from pathlib import Path

from django.test import Client

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _scenario():
    spec = importlib.util.spec_from_file_location("scenario", BENCH / "scenario.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scenario = _scenario()


def _visited_names() -> set[str]:
    """The names the locustfile's tasks pass to ``self.visit``."""
    tree = ast.parse((BENCH / "locustfile.py").read_text())
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "visit"
        and isinstance(node.args[0], ast.Constant)
    }


def test_the_public_pages_answer_200(seeded_demo, db):
    client = Client()
    response = client.get(scenario.PUBLIC_PATHS["API certificates"])
    assert response.status_code == 200
    paths = scenario.public_paths(response.json())
    assert {"organization page", "certificate check"} <= paths.keys()
    for name, path in paths.items():
        assert client.get(path).status_code == 200, name


def test_each_staff_member_signs_in_through_the_form_and_reads_the_pages(seeded_demo, db):
    for username in scenario.STAFF:
        client = Client(enforce_csrf_checks=True)
        form = client.get(scenario.LOGIN)
        response = client.post(scenario.LOGIN, scenario.login_data(username, form.content.decode()))
        assert response.status_code == 302, username
        register = client.get(scenario.STAFF_PATHS["document register"])
        assert register.status_code == 200
        paths = scenario.staff_paths(register.content.decode())
        assert "document page" in paths, username
        for name, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, (username, name)
            assert scenario.LOGIN not in response.get("Location", ""), (username, name)


def test_every_task_of_the_locustfile_visits_a_known_page():
    visited = _visited_names()
    known = {*scenario.PUBLIC_PATHS, *scenario.STAFF_PATHS, "organization page", "certificate check"}
    known.add("document page")
    assert visited, "no task found in the locustfile"
    assert visited <= known, visited - known
