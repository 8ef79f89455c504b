"""The portal's main menu. Each entry names the access rule of the page it opens, so a
person sees only the entries their roles allow (the same rule the view enforces)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .access import SIGNED_IN, rule_allows


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    icon: str
    rule: str


MENU: list[NavItem] = [
    NavItem(_("My tasks"), "core:dashboard", "speedometer2", SIGNED_IN),
    NavItem(_("Documents"), "documents:list", "file-earmark-text", "documents.view_document"),
    NavItem(_("Records"), "documents:records", "archive", "documents.view_record"),
    NavItem(
        _("External documents"),
        "documents:external_list",
        "journal-bookmark",
        "documents.view_externaldocument",
    ),
    NavItem(_("Records archive"), "documents:archive_due", "box-seam", "documents.view_destructionact"),
    NavItem(
        _("Familiarization"), "documents:familiarization", "eyeglasses", "documents.manage_familiarization"
    ),
    NavItem(_("Overdue reviews"), "documents:overdue_reviews", "calendar-x", "documents.view_all_documents"),
    NavItem(_("My accreditations"), "accreditation:workspace", "kanban", "accreditation.coordinate_project"),
    NavItem(
        _("Accreditations"),
        "accreditation:project_list",
        "award",
        "accreditation.view_accreditationproject",
    ),
    NavItem(
        _("Organizations"), "accreditation:organization_list", "building", "accreditation.view_organization"
    ),
    NavItem(_("Experts"), "accreditation:expert_list", "person-vcard", "accreditation.view_expert"),
    NavItem(
        _("Standards and criteria"),
        "accreditation:standards_list",
        "list-check",
        "accreditation.view_standardset",
    ),
    NavItem(_("Council"), "accreditation:meeting_list", "bank", "accreditation.view_councilmeeting"),
    NavItem(_("Appeals"), "accreditation:appeal_list", "megaphone", "accreditation.hear_appeal"),
    NavItem(_("Internal audits"), "audits:list", "clipboard-check", "audits.view_audit"),
    NavItem(
        _("Nonconformities"), "improvement:list", "exclamation-triangle", "improvement.view_nonconformity"
    ),
    NavItem(_("Corrective actions"), "improvement:capa_list", "tools", "improvement.view_nonconformity"),
    NavItem(_("My actions"), "improvement:action_list", "check2-square", SIGNED_IN),
    NavItem(_("Risks"), "improvement:risk_list", "grid-3x3", "improvement.view_risk"),
    NavItem(_("Suppliers"), "improvement:supplier_list", "truck", "improvement.manage_purchasing"),
    NavItem(_("Quality board"), "reporting:board", "bar-chart-line", "improvement.view_kpi_report"),
    NavItem(_("KPIs"), "reporting:kpi_report", "graph-up", "improvement.view_kpi_report"),
    NavItem(
        _("Management review"),
        "reporting:review_list",
        "clipboard2-check",
        "improvement.view_managementreview",
    ),
    NavItem(
        _("Yearly reports"), "reporting:outward_list", "envelope-paper", "improvement.view_outwardreport"
    ),
    NavItem(_("Surveys"), "surveys:list", "ui-checks", "surveys.view_survey"),
    NavItem(_("Survey campaigns"), "surveys:campaign_list", "send", "surveys.view_survey"),
    NavItem(_("Survey results"), "surveys:results", "bar-chart", "surveys.analyze_survey"),
    NavItem(_("Strategy"), "governance:strategy_list", "compass", "governance.view_strategy"),
    NavItem(_("Collegial bodies"), "governance:body_list", "people-fill", "governance.view_body"),
    NavItem(
        _("Standards development"),
        "governance:stddev_plan_list",
        "pencil-square",
        "governance.view_developmentplan",
    ),
    NavItem(_("Work plans"), "governance:workplan_list", "calendar-check", "governance.view_workplan"),
    NavItem(_("Weekly meetings"), "governance:weekly_list", "calendar-week", "governance.view_weeklymeeting"),
    NavItem(_("External review"), "governance:xr_list", "patch-check", "governance.view_agencyreview"),
    NavItem(_("Staff"), "people:staff_list", "person-badge", "people.view_staff"),
    NavItem(_("Training"), "people:plan_list", "mortarboard", "people.view_training"),
    NavItem(_("Code of ethics"), "people:ethics", "shield-check", "people.accept_ethics_code"),
    NavItem(_("Roles"), "core:roles", "people", "core.view_role_register"),
    NavItem(_("Orders"), "governance:order_list", "file-earmark-ruled", "governance.view_directororder"),
    NavItem(
        _("Responsibility matrix"),
        "governance:responsibility_matrix",
        "grid-3x3-gap",
        "governance.view_responsibility_matrix",
    ),
]


def menu_for(user, current_path: str) -> list[dict]:
    items = [
        {"label": item.label, "url": reverse(item.url_name), "icon": item.icon, "active": False}
        for item in MENU
        if rule_allows(user, item.rule)
    ]
    # The entry whose address is the longest prefix of the current page is the active one.
    matches = [i for i in items if current_path.startswith(i["url"])]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["active"] = True
    return items
