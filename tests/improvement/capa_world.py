"""People and a nonconformity under analysis, shared by the corrective-action tests."""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from improvement import services
from improvement.models import CorrectiveAction, Nonconformity
from improvement.services import actions, capa


@dataclass
class World:
    qms: object
    director: object
    auditor: object
    owner: object
    doer: object
    staff: object
    process: object
    criterion: object


def raise_nc(
    world: World, title: str = "Commission formed without a student expert", **fields
) -> Nonconformity:
    fields.setdefault("process", world.process)
    fields.setdefault("criterion", world.criterion)
    return services.nonconformity_raise(
        actor=fields.pop("actor", world.staff),
        title=title,
        description="The commission for EO-17 had no student member.",
        severity=Nonconformity.Severity.MAJOR,
        source=Nonconformity.Source.AUDIT,
        immediate_correction="A student expert was added before the visit.",
        source_reference="IA-2026-01 finding 3",
        **fields,
    )


def open_capa(world: World, nc: Nonconformity | None = None) -> CorrectiveAction:
    nc = nc or raise_nc(world)
    services.nonconformity_transition(nonconformity=nc, target="under_analysis", actor=world.qms)
    return capa.capa_open(nonconformity=nc, actor=world.qms)


def to_actions_step(world: World, corrective: CorrectiveAction) -> CorrectiveAction:
    o = world.owner
    corrective = capa.capa_step_save(
        capa=corrective, actor=o, analysis="Two of five commissions lacked a student."
    )
    corrective = capa.capa_advance(capa=corrective, actor=o)
    corrective = capa.capa_step_save(
        capa=corrective,
        actor=o,
        cause_method="five_whys",
        whys=["No student was proposed", "The student pool is empty", "Nobody recruits students"],
        root_cause="No one is responsible for recruiting student experts.",
    )
    corrective = capa.capa_advance(capa=corrective, actor=o)
    corrective = capa.capa_step_save(
        capa=corrective, actor=o, evaluation="Assign recruitment; check at formation."
    )
    return capa.capa_advance(capa=corrective, actor=o)


def done_action(world: World, corrective: CorrectiveAction, owner=None):
    action = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit ten student experts",
        owner=owner or world.doer,
        due_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    return actions.action_complete(
        action=action,
        actor=owner or world.doer,
        evidence="Ten students trained, list in the expert database.",
        evidence_file=SimpleUploadedFile("list.txt", b"Ten students"),
    )


def to_verification(world: World, corrective: CorrectiveAction | None = None) -> CorrectiveAction:
    corrective = to_actions_step(world, corrective or open_capa(world))
    done_action(world, corrective)
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    corrective = capa.capa_step_save(
        capa=corrective, actor=world.owner, results="Every commission since has a student."
    )
    return capa.capa_advance(capa=corrective, actor=world.owner)
