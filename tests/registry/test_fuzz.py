"""Garbage in, never a server error: every GET operation of the open API (read from its own
OpenAPI schema) and every public registry page, with generated query strings.

Known parameters get valid values or garbage, unknown ones are added; garbage is any text,
SQL-ish and template-ish strings, 10 KB strings, huge and negative numbers, NUL characters,
and percent-encoded bytes that are not UTF-8 (%ff%fe). PostgreSQL refuses NUL in a string, so
run this file on both databases (CI runs it on PostgreSQL).
"""

import datetime
from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from accreditation.models import AccreditationProject, EducationLevel
from demo.walkthrough import drive
from registry.forms import STATUS_CHOICES, RegistryFilter

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the working tree
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SQLISH = [
    "' OR '1'='1",
    "'; DROP TABLE accreditation_certificate; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "1' UNION SELECT password FROM core_user --",
    "%",
    "_",
    "\\",
    "%%",
    "*",
    "..",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "${7*7}",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "0x10",
    "١٢",
    "１２",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "-0001-01-01",
    "true",
    "null",
    "[]",
    "{}",
    "\u202e",
    "\ufeff",
    "\r\nSet-Cookie: x=1",
    "-pk",
    "organization__name",
]
# Fragments sent as they are (already percent-encoded): bytes that are not UTF-8, NUL,
# broken escapes, separators.
RAW = [
    "%ff%fe",
    "%00",
    "a%00b",
    "%c3%28",
    "%e2%82",
    "%ed%a0%80",
    "%f0%9f%92%a9",
    "%",
    "%zz",
    "%2",
    "+",
    "%2F..%2F",
    "%0d%0a",
    "%26%3D",
    ";",
]

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(SQLISH),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(repr),
    st.dates().map(str),
    st.builds(lambda char, n: char * n, st.characters(codec="utf-8"), st.integers(10_000, 10_240)),  # 10 KB
    st.tuples(st.text(max_size=8), st.text(max_size=8)).map(lambda t: f"{t[0]}\x00{t[1]}"),
)
garbage = st.one_of(
    texts.map(lambda text: quote(text, safe="")),
    st.binary(max_size=24).map(lambda raw: quote_from_bytes(raw, safe="")),
    st.sampled_from(RAW),
)


def _value(valid: list[str]):
    return st.one_of(st.sampled_from(valid).map(lambda v: quote(v, safe="")), garbage) if valid else garbage


def query_strings(valid: dict[str, list[str]]):
    """Known parameters (valid values or garbage, some repeated) and unknown ones, shuffled."""
    known = (
        st.lists(st.sampled_from(sorted(valid)).flatmap(lambda n: st.tuples(st.just(n), _value(valid[n]))))
        if valid
        else st.just([])
    )
    unknown = st.lists(st.tuples(st.one_of(garbage, st.sampled_from(RAW)), garbage), max_size=2)
    pairs = st.tuples(known, unknown).flatmap(lambda kv: st.permutations(kv[0] + kv[1]))
    separator = st.sampled_from(["&", "&", "&", "&&", ";"])
    return st.tuples(pairs, separator).map(lambda ps: ps[1].join(f"{k}={v}" for k, v in ps[0]))


def path_values(valid: list[str]):
    return st.one_of(
        st.sampled_from(valid),
        texts.filter(bool).map(lambda text: quote(text, safe="")),
        st.sampled_from(RAW),
    )


def _check(client, url: str) -> None:
    note(url)
    response = client.get(url)
    if response.streaming:  # an export: its rows are made while it streams
        b"".join(response.streaming_content)
    assert response.status_code < 500, (url, response.status_code)


@pytest.fixture
def published(cast):
    return drive(cast.project, cast, AccreditationProject.Status.POST_MONITORING)


def _fuzz(client, template: str, paths: dict[str, list[str]], query: dict[str, list[str]]) -> None:
    """Up to FUZZ.max_examples requests to one endpoint."""
    path = st.fixed_dictionaries({name: path_values(valid) for name, valid in paths.items()})

    @FUZZ
    @given(path=path, query=query_strings(query))
    def run(path, query):
        _check(client, template.format(**path) + ("?" + query if query else ""))

    run()


# ---------------------------------------------------------------------------------------------
# The open API, operation by operation as its schema describes it


def test_no_api_operation_fails_on_garbage(client, published, cast):
    certificate = published.certificates.get()
    publication = published.publications.get()
    today = datetime.date.today().isoformat()
    examples = {
        "institution": [cast.organization.iaar_id],
        "iaar_id": [cast.organization.iaar_id],
        "number": [certificate.number],
        "id": [str(publication.pk), str(cast.programme.pk)],
        "country": ["KZ", "kz"],
        "city": ["Almaty"],
        "name": ["Eurasian"],
        "code": ["6B06101"],
        "level": ["bachelor"],
        "agency_activity": ["specialized", "institutional"],
        "valid_on": [today],
        "page": ["1", "2", "last"],
    }
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operations = [
        (path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method == "get"
    ]
    assert len(operations) >= 8
    for path, operation in operations:
        parameters = {"path": {}, "query": {}}
        for parameter in operation.get("parameters", []):
            valid = [str(v) for v in parameter["schema"].get("enum", [])] or examples.get(
                parameter["name"], []
            )
            parameters[parameter["in"]][parameter["name"]] = valid
        _fuzz(client, path, parameters["path"], parameters["query"])


# ---------------------------------------------------------------------------------------------
# The public registry pages


REGISTRY_PAGES = [
    "/registry/",
    "/registry/export.csv",
    "/registry/export.xlsx",
    "/registry/verify/",
    "/registry/verify/{number}/",
    "/registry/organizations/{iaar_id}/",
    "/documents/public/",
]


def test_no_registry_page_fails_on_garbage(client, published, cast):
    certificate = published.certificates.get()
    query = {
        "q": ["eurasian", "6B06101", certificate.number, cast.organization.iaar_id],
        "country": ["KZ", "kz"],
        "city": ["Almaty"],
        "kind": list(AccreditationProject.Kind.values),
        "level": list(EducationLevel.values),
        "status": [code for code, _label in STATUS_CHOICES],
        "year": [str(datetime.date.today().year)],
        "sort": [code for code, _label in RegistryFilter.base_fields["sort"].choices],
        "page": ["1", "2", "last"],
        "number": [certificate.number],
    }
    paths = {"number": [certificate.number], "iaar_id": [cast.organization.iaar_id]}
    for template in REGISTRY_PAGES:  # one published world for all: each page its own examples
        _fuzz(client, template, {name: paths[name] for name in paths if f"{{{name}}}" in template}, query)
