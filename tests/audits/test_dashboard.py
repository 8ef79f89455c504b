"""Each person's audit work shows on their dashboard until it is done."""

from audits import services
from core.dashboard import dashboard_for
from tests.factories import PASSWORD


def _details(user):
    board = dashboard_for(user)
    return {(t.title.split()[0], t.detail) for t in board.waiting + board.due_soon + board.overdue}


def test_the_work_moves_from_person_to_person(people, planned):
    number = planned.number
    assert (number, "Appoint the working group") in _details(people["qms"])
    assert not any(n == number for n, _d in _details(people["director"]))

    services.team_appoint(audit=planned, actor=people["qms"], auditor=people["leader"], role="leader")
    assert (number, "Appoint the working group") not in _details(people["qms"])
    assert (number, "Sign the order appointing the working group") in _details(people["director"])

    services.order_sign(audit=planned, actor=people["director"], password=PASSWORD)
    assert (number, "Start the audit: the order is signed") in _details(people["leader"])
    assert not any(n == number for n, _d in _details(people["director"]))
