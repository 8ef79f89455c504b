"""An anonymous student questionnaire in the browser, as during an EEC visit.

A student opens the campaign's public link on a phone without signing in, switches the page to
Russian, answers and sees the thank-you page; a second submit from the same browser (a form
still open in another tab) is refused, and so is a second visit to the link. The IQAS owner sees
the response count go up on the campaign page, with no trace of who answered, and closes the
campaign: the link then says the survey is closed. The answering page passes axe (no serious or
critical WCAG 2.1 AA violation) on the phone.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import Role
from surveys import services
from surveys.models import Question, Response, Survey
from tests.browser.conftest import AXE

pytestmark = pytest.mark.browser

AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                          resultTypes: ["violations"]});
  return result.violations.filter((v) => ["serious", "critical"].includes(v.impact))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}"""


@pytest.fixture
def campaign(make_person):
    services.survey_seed()
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username="qms", first_name="Dana", last_name="Tulegenova")
    today = timezone.localdate()
    return services.campaign_open(
        actor=qms,
        survey=Survey.objects.get(code="student"),
        title="Students of Eurasian Tech University",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=2),
        public_link=True,
    )


def _answer(page, campaign) -> None:
    """Fill in every question the way a student would: click the scale's buttons, tick boxes."""
    for question in Question.objects.filter(section__version=campaign.version):
        name = f"q{question.pk}"
        if question.kind in ("likert", "nps"):
            page.click(f"label[for=id_{name}_4]")
        elif question.kind == "single":
            page.check(f"#id_{name}_{question.options[-1]['value']}")
        elif question.kind == "multiple":
            page.check(f"#id_{name}_{question.options[0]['value']}")
            page.check(f"#id_{name}_{question.options[2]['value']}")
        else:
            page.fill(f"#id_{name}", "Больше практики в лабораториях.")


@pytest.fixture
def phone(browser):
    """A phone of one's own; axe is injected as a script, so the page's CSP is bypassed."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-US", is_mobile=True, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_student_answers_anonymously_once(browser, phone, live_server, sign_in, campaign, shot):
    link = f"{live_server.url}/s/{campaign.public_token}/"

    # The student, on a phone, not signed in, reads the page in Russian.
    phone.goto(link)
    phone.select_option("#lang-select", "ru")
    expect(phone.locator("html")).to_have_attribute("lang", "ru")
    expect(phone.locator("h1")).to_have_text("Анкета студентов во время визита ВЭК")
    expect(phone.get_by_text("В целом я доволен(льна) своим обучением.")).to_be_visible()
    phone.add_script_tag(path=str(AXE))
    assert phone.evaluate(AXE_RUN) == []

    # A second tab with the same form open, as if the student came back to it later.
    second_tab = phone.context.new_page()
    second_tab.goto(link)

    _answer(phone, campaign)
    shot(phone, "survey-answer-phone-ru")
    phone.click("form.survey-form button[type=submit]")
    phone.wait_for_url(f"{link}thanks/")
    expect(phone.locator("h1")).to_be_visible()
    expect(phone.get_by_role("status")).to_contain_text("Анкета студентов во время визита ВЭК")
    response = Response.objects.get(campaign=campaign)
    assert response.language == "ru"
    assert response.answers.count() == Question.objects.filter(section__version=campaign.version).count()
    assert response.invitation_id is None and response.respondent_id is None

    # The same browser submits again from the other tab: refused, nothing more saved.
    _answer(second_tab, campaign)
    with second_tab.expect_navigation() as navigation:
        second_tab.click("form.survey-form button[type=submit]")
    assert navigation.value.status == 410
    expect(second_tab.locator(".error-page")).to_be_visible()
    # And opening the link again shows the same refusal instead of the form.
    visit = phone.goto(link)
    assert visit.status == 410
    assert phone.locator("form.survey-form").count() == 0
    assert Response.objects.filter(campaign=campaign).count() == 1

    # The IQAS owner sees one response and nobody's identity, then closes the campaign.
    staff_context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    staff = staff_context.new_page()
    sign_in(staff, "qms")
    staff.goto(f"{live_server.url}/surveys/campaigns/{campaign.pk}/")
    expect(staff.locator("#response-count")).to_have_text("1")
    shot(staff, "survey-campaign-anonymous")
    expect(staff.get_by_text("only counts are shown")).to_be_visible()
    assert staff.locator("#h-invitations").count() == 0
    staff.goto(f"{live_server.url}/surveys/campaigns/")
    expect(staff.get_by_role("row", name=campaign.number)).to_contain_text("1")
    staff.goto(f"{live_server.url}/surveys/campaigns/{campaign.pk}/")
    staff.click("text=Close the campaign")
    expect(staff.locator(".alert-success, .alert")).to_contain_text("closed")
    staff_context.close()

    # A fresh browser (no cookie) with the link of the closed campaign: the closed message.
    fresh = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU", is_mobile=True)
    late = fresh.new_page()
    closed = late.goto(link)
    assert closed.status == 410
    expect(late.locator(".error-page")).to_be_visible()
    assert late.locator("form.survey-form").count() == 0
    fresh.close()
