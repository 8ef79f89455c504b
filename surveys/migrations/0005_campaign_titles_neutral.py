"""A campaign title the portal gave keeps its English words with the organization's name, and
is shown in the reader's language (``Campaign.localized_title``)."""

from django.db import migrations

TEMPLATES = (
    "Satisfaction after accreditation: %(name)s",
    "Expert feedback on the visit: %(name)s",
    "Evaluation of the EEC: %(name)s",
    "Students during the EEC visit: %(name)s",
    "Teaching staff during the EEC visit: %(name)s",
)


def forwards(apps, schema_editor):
    from core.stored_text import title_ids

    patterns = title_ids(TEMPLATES)
    for campaign in apps.get_model("surveys", "Campaign").objects.iterator():
        for pattern, template in patterns:
            if match := pattern.fullmatch(campaign.title):
                title = (template % {"name": match["name"]})[:300]
                if title != campaign.title:
                    campaign.title = title
                    campaign.save(update_fields=["title"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_satisfaction_targets"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
