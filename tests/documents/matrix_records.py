"""The permission matrix's rows for the external-documents register and the records archive
(see tests/test_permission_matrix.py): the object each view is opened on, in the state it works
in; who may is the view's own declaration (opens=, moves=)."""

POST_ONLY: set[str] = {"documents:external_introduce", "documents:record_hold", "documents:record_file_under"}

PAGES = {
    "external_list",
    "external_create",
    "nomenclature",
    "record_class_create",
    "archive_due",
    "destruction_propose",
}
EXTERNAL = {"external_detail", "external_edit", "external_check", "external_introduce"}
RECORD = {"record_hold", "record_file_under"}
# The state of the act each view works in.
ACTS = {
    "destruction_detail": "proposed",
    "destruction_pdf": "signed",
    "destruction_agree": "proposed",
    "destruction_reject": "proposed",
    "destruction_sign": "agreed",
}


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "documents" or view not in PAGES | EXTERNAL | RECORD | set(ACTS) | {"record_class_edit"}:
        return None
    if view in PAGES:
        return {}
    from tests.documents import records_world as world
    from tests.factories import UserFactory

    keeper = UserFactory(username=f"matrix_records_{view}")
    if view in EXTERNAL:
        return {"pk": world.external(keeper).pk}
    if view == "record_class_edit":
        return {"pk": world.record_class().pk}
    if view in RECORD:
        return {"pk": world.record(keeper).pk}
    return {"pk": world.act(keeper, [world.record(keeper)], status=ACTS[view]).pk}


def post_data(name: str) -> dict | None:
    if name == "documents:record_hold":
        return {"reason": "Matrix hold"}
    return None
