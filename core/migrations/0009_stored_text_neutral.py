"""Timelines and notifications that kept a label in someone's language keep its message id.

Choice labels and roles stored as values (``"role": "Руководитель"``) become their English
message ids, shown in each reader's language; a council decision stored as words becomes its
message with the years as a count; a decision sent as a notification's text becomes a message.
"""

from django.db import migrations

# The values of a stored message that held a choice label or a role.
LABEL_KEYS = ("role", "kind", "result", "task", "stage", "status", "decision")
DECISION = "Council decision: %(decision)s"
DECISION_YEARS = ("Council decision: accredit for %(n)s year", "Council decision: accredit for %(n)s years")
DECISION_NOTICE = "Accreditation Council decision on %(organization)s"


def _neutral(params: dict) -> dict:
    from core.stored_text import label_ids

    ids = label_ids()
    return {k: ids.get(v, v) if k in LABEL_KEYS and isinstance(v, str) else v for k, v in params.items()}


def _decision(text: str) -> tuple[str, dict] | None:
    """Decision words as (message id, values) for a council decision with its years."""
    from core.stored_text import ACCREDIT_FOR, decision_years

    years = decision_years().get(text)
    return (ACCREDIT_FOR[0], {"n": str(years), "plural": ACCREDIT_FOR[1]}) if years else None


def forwards(apps, schema_editor):
    from core.stored_text import label_ids

    WorkflowEvent = apps.get_model("core", "WorkflowEvent")
    Notification = apps.get_model("core", "Notification")
    for event in WorkflowEvent.objects.exclude(params={}).iterator():
        params = _neutral(event.params)
        action = event.action
        if action == DECISION and (found := _decision(event.params.get("decision", ""))):
            action, params = DECISION_YEARS[0], {"n": found[1]["n"], "plural": DECISION_YEARS[1]}
        if (action, params) != (event.action, event.params):
            WorkflowEvent.objects.filter(pk=event.pk).update(action=action, params=params)
    ids = label_ids()
    for note in Notification.objects.iterator():
        params, body_params = _neutral(note.params), _neutral(note.body_params)
        body, is_message = note.body, note.body_is_message
        if note.subject == DECISION_NOTICE and not is_message and note.body:
            if found := _decision(note.body):
                body, body_params, is_message = found[0], found[1], True
            elif note.body in ids:
                body, is_message = ids[note.body], True
        changed = (params, body_params, body, is_message) != (
            note.params,
            note.body_params,
            note.body,
            note.body_is_message,
        )
        if changed:
            Notification.objects.filter(pk=note.pk).update(
                params=params, body_params=body_params, body=body, body_is_message=is_message
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_workflowevent_action_longer"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
