"""The audit criteria an internal audit chooses from (§7.2.2): sections of the quality manual and
the ESG standards for agencies (Part 3) and for external quality assurance (Part 2). Each comes
with the question its checklist item asks. Admins add IAAR standards and legal requirements."""

from django.db import migrations

CRITERIA = [
    ("manual", "m-3-2", "§3.2", "Document control",
     "Are IQAS documents identified, agreed, approved by the Director General, distributed and "
     "reviewed on time; are obsolete versions withdrawn?"),
    ("manual", "m-3-2-2", "§3.2.2", "Records",
     "Are the records of the process kept complete, legible, retrievable and for their retention period?"),
    ("manual", "m-4-1", "§4.1", "Quality policy",
     "Is the quality policy approved, current, communicated and understood by staff?"),
    ("manual", "m-4-2", "§4.2", "Focus on stakeholders",
     "Are the needs of education organizations, experts and students identified and their "
     "satisfaction measured after every visit?"),
    ("manual", "m-4-4", "§4.4", "Planning",
     "Does the process have measurable objectives in the annual plan, and is progress reviewed?"),
    ("manual", "m-4-5", "§4.5", "Responsibility and authority",
     "Are responsibilities and authorities defined in job descriptions and known to the people concerned?"),
    ("manual", "m-4-6", "§4.6", "Management review",
     "Was the management review held with every input of §4.6.2, and are its decisions carried out?"),
    ("manual", "m-5-2", "§5.2", "Competence of staff and experts",
     "Are staff and experts competent, trained and re-trained, with records of it?"),
    ("manual", "m-6-1", "§6.1", "Planning of accreditation",
     "Are accreditations planned, contracted and scheduled as the procedure says?"),
    ("manual", "m-6-2", "§6.2", "Applications and contracts",
     "Are applications checked against the threshold requirements and contracts concluded before work starts?"),
    ("manual", "m-6-3", "§6.3", "Design and development of standards",
     "Were standards and guidelines developed through planning, inputs, outputs, peer review, "
     "validation and approval, with records?"),
    ("manual", "m-6-4", "§6.4", "Purchasing",
     "Are suppliers evaluated, contracts registered and purchased goods and services inspected on receipt?"),
    ("manual", "m-6-5", "§6.5", "Accreditation decisions",
     "Are council decisions taken by open vote with a quorum, recorded, and published in the registry on time?"),
    ("manual", "m-6-6", "§6.6", "Post-accreditation monitoring",
     "Are post-monitoring reports received, reviewed and acted on as scheduled?"),
    ("manual", "m-7-2-1", "§7.2.1", "Satisfaction monitoring",
     "Are surveys run after every visit, analyzed yearly and reported to management?"),
    ("manual", "m-7-2-2", "§7.2.2", "Internal audit",
     "Was last year's internal audit held as planned, by an independent working group, with a report "
     "accepted by the Director General?"),
    ("manual", "m-7-2-4", "§7.2.4", "Records of visits",
     "Are the mandatory records of every EEC visit (schedule, interviews, questionnaires) kept?"),
    ("manual", "m-7-3", "§7.3", "Nonconforming services",
     "Are nonconformities recorded, analyzed for causes, and corrected?"),
    ("manual", "m-7-4", "§7.4", "Analysis of data",
     "Are the key performance indicators computed, compared with targets and reported?"),
    ("manual", "m-7-5-2", "§7.5.2", "Corrective actions",
     "Were the corrective actions of the last audit carried out, and is their effectiveness confirmed?"),
    ("manual", "m-7-5-3", "§7.5.3", "Risk management",
     "Are the risks of the process identified, scored, treated and reviewed on time?"),
    ("esg", "esg-2-1", "ESG 2.1", "Consideration of internal quality assurance",
     "Does external QA address the effectiveness of the internal QA processes of Part 1?"),
    ("esg", "esg-2-2", "ESG 2.2", "Designing methodologies fit for purpose",
     "Are the methodologies designed to achieve their aims, with stakeholders involved?"),
    ("esg", "esg-2-3", "ESG 2.3", "Implementing processes",
     "Do processes include a self-assessment, an external assessment with a site visit, a report and a follow-up?"),
    ("esg", "esg-2-4", "ESG 2.4", "Peer-review experts",
     "Are external experts, including a student member, selected, trained and free of conflicts?"),
    ("esg", "esg-2-5", "ESG 2.5", "Criteria for outcomes",
     "Are outcomes based on explicit, published criteria applied consistently?"),
    ("esg", "esg-2-6", "ESG 2.6", "Reporting",
     "Are full reports published, clear and accessible to the academic community and the public?"),
    ("esg", "esg-2-7", "ESG 2.7", "Complaints and appeals",
     "Are complaints and appeals processes defined and communicated to institutions?"),
    ("esg", "esg-3-1", "ESG 3.1", "Activities, policy and processes for quality assurance",
     "Are the agency's goals public, and are stakeholders involved in its governance and work?"),
    ("esg", "esg-3-3", "ESG 3.3", "Independence",
     "Is the agency independent, acting autonomously and responsible for its operations and outcomes?"),
    ("esg", "esg-3-4", "ESG 3.4", "Thematic analysis",
     "Does the agency publish reports on the general findings of its external QA activities?"),
    ("esg", "esg-3-5", "ESG 3.5", "Resources",
     "Does the agency have adequate human and financial resources for its work?"),
    ("esg", "esg-3-6", "ESG 3.6", "Internal quality assurance and professional conduct",
     "Does the agency have processes for internal QA focused on the quality and integrity of its activities?"),
]


def add_criteria(apps, schema_editor):
    Criterion = apps.get_model("core", "Criterion")
    for position, (source, code, reference, title, question) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            code=code,
            defaults={
                "source": source,
                "reference": reference,
                "title": title,
                "question": question,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0005_criterion")]
    operations = [migrations.RunPython(add_criteria, migrations.RunPython.noop)]
