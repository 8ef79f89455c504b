"""The audit criteria an internal audit chooses from (§7.2.2): sections of the quality manual and
the ESG standards for agencies (Part 3) and for external quality assurance (Part 2). Each comes
with the question its checklist item asks. Admins add IAAR standards and legal requirements."""

from django.db import migrations


def gettext_noop(text: str) -> str:
    """Marks a text for the translation catalogues; stored in English, shown in the reader's
    language (Criterion.localized_title, localized_question)."""
    return text


CRITERIA = [
    (
        "manual",
        "m-3-2",
        "§3.2",
        gettext_noop("Document control"),
        gettext_noop(
            "Are IQAS documents identified, agreed, approved by the Director General, distributed and "
            "reviewed on time; are obsolete versions withdrawn?"
        ),
    ),
    (
        "manual",
        "m-3-2-2",
        "§3.2.2",
        gettext_noop("Records"),
        gettext_noop(
            "Are the records of the process kept complete, legible, retrievable and for their retention period?"
        ),
    ),
    (
        "manual",
        "m-4-1",
        "§4.1",
        gettext_noop("Quality policy"),
        gettext_noop("Is the quality policy approved, current, communicated and understood by staff?"),
    ),
    (
        "manual",
        "m-4-2",
        "§4.2",
        gettext_noop("Focus on stakeholders"),
        gettext_noop(
            "Are the needs of education organizations, experts and students identified and their "
            "satisfaction measured after every visit?"
        ),
    ),
    (
        "manual",
        "m-4-4",
        "§4.4",
        gettext_noop("Planning"),
        gettext_noop(
            "Does the process have measurable objectives in the annual plan, and is progress reviewed?"
        ),
    ),
    (
        "manual",
        "m-4-5",
        "§4.5",
        gettext_noop("Responsibility and authority"),
        gettext_noop(
            "Are responsibilities and authorities defined in job descriptions and known to the people concerned?"
        ),
    ),
    (
        "manual",
        "m-4-6",
        "§4.6",
        gettext_noop("Management review"),
        gettext_noop(
            "Was the management review held with every input of §4.6.2, and are its decisions carried out?"
        ),
    ),
    (
        "manual",
        "m-5-2",
        "§5.2",
        gettext_noop("Competence of staff and experts"),
        gettext_noop("Are staff and experts competent, trained and re-trained, with records of it?"),
    ),
    (
        "manual",
        "m-6-1",
        "§6.1",
        gettext_noop("Planning of accreditation"),
        gettext_noop("Are accreditations planned, contracted and scheduled as the procedure says?"),
    ),
    (
        "manual",
        "m-6-2",
        "§6.2",
        gettext_noop("Applications and contracts"),
        gettext_noop(
            "Are applications checked against the threshold requirements and contracts concluded before work starts?"
        ),
    ),
    (
        "manual",
        "m-6-3",
        "§6.3",
        gettext_noop("Design and development of standards"),
        gettext_noop(
            "Were standards and guidelines developed through planning, inputs, outputs, peer review, "
            "validation and approval, with records?"
        ),
    ),
    (
        "manual",
        "m-6-4",
        "§6.4",
        gettext_noop("Purchasing"),
        gettext_noop(
            "Are suppliers evaluated, contracts registered and purchased goods and services inspected on receipt?"
        ),
    ),
    (
        "manual",
        "m-6-5",
        "§6.5",
        gettext_noop("Accreditation decisions"),
        gettext_noop(
            "Are council decisions taken by open vote with a quorum, recorded, and published in the registry on time?"
        ),
    ),
    (
        "manual",
        "m-6-6",
        "§6.6",
        gettext_noop("Post-accreditation monitoring"),
        gettext_noop("Are post-monitoring reports received, reviewed and acted on as scheduled?"),
    ),
    (
        "manual",
        "m-7-2-1",
        "§7.2.1",
        gettext_noop("Satisfaction monitoring"),
        gettext_noop("Are surveys run after every visit, analyzed yearly and reported to management?"),
    ),
    (
        "manual",
        "m-7-2-2",
        "§7.2.2",
        gettext_noop("Internal audit"),
        gettext_noop(
            "Was last year's internal audit held as planned, by an independent working group, with a report "
            "accepted by the Director General?"
        ),
    ),
    (
        "manual",
        "m-7-2-4",
        "§7.2.4",
        gettext_noop("Records of visits"),
        gettext_noop(
            "Are the mandatory records of every EEC visit (schedule, interviews, questionnaires) kept?"
        ),
    ),
    (
        "manual",
        "m-7-3",
        "§7.3",
        gettext_noop("Nonconforming services"),
        gettext_noop("Are nonconformities recorded, analyzed for causes, and corrected?"),
    ),
    (
        "manual",
        "m-7-4",
        "§7.4",
        gettext_noop("Analysis of data"),
        gettext_noop("Are the key performance indicators computed, compared with targets and reported?"),
    ),
    (
        "manual",
        "m-7-5-2",
        "§7.5.2",
        gettext_noop("Corrective actions"),
        gettext_noop(
            "Were the corrective actions of the last audit carried out, and is their effectiveness confirmed?"
        ),
    ),
    (
        "manual",
        "m-7-5-3",
        "§7.5.3",
        gettext_noop("Risk management"),
        gettext_noop("Are the risks of the process identified, scored, treated and reviewed on time?"),
    ),
    (
        "esg",
        "esg-2-1",
        "ESG 2.1",
        gettext_noop("Consideration of internal quality assurance"),
        gettext_noop("Does external QA address the effectiveness of the internal QA processes of Part 1?"),
    ),
    (
        "esg",
        "esg-2-2",
        "ESG 2.2",
        gettext_noop("Designing methodologies fit for purpose"),
        gettext_noop("Are the methodologies designed to achieve their aims, with stakeholders involved?"),
    ),
    (
        "esg",
        "esg-2-3",
        "ESG 2.3",
        gettext_noop("Implementing processes"),
        gettext_noop(
            "Do processes include a self-assessment, an external assessment with a site visit, a report and a follow-up?"
        ),
    ),
    (
        "esg",
        "esg-2-4",
        "ESG 2.4",
        gettext_noop("Peer-review experts"),
        gettext_noop(
            "Are external experts, including a student member, selected, trained and free of conflicts?"
        ),
    ),
    (
        "esg",
        "esg-2-5",
        "ESG 2.5",
        gettext_noop("Criteria for outcomes"),
        gettext_noop("Are outcomes based on explicit, published criteria applied consistently?"),
    ),
    (
        "esg",
        "esg-2-6",
        "ESG 2.6",
        gettext_noop("Reporting"),
        gettext_noop(
            "Are full reports published, clear and accessible to the academic community and the public?"
        ),
    ),
    (
        "esg",
        "esg-2-7",
        "ESG 2.7",
        gettext_noop("Complaints and appeals"),
        gettext_noop("Are complaints and appeals processes defined and communicated to institutions?"),
    ),
    (
        "esg",
        "esg-3-1",
        "ESG 3.1",
        gettext_noop("Activities, policy and processes for quality assurance"),
        gettext_noop(
            "Are the agency's goals public, and are stakeholders involved in its governance and work?"
        ),
    ),
    (
        "esg",
        "esg-3-3",
        "ESG 3.3",
        gettext_noop("Independence"),
        gettext_noop(
            "Is the agency independent, acting autonomously and responsible for its operations and outcomes?"
        ),
    ),
    (
        "esg",
        "esg-3-4",
        "ESG 3.4",
        gettext_noop("Thematic analysis"),
        gettext_noop(
            "Does the agency publish reports on the general findings of its external QA activities?"
        ),
    ),
    (
        "esg",
        "esg-3-5",
        "ESG 3.5",
        gettext_noop("Resources"),
        gettext_noop("Does the agency have adequate human and financial resources for its work?"),
    ),
    (
        "esg",
        "esg-3-6",
        "ESG 3.6",
        gettext_noop("Internal quality assurance and professional conduct"),
        gettext_noop(
            "Does the agency have processes for internal QA focused on the quality and integrity of its activities?"
        ),
    ),
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
