from django.db.models import QuerySet

from .models import Survey


def surveys_visible_to(user) -> QuerySet[Survey]:
    return Survey.objects.all()
