"""The permission matrix's row for the Director General's approval of a draft implementation
plan (tests/test_permission_matrix.py): the plan of tests/governance/matrix.py, a draft. Who may
is the view's own declaration (moves=)."""

POST_ONLY: set[str] = set()


def kwargs(name: str, person) -> dict | None:
    if name != "governance:plan_approve":
        return None
    from tests.governance.matrix import plan_item

    return {"pk": plan_item()[0].plan_id}


def post_data(name: str) -> dict | None:
    return None
