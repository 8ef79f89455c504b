from django import template

from ..selectors import visit_surveys

register = template.Library()


@register.inclusion_tag("surveys/_visit_surveys_card.html", takes_context=True)
def visit_surveys_card(context, project) -> dict:
    """The project page's "Visit surveys" card (nothing for those who may not see it)."""
    return {"card": visit_surveys(context["request"].user, project), "request": context["request"]}
