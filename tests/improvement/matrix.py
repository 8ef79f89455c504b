"""The permission matrix's rows for the improvement views that act on one object (see
tests/test_permission_matrix.py): the object each view is opened on; who may is the view's own
declaration (opens=, moves=).

Every object belongs to a third person: the nonconformity was raised by someone else, the
corrective action and its actions are owned by someone else. So only rights over every object
count: seeing every nonconformity (IQAS owner, director) or verifying effectiveness (auditors)
lets one read a corrective action; working on it takes change_correctiveaction (IQAS owner).
"""

import datetime

from django.utils import timezone

POST_ONLY: set[str] = {
    "improvement:capa_save",
    "improvement:capa_back",
    "improvement:capa_verify",
    "improvement:capa_action_add",
    "improvement:action_cancel",
    "improvement:risk_action_add",
    "reporting:kpi_targets",
}

# The step the corrective action is on for each view, so an allowed person's move succeeds.
CAPA_STEP = {
    "improvement:capa_detail": "analysis",
    "improvement:capa_save": "analysis",
    "improvement:capa_back": "root_cause",
    "improvement:capa_verify": "verification",
    "improvement:capa_action_add": "actions",
    "improvement:action_complete": "actions",
    "improvement:action_cancel": "actions",
    "improvement:action_file": "results",
}


def _third_person(username: str):
    from django.contrib.auth import get_user_model

    from core.roles import Role
    from core.services import user_set_roles
    from tests.factories import UserFactory

    found = get_user_model().objects.filter(username=username).first()
    if found:
        return found
    person = UserFactory(username=username)
    user_set_roles(user=person, roles=[Role.STAFF])
    return person


def _capa(step: str):
    from improvement.models import CorrectiveAction, Nonconformity
    from tests.factories import NonconformityFactory

    owner = _third_person("matrix_capa_owner")
    nc = NonconformityFactory(
        raised_by=_third_person("matrix_capa_raiser"), status=Nonconformity.Status.CORRECTIVE_ACTION
    )
    return CorrectiveAction.objects.create(
        number=f"CA-M-{nc.pk}",
        nonconformity=nc,
        owner=owner,
        step=step,
        analysis="Seen",
        root_cause="Why",
        whys=["One", "Two"],
    )


def _action(capa, *, done: bool = False):
    from django.core.files.base import ContentFile

    from improvement.models import Action

    action = Action(
        number=f"ACT-M-{capa.pk}",
        capa=capa,
        description="Fix the form",
        owner=_third_person("matrix_action_owner"),
        due_on=timezone.localdate() + datetime.timedelta(days=5),
        created_by=capa.owner,
    )
    if done:
        action.status = Action.Status.DONE
        action.evidence = "Form fixed"
        action.evidence_file.save("evidence.txt", ContentFile(b"evidence"), save=False)
    action.save()
    return action


# The purchasing views (manage_purchasing, the IQAS owner alone) open a third person's supplier
# or contract; the URL rule is the whole rule.
PURCHASING_VIEWS = {
    "improvement:supplier_detail": "supplier",
    "improvement:supplier_edit": "supplier",
    "improvement:contract_create": "supplier",
    "improvement:inspection_create": "contract",
}


def _purchase(kind: str):
    from improvement.models import PurchaseContract, Supplier

    owner = _third_person("matrix_buyer")
    supplier = Supplier.objects.create(
        name=f"Matrix supplier {Supplier.objects.count() + 1}", supplies="Printing", created_by=owner
    )
    if kind == "supplier":
        return supplier
    return PurchaseContract.objects.create(
        number=f"PC-M-{supplier.pk}",
        supplier=supplier,
        subject="Certificate blanks",
        signed_on=timezone.localdate() - datetime.timedelta(days=30),
        created_by=owner,
    )


def kwargs(name: str, person) -> dict | None:
    if name == "improvement:capa_open":
        from improvement.models import Nonconformity
        from tests.factories import NonconformityFactory

        nc = NonconformityFactory(
            raised_by=_third_person("matrix_capa_raiser"), status=Nonconformity.Status.UNDER_ANALYSIS
        )
        return {"pk": nc.pk}
    if name in CAPA_STEP:
        capa = _capa(CAPA_STEP[name])
        if name.startswith("improvement:action_"):
            return {"pk": _action(capa, done=name == "improvement:action_file").pk}
        return {"pk": capa.pk}
    if name == "improvement:risk_action_add":
        from core.models import Process
        from improvement.models import Risk

        owner = _third_person("matrix_risk_owner")
        risk = Risk.objects.create(
            number="RK-MA",
            title="A third person's risk",
            process=Process.objects.filter(owner__isnull=True).first(),
            owner=owner,
            likelihood=3,
            impact=4,
            review_on=timezone.localdate(),
            created_by=owner,
        )
        return {"pk": risk.pk}
    if name in PURCHASING_VIEWS:
        return {"pk": _purchase(PURCHASING_VIEWS[name]).pk}
    return None


def post_data(name: str) -> dict | None:
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    if name == "reporting:kpi_targets":
        return {"year": timezone.localdate().year, "kpi1": "10"}
    if name == "improvement:capa_save":
        return {"analysis": "The annex was not checked at registration.", "save": "1"}
    if name == "improvement:capa_back":
        return {"comment": "The analysis missed the second office."}
    if name == "improvement:capa_verify":
        return {"effective": "yes", "note": "No repeat in the follow-up audit."}
    if name in ("improvement:capa_action_add", "improvement:risk_action_add"):
        return {
            "description": "Add the annex to the checklist",
            "owner": _third_person("matrix_doer").pk,
            "due_on": due,
        }
    if name == "improvement:action_cancel":
        return {"reason": "Not needed any more."}
    return None
