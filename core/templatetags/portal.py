from django import template

register = template.Library()

STATUS_COLOURS = {
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
}


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced: keeps filters across pages."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.inclusion_tag("partials/_status.html")
def status_badge(obj, field: str = "status") -> dict:
    value = getattr(obj, field)
    return {
        "label": getattr(obj, f"get_{field}_display")(),
        "colour": STATUS_COLOURS.get(value, "secondary"),
    }
