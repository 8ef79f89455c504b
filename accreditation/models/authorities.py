"""The education authorities IAAR reports to (§4.2, §4.5.2): one register, chosen by the
organization's country, instead of one fixed address."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class EducationAuthority(models.Model):
    """A ministry or agency that receives IAAR's decisions and its yearly report for one country."""

    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. KZ, KG"))
    name = models.CharField(_("official name"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"))
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    receives_decisions = models.BooleanField(
        _("receives the decisions"),
        default=True,
        help_text=_("Notified of every published decision on an organization of its country."),
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("education authority")
        verbose_name_plural = _("education authorities")
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(active=True, receives_decisions=True),
                name="one_decision_authority_per_country",
            )
        ]

    def __str__(self) -> str:
        return self.shown_name()

    def shown_name(self, language: str | None = None) -> str:
        """The name in the reader's (or the given) language where known, the official name otherwise."""
        language = (language or translation.get_language() or "").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name
