"""The SVG charts of survey results, the same markup on screen, in the PDF and on the public site:
a bar chart per scale or choice question, every 1–5 question as stacked bars, a line over the
years, bars by organization or expert. Groups hidden for anonymity have no figures to draw."""

from django.utils.translation import gettext as _

from core.charts import PALETTE, Bar, Series, bar_chart, line_chart, stacked_bar_chart

from .models import Question
from .selectors import Group, Results

# Red to green over the five points of a scale; grey in the middle.
LIKERT_COLOURS = ("#C0392B", "#E69F00", "#8C959F", "#56B4E9", "#009E73")


def decorate(results: Results) -> Results:
    """Attach the SVG charts: a bar chart per scale or choice question, and an overview of every
    1–5 question as stacked bars (the same markup on screen, in the PDF and on the public site)."""
    if results.hidden:
        return results
    for question in results.questions:
        if question.is_text or not question.answered:
            continue
        colours = LIKERT_COLOURS if question.kind == Question.Kind.LIKERT else ()
        bars = [
            Bar(
                label=point.label,
                value=point.count,
                colour=colours[index] if colours else PALETTE[0],
            )
            for index, point in enumerate(question.points)
        ]
        question.chart = bar_chart(bars, title=question.text, width=560)
    likert = [q for q in results.questions if q.kind == Question.Kind.LIKERT and q.answered]
    if likert:
        results.overview = stacked_bar_chart(
            [q.text for q in likert],
            [
                Series(str(value), [q.points[value - 1].count for q in likert], LIKERT_COLOURS[value - 1])
                for value in range(1, 6)
            ],
            title=_("Every 1–5 question: answers by scale point"),
        )
    return results


def years_chart(groups: list[Group], key: str, label: str):
    if not any(g.mean is not None for g in groups):
        return None
    if key:
        values = [float(g.means[key]) if g.means.get(key) is not None else None for g in groups]
    else:
        values = [float(g.mean) if g.mean is not None else None for g in groups]
    return line_chart([g.label for g in groups], [Series(label, values, PALETTE[0])], title=label)


def groups_chart(groups: list[Group], title: str):
    shown = [g for g in groups if g.mean is not None]
    if not shown:
        return None
    return bar_chart([Bar(g.label, float(g.mean)) for g in shown], title=title)
