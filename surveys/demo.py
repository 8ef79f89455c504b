from .models import Survey

SURVEYS = [
    ("Satisfaction of the education organization after accreditation", Survey.Audience.ORGANIZATION),
    ("Expert feedback after the EEC visit", Survey.Audience.EXPERT),
    ("Coordinator's evaluation of the expert commission", Survey.Audience.COORDINATOR),
    ("Student questionnaire during the EEC visit", Survey.Audience.STUDENT),
    ("Teaching staff questionnaire during the EEC visit", Survey.Audience.TEACHING_STAFF),
]


def seed(people: dict) -> None:
    for title, audience in SURVEYS:
        Survey.objects.get_or_create(title=title, defaults={"audience": audience})
