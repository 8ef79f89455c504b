"""A page shows a link only where its reader may open it: the view's rule, then its object rule."""

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from core.access import may_open, url_for_reader
from core.roles import Role
from tests.factories import AuditFactory


def _render(source: str, user, **context) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load portal %}" + source).render(Context({"request": request, **context}))


def test_a_list_behind_a_permission_opens_only_for_its_holders(director, make_person):
    assert may_open(director, reverse("improvement:list"))
    assert not may_open(make_person(Role.SUPERVISORY_BOARD), reverse("improvement:list"))


def test_an_audit_opens_for_management_and_its_team_only(director, staff_member):
    audit = AuditFactory()
    assert url_for_reader(director, audit) == audit.get_absolute_url()
    assert url_for_reader(staff_member, audit) == ""  # the selector hides it: a 404 for them
    assert url_for_reader(staff_member, "audits:detail", audit.pk) == ""


def test_a_path_that_names_no_page_is_not_linked(director):
    assert not may_open(director, "/no-such-page/")
    assert url_for_reader(director, "") == ""


def test_a_refused_breadcrumb_is_plain_text(make_person):
    manager = make_person(Role.QMS_OWNER, Role.STAFF)
    legal = make_person(Role.LEGAL_HEAD, Role.STAFF)
    source = '{% crumb "improvement:risk_list" label="Risks" %}'
    assert f'<a href="{reverse("improvement:risk_list")}">Risks</a>' in _render(source, manager)
    shown = _render(source, make_person(Role.STAFF))
    assert "Risks" in shown and "<a" not in shown
    assert "<a" in _render('{% url_if_open "documents:list" as url %}{% if url %}<a>{% endif %}', legal)
