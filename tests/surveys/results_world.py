"""A small, hand-counted world of survey answers for the results tests, written straight to the
database (the answering services are tested on their own).

eo-satisfaction (named): campaign OPS-1 (2025, organization A), 4 invitations, 3 answered:
    overall        5, 4, 3        → 3:1 4:1 5:1, mean 4.00
    communication  4, 4, 2        → 2:1 4:2, mean 3.33
    format         online, onsite, online
    channels       [email, site], [email], []  → answered 2: email 2, site 1, phone 0
    recommend      10, 9, 5       → NPS (2 − 1) / 3 = 33
    comment        "Хорошо", "=HYPERLINK(...)", ""
  every 1–5 answer: 5+4+3+4+4+2 = 22 / 6 = 3.67 → (3.667 − 1) / 4 = 66.7 %; rate 3/4 = 75 %.

student (anonymous): STU-1 (2025-03, A) six answers to "teaching" 5 4 4 3 5 4 (mean 4.17),
    STU-2 (2025-11, B) three answers 1 2 3 (hidden: fewer than 5), STU-3 (2026-04, A) five
    answers 4 4 5 3 4 (mean 4.00). 2025: 31 / 9 = 3.44 → (3.444 − 1) / 4 = 61.1 %.

eec-evaluation (named, about an expert): EEC-1 (2025): expert one 5, 4; expert two 3.
"""

import datetime
from dataclasses import dataclass, field

from accreditation.models import Expert
from surveys.models import Answer, Campaign, Invitation, Question, Response, Section, Survey, SurveyVersion
from surveys.summaries import response_tallied
from tests.factories import OrganizationFactory, UserFactory

D = datetime.date


@dataclass
class World:
    organizations: list = field(default_factory=list)
    surveys: dict = field(default_factory=dict)
    campaigns: dict = field(default_factory=dict)
    questions: dict = field(default_factory=dict)
    experts: list = field(default_factory=list)
    people: list = field(default_factory=list)


def make_survey(code, title, audience, anonymous, questions):
    survey = Survey.objects.create(code=code, title=title, audience=audience, anonymous=anonymous)
    version = SurveyVersion.objects.create(survey=survey, number=1, status="published")
    section = Section.objects.create(version=version, position=1, title="Main")
    made = {}
    for position, (key, kind, text, options) in enumerate(questions, start=1):
        made[key] = Question.objects.create(
            section=section, position=position, key=key, kind=kind, text=text, options=options
        )
    return survey, version, made


def campaign(version, number, opens_on, *, organization=None, public=False, title=""):
    return Campaign.objects.create(
        number=number,
        version=version,
        title=title or f"Campaign {number}",
        organization=organization,
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
        public_token=f"token-{number}" if public else None,
    )


def respond(campaign, day, answers, questions, *, invitation=None, respondent=None, about_expert=None):
    response = Response.objects.create(
        campaign=campaign,
        submitted_on=day,
        invitation=invitation,
        respondent=respondent,
        about_expert=about_expert,
        language="ru",
    )
    saved = []
    for key, value in answers.items():
        question = questions[key]
        answer = Answer(response=response, question=question)
        if question.kind in Question.SCALED:
            answer.number = value
        elif question.kind in Question.CHOICE:
            answer.choices = value if isinstance(value, list) else [value]
        else:
            answer.text = value
        answer.save()
        saved.append(answer)
    # As the answering service does: the results pages read these counts.
    response_tallied(response=response, answers=saved)
    if invitation is not None:
        Invitation.objects.filter(pk=invitation.pk).update(answered_on=day)
    return response


def build() -> World:
    world = World()
    org_a = OrganizationFactory(name="Alpha University")
    org_b = OrganizationFactory(name="Beta College")
    world.organizations = [org_a, org_b]

    eo, eo_version, eo_q = make_survey(
        "t-eo-satisfaction",
        "Satisfaction of the education organization",
        Survey.Audience.ORGANIZATION,
        False,
        [
            ("overall", "likert", "How satisfied are you overall?", []),
            ("communication", "likert", "How clear was the communication?", []),
            (
                "format",
                "single",
                "Which visit format?",
                [{"value": "online", "label": "Online"}, {"value": "onsite", "label": "On site"}],
            ),
            (
                "channels",
                "multiple",
                "How did you hear from us?",
                [
                    {"value": "email", "label": "E-mail"},
                    {"value": "site", "label": "Web site"},
                    {"value": "phone", "label": "Phone"},
                ],
            ),
            ("recommend", "nps", "Would you recommend IAAR?", []),
            ("comment", "text", "Anything else?", []),
        ],
    )
    world.surveys["eo"] = eo
    world.questions["eo"] = eo_q
    ops = campaign(eo_version, "OPS-1", D(2025, 5, 1), organization=org_a)
    world.campaigns["ops"] = ops
    people = [UserFactory(username=f"rep{n}", first_name="Rep", last_name=f"Number{n}") for n in range(4)]
    world.people = people
    invitations = [
        Invitation.objects.create(
            campaign=ops, person=p, sent_at=datetime.datetime(2025, 5, 1, 10, tzinfo=datetime.UTC)
        )
        for p in people
    ]
    rows = [
        {
            "overall": 5,
            "communication": 4,
            "format": "online",
            "channels": ["email", "site"],
            "recommend": 10,
            "comment": "Хорошо",
        },
        {
            "overall": 4,
            "communication": 4,
            "format": "onsite",
            "channels": ["email"],
            "recommend": 9,
            "comment": '=HYPERLINK("http://evil")',
        },
        {"overall": 3, "communication": 2, "format": "online", "channels": [], "recommend": 5, "comment": ""},
    ]
    for n, row in enumerate(rows):
        respond(ops, D(2025, 5, 3 + n), row, eo_q, invitation=invitations[n], respondent=people[n])

    student, st_version, st_q = make_survey(
        "t-student",
        "Student questionnaire",
        Survey.Audience.STUDENT,
        True,
        [
            ("teaching", "likert", "How good is the teaching?", []),
            ("comment", "text", "What would you change?", []),
        ],
    )
    world.surveys["student"] = student
    world.questions["student"] = st_q
    for number, day, organization, marks in (
        ("STU-1", D(2025, 3, 10), org_a, [5, 4, 4, 3, 5, 4]),
        ("STU-2", D(2025, 11, 20), org_b, [1, 2, 3]),
        ("STU-3", D(2026, 4, 15), org_a, [4, 4, 5, 3, 4]),
    ):
        made = campaign(st_version, number, day, organization=organization, public=True)
        world.campaigns[number] = made
        for n, mark in enumerate(marks):
            respond(made, day, {"teaching": mark, "comment": f"Comment {chr(90 - n)} {number}"}, st_q)

    eec, eec_version, eec_q = make_survey(
        "t-eec-evaluation",
        "Coordinator's evaluation of the commission",
        Survey.Audience.COORDINATOR,
        False,
        [("competence", "likert", "How competent was the expert?", [])],
    )
    world.surveys["eec"] = eec
    experts = [
        Expert.objects.create(
            user=UserFactory(username=f"exp{n}", first_name="Expert", last_name=name),
            category="academic",
            field="IT",
        )
        for n, name in enumerate(("One", "Two"))
    ]
    world.experts = experts
    coordinator = UserFactory(username="coordinator_x", first_name="Coord", last_name="Inator")
    eec_campaign = campaign(eec_version, "EEC-1", D(2025, 6, 1), organization=org_a)
    world.campaigns["eec"] = eec_campaign
    for expert, mark in ((experts[0], 5), (experts[0], 4), (experts[1], 3)):
        respond(
            eec_campaign,
            D(2025, 6, 2),
            {"competence": mark},
            eec_q,
            respondent=coordinator,
            about_expert=expert,
        )
    return world
