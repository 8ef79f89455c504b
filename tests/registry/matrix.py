"""The permission matrix's rows for the registry's staff views on DEQAR (see
tests/test_permission_matrix.py): a third person's published report to open; who may is the
view's own declaration (opens=)."""

POST_ONLY: set[str] = {"registry:deqar_resend"}

VIEWS = ("registry:deqar_edit", "registry:deqar_resend")


def kwargs(name: str, person) -> dict | None:
    if name not in VIEWS:
        return None
    from tests.test_permission_matrix import _lifecycle_kwargs

    return {"pk": _lifecycle_kwargs("publication_file")["publication_pk"]}


def post_data(name: str) -> dict | None:
    return {} if name in VIEWS else None
