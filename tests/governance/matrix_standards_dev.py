"""The permission matrix's rows for the development of standards (see
tests/test_permission_matrix.py): each view is opened on a plan, consultation or comment of a
working group none of the personas sits in; who may is the view's own declaration."""

POST_ONLY: set[str] = {
    "governance:stddev_input_add",
    "governance:consultation_section_add",
    "governance:comment_moderate",
    "governance:comment_answer",
    "governance:comment_dispose",
}

PLAN_VIEWS = {"stddev_plan_detail", "stddev_input_add", "consultation_create"}
CONSULTATION_VIEWS = {"consultation_detail", "consultation_section_add", "consultation_summary"}
COMMENT_VIEWS = {"comment_moderate", "comment_answer", "comment_dispose"}


def _world():
    from governance.models.standards_dev import DevelopmentPlan
    from governance.services import standards_dev as services
    from tests.governance.stddev_world import build, comment

    world = build(prefix=f"mx{DevelopmentPlan.objects.count()}")
    pending = comment(world)
    published = comment(world, text="Published")
    services.comment_moderate(comment=published, actor=world["sec"], publish=True)
    return world, pending, published


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace == "consultation" and view == "public":
        return {"pk": _world()[0]["consultation"].pk}
    if namespace != "governance":
        return None
    if view in ("stddev_plan_list", "stddev_plan_create"):
        return {}
    if view in PLAN_VIEWS | CONSULTATION_VIEWS | COMMENT_VIEWS:
        world, pending, published = _world()
        if view in PLAN_VIEWS:
            return {"pk": world["plan"].pk}
        if view in CONSULTATION_VIEWS:
            return {"pk": world["consultation"].pk}
        return {"pk": (pending if view == "comment_moderate" else published).pk}
    return None


def post_data(name: str) -> dict | None:
    if name == "governance:stddev_input_add":
        return {"kind": "esg", "title": "ESG 2015"}
    if name == "governance:consultation_section_add":
        return {"number": "9", "title": "Новый раздел", "text": "Текст"}
    if name == "governance:comment_moderate":
        return {"decision": "publish"}
    if name == "governance:comment_answer":
        return {"answer": "Ответ"}
    if name == "governance:comment_dispose":
        return {"disposition": "accepted", "reason": "Учтено"}
    return None
