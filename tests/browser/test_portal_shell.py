import re

import pytest
from playwright.sync_api import expect

from core.roles import Role
from improvement.models import Nonconformity

pytestmark = pytest.mark.browser


def test_staff_member_signs_in_sees_the_dashboard_and_reports_a_problem(
    page, live_server, sign_in, make_person, qms_owner, shot
):
    make_person(Role.STAFF, username="asel", first_name="Asel")
    sign_in(page, "asel")
    expect(page.get_by_role("heading", name="Good day, Asel")).to_be_visible()
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name=re.compile(r"^\W*Documents$"))).to_be_visible()
    expect(menu.get_by_role("link", name="Roles")).to_have_count(0)
    shot(page, "dashboard-staff-desktop")

    page.get_by_role("link", name="Report a nonconformity").click()
    page.get_by_role("button", name="Record it").click()  # empty form
    expect(page.get_by_text("Please correct the fields marked below.")).to_be_visible()
    page.get_by_label("Title").fill("Annex missing from a report")
    page.get_by_label("What happened").fill("The teaching staff annex was not attached.")
    page.get_by_label("Severity").select_option("minor")
    page.get_by_role("button", name="Record it").click()
    expect(page.get_by_text("is recorded.")).to_be_visible()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    assert Nonconformity.objects.get().title == "Annex missing from a report"


def test_iqas_owner_marks_a_notification_read_without_reloading(page, live_server, sign_in, qms_owner):
    from core.models import Notification

    Notification.objects.create(recipient=qms_owner, subject="New nonconformity NC-1")
    sign_in(page, "qms_owner")
    row = page.locator(".notification", has_text="New nonconformity NC-1")
    expect(row).to_have_class("list-group-item notification unread")
    row.get_by_role("button", name="Mark as read").click()
    expect(row).to_have_class("list-group-item notification")
    assert Notification.objects.get().read_at is not None


def test_on_a_phone_the_menu_opens_from_the_burger(phone, live_server, sign_in, director, shot):
    sign_in(phone, "dg")
    menu = phone.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Roles")).to_be_hidden()
    phone.get_by_role("button", name="Menu").click()
    expect(menu.get_by_role("link", name="Roles")).to_be_visible()
    shot(phone, "dashboard-director-phone-menu")
    menu.get_by_role("link", name="Roles").click()
    expect(phone.get_by_role("heading", name="Roles and responsibilities")).to_be_visible()


def test_the_language_switcher_turns_the_portal_russian(page, live_server, sign_in, make_person):
    make_person(Role.STAFF, username="asel")
    sign_in(page, "asel")
    page.get_by_label("Language").select_option("ru")
    expect(
        page.get_by_role("navigation", name="Главное меню").get_by_role("link", name="Мои задачи")
    ).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(page, live_server, make_person, password):
    make_person(Role.STAFF, username="asel")
    page.goto(f"{live_server.url}/improvement/nonconformities/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.fill("#id_username", "asel")
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Nonconformities")).to_be_visible()
