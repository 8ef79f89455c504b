"""The quality board: charts of open findings, corrective-action ageing, overdue actions and risks."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import access

from ..selectors import board as quality_board


@access("improvement.view_kpi_report")
def board(request: HttpRequest) -> HttpResponse:
    return render(request, "improvement/quality_board.html", quality_board.board(reader=request.user))
