"""The IQAS processes of the manual, §3.1."""

from django.db import migrations

PROCESSES = [
    ("documents", "internal-documents", "Management of internal documents"),
    ("documents", "external-documents", "Management of external documents"),
    ("documents", "organizational-documents", "Management of organizational documents"),
    ("documents", "service-documents", "Management of service documents"),
    ("documents", "archiving", "Management of archiving"),
    ("documents", "records", "Management of records"),
    ("management", "iqas-analysis", "Analysis of the IQAS"),
    ("management", "improvement-planning", "Planning of improvement"),
    ("management", "improvement-control", "Control of improvement plans"),
    ("resources", "infrastructure", "Improvement of the material and technical base"),
    ("resources", "finance", "Improvement of financial management"),
    ("resources", "staff-qualification", "Staff qualification"),
    ("resources", "expert-qualification", "Expert qualification"),
    ("resources", "expert-recruitment", "Recruitment of competent experts"),
    ("main_cycle", "standards-development", "Development and revision of standards and guidelines"),
    ("main_cycle", "accreditation-planning", "Planning of accreditation"),
    ("main_cycle", "contracting", "Contracts with education organizations"),
    ("main_cycle", "training-seminars", "Training seminars for education organizations"),
    ("main_cycle", "self-assessment-review", "Review of self-assessment reports"),
    ("main_cycle", "eec-formation", "Formation of external expert commissions"),
    ("main_cycle", "eec-work", "Organization of the work of expert commissions"),
    ("main_cycle", "council-meetings", "Meetings of the Accreditation Council"),
    ("main_cycle", "appeals", "Appeals and complaints"),
    ("main_cycle", "post-monitoring", "Post-accreditation monitoring"),
    ("main_cycle", "collegial-bodies", "Meetings of collegial bodies"),
    ("main_cycle", "rating", "Rating research of organizations and programmes"),
    ("main_cycle", "journal", "Publication of the journal Education. Quality Assurance"),
    ("main_cycle", "internal-audit", "Internal audit"),
    ("main_cycle", "nonconforming-services", "Management of nonconforming products and services"),
    ("main_cycle", "corrective-actions-risks", "Corrective actions and risk management"),
]


def add_processes(apps, schema_editor):
    Process = apps.get_model("core", "Process")
    for group, code, name in PROCESSES:
        Process.objects.get_or_create(code=code, defaults={"group": group, "name": name})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(add_processes, migrations.RunPython.noop)]
