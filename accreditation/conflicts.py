"""Conflict-of-interest warnings for seating an expert on a commission (§5.2).

Computed for many experts at once, in two queries, so the commission page can list every
candidate's warnings without a query per expert.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AccreditationProject, CommissionMember, Expert
from .seating import warnings_by_expert


def conflicts_by_expert(experts: Iterable[Expert], project: AccreditationProject) -> dict[int, list[str]]:
    """The warnings a commission former must weigh before seating each expert."""
    experts = list(experts)
    organization = project.organization
    ids = [e.pk for e in experts]
    affiliated = set(
        Expert.affiliations.through.objects.filter(expert_id__in=ids, organization=organization).values_list(
            "expert_id", flat=True
        )
    )
    years = settings.IAAR_CONFLICT_LOOKBACK_YEARS
    since = timezone.now() - datetime.timedelta(days=365 * years)
    engaged = set(
        CommissionMember.objects.filter(
            expert_id__in=ids,
            is_active=True,
            project__organization=organization,
            project__created_at__gte=since,
        )
        .exclude(project=project)
        .values_list("expert_id", flat=True)
    )
    names = [n.casefold() for n in (organization.name, organization.name_ru, organization.acronym) if n]
    result = {}
    # What other apps say (the people app: a training expired).
    others = warnings_by_expert(experts)
    for expert in experts:
        warnings = []
        if expert.pk in affiliated:
            warnings.append(_("Declared an affiliation with %(org)s.") % {"org": organization.name})
        employer = expert.employer.casefold()
        if employer and any(n in employer or employer in n for n in names):
            warnings.append(
                _("Works or studies at the organization (%(employer)s).") % {"employer": expert.employer}
            )
        if expert.city and organization.city and expert.city.casefold() == organization.city.casefold():
            warnings.append(_("Lives in the same city (%(city)s).") % {"city": expert.city})
        if expert.pk in engaged:
            warnings.append(
                _("Assessed this organization within the last %(years)s years.") % {"years": years}
            )
        if not expert.ethics_accepted_on:
            warnings.append(_("Has not accepted the code of ethics."))
        if not expert.is_active:
            warnings.append(_("Is not active in the expert pool."))
        warnings.extend(others.get(expert.pk, ()))
        result[expert.pk] = warnings
    return result


def conflicts_for(expert: Expert, project: AccreditationProject) -> list[str]:
    return conflicts_by_expert([expert], project)[expert.pk]
