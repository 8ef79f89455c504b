from django import forms, template
from django.contrib.auth.models import AnonymousUser
from django.utils.formats import number_format

from core.access import url_for_reader
from core.permissions import user_roles
from core.roles import role_label, roles_label, signer_label

register = template.Library()

STATUS_COLOURS = {
    "treated": "success",
    "report_drafted": "primary",
    "report_approved": "success",
    "in_revision": "info",
    "done": "success",
    "corrective_action": "primary",
    "draft": "secondary",
    "planned": "secondary",
    "application": "secondary",
    "open": "warning",
    "in_review": "info",
    "in_progress": "info",
    "under_analysis": "info",
    "awaiting_approval": "primary",
    "effective": "success",
    "closed": "dark",
    "withdrawn": "dark",
    "archived": "dark",
    "valid": "success",
    "post_monitoring": "success",
    "published": "success",
    "decided": "primary",
    "council": "primary",
    "conforming": "success",
    "accepted": "success",
    "returned": "warning",
    "pending": "warning",
    "rejected": "danger",
    "suspended": "warning",
    "revoked": "danger",
    "expired": "secondary",
    "replaced": "dark",
    "cancelled": "dark",
    "filed": "warning",
    "under_review": "info",
    "no_decision": "warning",
}


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced: keeps filters across pages."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


def _reader(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user") or AnonymousUser()


@register.simple_tag(takes_context=True)
def url_if_open(context, target, *args, **kwargs) -> str:
    """``{% url_if_open 'app:name' pk as url %}`` (or an object, or a stored path): the URL, or ""
    when the reader may not open it, so the page shows the link only ``{% if url %}``."""
    return url_for_reader(_reader(context), target, *args, **kwargs)


@register.inclusion_tag("partials/_crumb.html", takes_context=True)
def crumb(context, target, *args, label="", **kwargs) -> dict:
    """A breadcrumb: a link where the reader may open its page, plain text where not."""
    return {"url": url_for_reader(_reader(context), target, *args, **kwargs), "label": label}


@register.inclusion_tag("partials/_workflow_buttons.html", takes_context=True)
def workflow_buttons(context, obj, field: str = "", only: str = "", skip: str = "") -> dict:
    """``{% workflow_buttons obj %}``: a button (a bare POST) or a link (a page with a form) for
    each move the record's table allows its reader now; ``only`` / ``skip`` take target states
    separated by spaces, for a page that shows some moves elsewhere."""
    from core.workflow import workflow_for

    buttons = workflow_for(obj, field).buttons(obj, _reader(context))
    if only:
        buttons = [b for b in buttons if b["target"] in only.split()]
    if skip:
        buttons = [b for b in buttons if b["target"] not in skip.split()]
    return {"buttons": buttons, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def may_move(context, obj, target: str, field: str = "") -> bool:
    """``{% may_move obj "closed" as can_close %}``: whether the table lets the reader make
    this move on this record now."""
    from core.workflow import workflow_for

    return workflow_for(obj, field).may(_reader(context), obj, target)


@register.inclusion_tag("partials/_status.html")
def status_badge(obj, field: str = "status") -> dict:
    value = getattr(obj, field)
    return {
        "label": getattr(obj, f"get_{field}_display")(),
        "colour": STATUS_COLOURS.get(value, "secondary"),
    }


@register.filter
def bs(bound_field):
    """Render a form field with the Bootstrap class its widget needs, marked invalid on error."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    if bound_field.errors:
        css += " is-invalid"
    attrs = {**widget.attrs, "class": f"{widget.attrs.get('class', '')} {css}".strip()}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_choice_list(bound_field) -> bool:
    return isinstance(bound_field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


STATUS_COLOURS.update(
    {
        "approved": "primary",
        "superseded": "secondary",
        "agreed": "success",
        "returned": "warning",
        "pending": "light",
    }
)
STATUS_COLOURS.update(
    {"conforming": "success", "rejected": "danger", "self_assessment": "info", "contract": "primary"}
)


@register.filter
def money(value, currency: str = "") -> str:
    """``{{ contract.cost|money:contract.currency }}``: 2 500 000,00 KZT in Russian,
    2,500,000.00 KZT in English: grouped and with the decimal sign of the reader's locale."""
    if value in (None, ""):
        return "—"
    text = number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{text}\u00a0{currency}" if currency else text


@register.filter
def signer(stored: str) -> str:
    """``{{ certificate.signer_name|signer }}``: a stored signer, roles in the reader's language."""
    return signer_label(stored)


@register.filter
def roles(person_or_stored) -> str:
    """``{{ user|roles }}``: the roles a person holds, in the reader's language; on a stored
    list of roles (``{{ signature.signer_role|roles }}``) the same, other words as written."""
    if isinstance(person_or_stored, str):
        return roles_label(person_or_stored)
    if person_or_stored is None:
        return ""
    return ", ".join(role_label(code) for code in user_roles(person_or_stored))
