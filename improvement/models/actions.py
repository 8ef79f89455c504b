"""Actions with an owner, a due date and evidence (§7.5.2–7.5.3, §4.6.3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .nonconformities import CorrectiveAction
from .risks import Risk


def actions_in_force() -> models.Q:
    """Actions that bind their owner now: every one but the decisions of a management review
    whose order is not signed yet (a decision carried over from a signed order stays in force)."""
    return (
        models.Q(decision__isnull=True)
        | models.Q(decision__review__order_signed_at__isnull=False)
        | models.Q(decision__carried_from__isnull=False)
    )


class Action(models.Model):
    """One action with an owner, a due date and evidence: a step of a corrective action or a
    preventive measure of a risk (the same model for both, §7.5.2–7.5.3). Overdue actions are
    reminded to the owner, then escalated to the IQAS owner."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("number"), max_length=20, unique=True)
    capa = models.ForeignKey(
        CorrectiveAction,
        verbose_name=_("corrective action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    risk = models.ForeignKey(
        Risk, verbose_name=_("risk"), null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    # A decision of a management review's order (§4.6.3), tracked like any other action.
    decision = models.OneToOneField(
        "ReviewDecision",
        verbose_name=_("review decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action",
    )
    description = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="actions"
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="actions/%Y/", blank=True, max_length=300)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    # The escalation ladder of an overdue action: the owner is reminded, then the IQAS owner told.
    reminded_on = models.DateField(_("owner reminded"), null=True, blank=True)
    escalated_on = models.DateField(_("escalated"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(capa__isnull=False, risk__isnull=True, decision__isnull=True)
                    | models.Q(capa__isnull=True, risk__isnull=False, decision__isnull=True)
                    | models.Q(capa__isnull=True, risk__isnull=True, decision__isnull=False)
                ),
                name="action_for_capa_risk_or_decision",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(evidence=""),
                name="action_done_with_evidence",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.description[:60]}"

    def get_absolute_url(self) -> str:
        if self.decision_id:
            return self.decision.get_absolute_url()
        parent = self.capa if self.capa_id else self.risk
        return f"{parent.get_absolute_url()}#action-{self.pk}"

    @property
    def parent(self):
        """The corrective action, risk or management review the action belongs to."""
        if self.decision_id:
            return self.decision.review
        return self.capa if self.capa_id else self.risk
