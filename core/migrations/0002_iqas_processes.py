"""The IQAS processes of the manual, §3.1."""

from django.db import migrations


def gettext_noop(text: str) -> str:
    """Marks a name for the translation catalogues; it is stored in English and shown in the
    reader's language (Process.localized_name)."""
    return text


PROCESSES = [
    ("documents", "internal-documents", gettext_noop("Management of internal documents")),
    ("documents", "external-documents", gettext_noop("Management of external documents")),
    ("documents", "organizational-documents", gettext_noop("Management of organizational documents")),
    ("documents", "service-documents", gettext_noop("Management of service documents")),
    ("documents", "archiving", gettext_noop("Management of archiving")),
    ("documents", "records", gettext_noop("Management of records")),
    ("management", "iqas-analysis", gettext_noop("Analysis of the IQAS")),
    ("management", "improvement-planning", gettext_noop("Planning of improvement")),
    ("management", "improvement-control", gettext_noop("Control of improvement plans")),
    ("resources", "infrastructure", gettext_noop("Improvement of the material and technical base")),
    ("resources", "finance", gettext_noop("Improvement of financial management")),
    ("resources", "staff-qualification", gettext_noop("Staff qualification")),
    ("resources", "expert-qualification", gettext_noop("Expert qualification")),
    ("resources", "expert-recruitment", gettext_noop("Recruitment of competent experts")),
    (
        "main_cycle",
        "standards-development",
        gettext_noop("Development and revision of standards and guidelines"),
    ),
    ("main_cycle", "accreditation-planning", gettext_noop("Planning of accreditation")),
    ("main_cycle", "contracting", gettext_noop("Contracts with education organizations")),
    ("main_cycle", "training-seminars", gettext_noop("Training seminars for education organizations")),
    ("main_cycle", "self-assessment-review", gettext_noop("Review of self-assessment reports")),
    ("main_cycle", "eec-formation", gettext_noop("Formation of external expert commissions")),
    ("main_cycle", "eec-work", gettext_noop("Organization of the work of expert commissions")),
    ("main_cycle", "council-meetings", gettext_noop("Meetings of the Accreditation Council")),
    ("main_cycle", "appeals", gettext_noop("Appeals and complaints")),
    ("main_cycle", "post-monitoring", gettext_noop("Post-accreditation monitoring")),
    ("main_cycle", "collegial-bodies", gettext_noop("Meetings of collegial bodies")),
    ("main_cycle", "rating", gettext_noop("Rating research of organizations and programmes")),
    ("main_cycle", "journal", gettext_noop("Publication of the journal Education. Quality Assurance")),
    ("main_cycle", "internal-audit", gettext_noop("Internal audit")),
    (
        "main_cycle",
        "nonconforming-services",
        gettext_noop("Management of nonconforming products and services"),
    ),
    ("main_cycle", "corrective-actions-risks", gettext_noop("Corrective actions and risk management")),
]


def add_processes(apps, schema_editor):
    Process = apps.get_model("core", "Process")
    for group, code, name in PROCESSES:
        Process.objects.get_or_create(code=code, defaults={"group": group, "name": name})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(add_processes, migrations.RunPython.noop)]
