"""The permission matrix's rows for the Director General's orders, the responsibility matrix and
the approval of KPI targets (see tests/test_permission_matrix.py): the object each view opens, in
the state it works in. Who may is the views' own declaration (opens=, moves=)."""

POST_ONLY: set[str] = {"governance:order_cancel", "reporting:kpi_target_return"}

ORDER_VIEWS = {"order_detail", "order_line_add", "order_sign", "order_cancel"}
PLAIN = {"governance:order_list", "governance:order_create", "governance:responsibility_matrix"}
PLAIN |= {"governance:responsibility_matrix_pdf"}


def _draft_order():
    """A draft order with one clause, written straight to the database."""
    from core.roles import Role
    from governance.models import DirectorOrder, OrderLine
    from tests.factories import UserFactory

    author = UserFactory(username="matrix_order_author")
    order = DirectorOrder.objects.create(title="Matrix order", drafted_by=author)
    OrderLine.objects.create(
        order=order,
        position=1,
        person=UserFactory(username="matrix_order_person"),
        action=OrderLine.Action.GRANT,
        role=Role.AUDITOR.value,
    )
    return order


def _proposed_target():
    from django.utils import timezone

    from improvement.models import KpiTarget
    from tests.factories import UserFactory

    return KpiTarget.objects.create(
        code="kpi1",
        year=timezone.localdate().year,
        proposed_percent=10,
        status=KpiTarget.Status.PROPOSED,
        set_by=UserFactory(username="matrix_target_author"),
    )


def kwargs(name: str, person) -> dict | None:
    if name in PLAIN:
        return {}
    namespace, _sep, view = name.partition(":")
    if namespace == "governance" and view in ORDER_VIEWS:
        return {"pk": _draft_order().pk}
    if name == "governance:person_assignments":
        from tests.factories import UserFactory

        return {"pk": UserFactory(username="matrix_assigned").pk}
    if name in ("reporting:kpi_target_approve", "reporting:kpi_target_return"):
        return {"pk": _proposed_target().pk}
    return None


def post_data(name: str) -> dict | None:
    if name in POST_ONLY:
        return {}
    return None
