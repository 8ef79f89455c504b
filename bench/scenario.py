"""What the Locust scenario (bench/locustfile.py) asks for, kept apart from Locust so that
tests/test_load_scenario.py walks the same paths with the Django test client (importing Locust
would patch the test process with gevent)."""

import os
import re

DEMO_PASSWORD = os.environ.get("LOAD_PASSWORD", "iaar-demo")
STAFF = os.environ.get("LOAD_STAFF", "director,qms,staff,pm").split(",")
LOGIN = "/accounts/login/"

# Fixed public pages, by the name Locust reports them under.
PUBLIC_PATHS = {
    "registry list": "/registry/",
    "registry search": "/registry/?q=university",
    "API certificates": "/api/v1/certificates/",
    "API reports": "/api/v1/reports/",
}
STAFF_PATHS = {
    "dashboard": "/dashboard/",
    "document register": "/documents/",
    "nonconformities": "/improvement/nonconformities/",
}
# 302 (a redirect the client follows anyway) and 429 (a rate limit doing its job) are expected
# answers; anything else that is not 200 is a failure.
EXPECTED = {200, 302, 429}

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_DOCUMENT = re.compile(r'href="(/documents/\d+/)"')


def csrf_token(html: str) -> str:
    """The token the sign-in form carries."""
    match = _CSRF.search(html)
    if not match:
        raise ValueError("no CSRF token in the sign-in form")
    return match.group(1)


def login_data(username: str, html: str) -> dict:
    return {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": csrf_token(html)}


def public_paths(certificates: dict) -> dict[str, str]:
    """The fixed public pages plus an organization and a certificate check taken from the
    API's first page of certificates."""
    paths = dict(PUBLIC_PATHS)
    results = certificates.get("results") or []
    if results:
        first = results[0]
        paths["organization page"] = f"/registry/organizations/{first['institution']}/"
        paths["certificate check"] = f"/registry/verify/{first['number']}/"
    return paths


def staff_paths(register_html: str) -> dict[str, str]:
    """The staff pages plus the first document of the register as its reader sees it."""
    paths = dict(STAFF_PATHS)
    match = _DOCUMENT.search(register_html)
    if match:
        paths["document page"] = match.group(1)
    return paths
