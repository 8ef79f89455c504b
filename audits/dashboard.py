from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .selectors import audits_waiting_for


def audit_tasks(user):
    """Working groups to appoint and audits to close (IQAS owner), orders to sign and reports to
    accept (Director General), audits to start, conduct and report on (the working group)."""
    details = {
        "appoint": _("Appoint the working group"),
        "close": _("Close the audit once its corrective actions are under way"),
        "order": _("Sign the order appointing the working group"),
        "approve": _("Accept or return the audit report"),
        "start": _("Start the audit: the order is signed"),
        "conduct": _("Answer the checklist and record findings"),
        "report": _("Write and sign the audit report"),
    }
    for audit, what in audits_waiting_for(user):
        yield TaskItem(
            f"{audit.number} {audit.title}",
            audit.get_absolute_url(),
            _("Internal audits"),
            due=audit.ends_on
            if what in ("conduct", "report")
            else audit.starts_on
            if what == "appoint"
            else None,
            detail=details[what],
        )
