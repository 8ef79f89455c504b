"""The forms of the purchasing register (§6.4): a supplier and its evaluation, a contract, an
incoming inspection. They parse; the services in ``purchasing.py`` hold the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import date_field, text_field
from .models import IncomingInspection, Supplier


def _date(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return date_field(label, required=required, help_text=help_text)


def _text(label, *, rows: int = 3, required: bool = False, help_text: str = "") -> forms.CharField:
    return text_field(label, rows=rows, required=required, help_text=help_text)


class SupplierForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    supplies = forms.CharField(
        label=_("What it supplies"), max_length=300, help_text=_("The goods or services the agency buys.")
    )
    contact = forms.CharField(label=_("Contact"), max_length=300, required=False)
    requirements = _text(
        _("Requirements the supplier must meet"),
        help_text=_("Quality, deadlines, confidentiality, licences."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Supplier.Status.choices, initial=Supplier.Status.APPROVED
    )
    evaluated_on = _date(_("Last evaluated"), required=False)
    evaluation = _text(
        _("Evaluation"),
        rows=4,
        help_text=_(
            "The conclusions of the evaluation; required when the supplier is approved only "
            "with conditions or excluded."
        ),
    )


class ContractForm(forms.Form):
    number = forms.CharField(label=_("Contract number"), max_length=60)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    signed_on = _date(_("Signed"))
    valid_until = _date(_("Valid until"), required=False, help_text=_("Left empty: no end date."))


class InspectionForm(forms.Form):
    received_on = _date(_("Received"))
    item = forms.CharField(label=_("What was received"), max_length=300)
    result = forms.ChoiceField(
        label=_("Result"), choices=IncomingInspection.Result.choices, widget=forms.RadioSelect
    )
    notes = _text(
        _("Notes"),
        rows=4,
        help_text=_("Required when the delivery does not conform: a nonconformity is raised with it."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
