"""The responsibility matrix (§4.5.1), generated, never kept by hand: for every workflow table
of the portal (documents, accreditation, improvement, audits, surveys, governance), each move and
which role makes it — read from the moves' rules and the role table (core.roles) at the moment it
is asked, so a change of either changes the matrix. The process owners come from the processes."""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.roles import ROLE_PERMISSIONS, Role
from core.workflow import WORKFLOWS, AnyRule, Rule

from .orders import process_owners

# The order of the parts of the manual the apps keep.
APPS = ("documents", "accreditation", "improvement", "audits", "surveys", "governance")

# What a move's relation means, in the reader's words (a relation added later shows its name).
RELATIONS = {
    "runs-project": _("runs the project (its coordinator or a project manager)"),
    "forms-commission": _("runs the project while the commission is formed"),
    "represents-organization": _("represents the organization"),
    "sits-on-commission": _("sits on the project's expert commission"),
    "attends-meeting": _("is present at the meeting"),
    "owes-declaration": _("has not yet signed the no-conflict declaration"),
    "chairs-commission": _("chairs the project's commission"),
    "edits the document": _("edits the document (its owner or drafting staff)"),
    "owns the document": _("owns the document"),
    "decides the step": _("is the reviewer the step names"),
    "edits the version": _("edits the version"),
    "reviews the version": _("reviews the version"),
    "sits on the audit": _("sits on the audit's working group"),
    "leads the audit": _("leads the audit"),
    "starts the audit": _("plans the audit or sits on its working group"),
    "works the corrective action": _("owns the corrective action"),
    "changes the risk": _("manages the risks, or owns the risk or its process"),
    "owns the action": _("owns the action"),
    "cancels the action": _("may add actions to its corrective action, risk or review"),
    "carries the decision over": _("closes the management review"),
    "runs-campaign": _("runs the survey campaign"),
    "runs the project's campaigns": _("runs the project's survey campaigns"),
    "owns the plan item": _("owns the plan item"),
}

# A move whose permission is one of these verbs is an approval or a signature (A), not work (R).
APPROVING = ("approve_", "sign_", "verify_")

PERFORMS, APPROVES = "R", "A"


def relation_label(name: str) -> str:
    return str(RELATIONS.get(name, name.replace("-", " ")))


def roles_holding(permission: str) -> list[str]:
    """The roles whose permissions in the role table include this one (read now, not cached)."""
    return [role.value for role in Role if permission in ROLE_PERMISSIONS.get(role, set())]


@dataclass
class MoveRow:
    move: str
    source: str
    target: str
    cells: dict[str, str] = field(default_factory=dict)
    conditions: list[str] = field(default_factory=list)

    @property
    def marks(self) -> list[str]:
        """The cells in the order of the role table's columns."""
        return [self.cells.get(role.value, "") for role in Role]


@dataclass
class Table:
    app: str
    title: str
    rows: list[MoveRow]


def _alternatives(rule) -> tuple[Rule, ...]:
    return rule.alternatives if isinstance(rule, Rule | AnyRule) else ()


def _row(transition, choices: dict) -> MoveRow:
    row = MoveRow(
        move=str(transition.label),
        source=str(choices.get(transition.source, transition.source)),
        target=str(choices.get(transition.target, transition.target)),
    )
    for alt in _alternatives(transition.rule):
        condition = relation_label(alt.relation) if alt.relation else ""
        if alt.permission:
            codename = alt.permission.split(".", 1)[1]
            mark = APPROVES if codename.startswith(APPROVING) else PERFORMS
            for code in roles_holding(alt.permission):
                current = row.cells.get(code, "")
                if condition and (not current or current.endswith("*")):
                    row.cells[code] = f"{mark}*"
                elif not condition:
                    row.cells[code] = mark
        if condition:
            text = condition if alt.permission else _("anyone who %(who)s") % {"who": condition}
            if str(text) not in row.conditions:
                row.conditions.append(str(text))
    return row


def responsibility_tables() -> list[Table]:
    """One table per workflow, its rows the moves people make (the portal's own are left out)."""
    tables = []
    workflows = sorted(
        WORKFLOWS.values(),
        key=lambda w: (
            APPS.index(w.model._meta.app_label) if w.model._meta.app_label in APPS else len(APPS),
            w.model._meta.label,
            w.field,
        ),
    )
    for workflow in workflows:
        meta = workflow.model._meta
        status = meta.get_field(workflow.field)
        choices = dict(status.flatchoices)
        rows = [_row(t, choices) for t in workflow if not t.by_system]
        if not rows:
            continue
        name = str(meta.verbose_name)
        title = name[:1].upper() + name[1:]
        if status.name != "status":
            title = f"{title} · {status.verbose_name}"
        tables.append(
            Table(app=str(apps.get_app_config(meta.app_label).verbose_name), title=title, rows=rows)
        )
    return tables


def responsibility_matrix() -> dict:
    roles = [{"code": role.value, "label": role.label, "number": n} for n, role in enumerate(Role, start=1)]
    return {
        "roles": roles,
        "role_codes": [r["code"] for r in roles],
        "tables": responsibility_tables(),
        "owners": process_owners(),
    }
