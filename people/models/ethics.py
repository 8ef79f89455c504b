"""The code of ethics (§5.2.1): which controlled document is the code, and each staff member's
and expert's acceptance of its effective version by signature. A new effective version asks
everyone to accept again."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord
from documents.models import Document, DocumentVersion


class EthicsCode(models.Model):
    """The controlled document that is the agency's code of ethics; one is in force."""

    document = models.OneToOneField(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="ethics_code"
    )
    in_force = models.BooleanField(_("in force"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("code of ethics")
        verbose_name_plural = _("codes of ethics")
        constraints = [
            models.UniqueConstraint(
                fields=["in_force"], condition=Q(in_force=True), name="one_ethics_code_in_force"
            )
        ]

    def __str__(self) -> str:
        return str(self.document)


class EthicsAcceptance(AppendOnlyRecord):
    """A person's signed acceptance of one version of the code of ethics."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        DocumentVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("name"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the accepted version"), max_length=64)
    accepted_at = models.DateTimeField(_("accepted"), auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at", "pk"]
        verbose_name = _("acceptance of the code of ethics")
        verbose_name_plural = _("acceptances of the code of ethics")
        constraints = [models.UniqueConstraint(fields=["person", "version"], name="ethics_accepted_once")]
        permissions = [("accept_ethics_code", _("Is bound by the code of ethics and accepts it"))]

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.version}"
