"""``{% followup_of project as followup %}``: the follow-up summary of the EEC's recommendations
a council page shows beside a monitoring item (§6.5.5)."""

from django import template

from ..selectors.followup import followup_summary

register = template.Library()


@register.simple_tag
def followup_of(project) -> dict:
    return followup_summary(project)
