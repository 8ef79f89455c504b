"""Charts drawn on the server as SVG: the same markup on screen and in WeasyPrint PDFs.

No script and no style attribute (the portal's CSP allows neither): colours are SVG presentation
attributes. Every chart is an image with a title and a description that lists its values, and
the page shows the same numbers in a table for those who cannot see it.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Distinguishable in colour-blind palettes (Okabe–Ito), dark enough for white text next to them.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6c757d")
LEVEL_COLOURS = {"low": "#198754", "medium": "#E69F00", "high": "#dc3545"}
INK = "#212529"
MUTED = "#6c757d"
GRID = "#dee2e6"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


@dataclass
class Bar:
    label: str
    value: float
    url: str = ""
    colour: str = ""


@dataclass
class Series:
    label: str
    values: list[float]
    colour: str = ""
    # Per point, for a line: what the value rests on ("1 of 1"), said beside it, and whether it
    # rests on too few records to be read as a trend (drawn hollow).
    notes: list[str] | None = None
    faint: list[bool] | None = None


@dataclass
class _Svg:
    width: int
    height: int
    title: str
    description: str
    parts: list[str] = field(default_factory=list)
    linked: bool = False

    def add(self, markup: str, *, link: bool = False) -> None:
        self.parts.append(markup)
        self.linked = self.linked or link

    def render(self) -> SafeString:
        # An image cannot hold links: a chart whose bars are links is a group of them.
        head = format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" width="100%" '
            'role="{}" aria-label="{}" font-family="{}" font-size="13"><title>{}</title><desc>{}</desc>',
            self.width,
            self.height,
            "group" if self.linked else "img",
            self.title,
            FONT,
            self.title,
            self.description,
        )
        return mark_safe(head + "".join(self.parts) + "</svg>")


def _number(value: float) -> str:
    """A value as the reader's locale writes it (0,5 in Russian, 0.5 in English), as the tables
    beside the chart do; a float keeps only the digits it has."""
    if isinstance(value, float):
        text = f"{value:g}"
        if "e" in text:
            text = f"{value:f}".rstrip("0").rstrip(".")
        decimals = len(text.partition(".")[2])
        return number_format(value, decimal_pos=decimals, use_l10n=True)
    return number_format(value, use_l10n=True)


def _note(series: Series, index: int) -> str:
    if not series.notes or index >= len(series.notes) or not series.notes[index]:
        return ""
    return f" ({series.notes[index]})"


def _suffix(unit: str) -> str:
    """A per-cent sign stands apart from its number, as the tables write it (0,5 %)."""
    return "\u00a0%" if unit == "%" else unit


def _fit(text: str, chars: int) -> str:
    text = str(text)
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _ticks(top: float, count: int = 4) -> list[float]:
    if top <= 0:
        return [0]
    step = top / count
    magnitude = 10 ** (len(str(int(step))) - 1) if step >= 1 else 1
    step = max(1, round(step / magnitude) * magnitude) if step >= 1 else step
    ticks, value = [], 0.0
    while value <= top + 1e-9:
        ticks.append(value)
        value += step
    return ticks


def bar_chart(bars: list[Bar], *, title: str, unit: str = "", width: int = 640) -> SafeString:
    """Horizontal bars, longest first as given; a bar with a URL is a link (to the filtered list)."""
    unit = _suffix(unit)
    label_width, row, top_pad = 230, 30, 8
    height = top_pad * 2 + max(1, len(bars)) * row
    plot = width - label_width - 60
    biggest = max((b.value for b in bars), default=0) or 1
    description = "; ".join(f"{b.label}: {_number(b.value)}{unit}" for b in bars) or "—"
    svg = _Svg(width, height, title, description)
    for index, bar in enumerate(bars):
        y = top_pad + index * row
        length = 0 if bar.value <= 0 else max(2, round(plot * bar.value / biggest))
        colour = bar.colour or PALETTE[0]
        shape = format_html(
            '<text x="{}" y="{}" text-anchor="end" fill="{}" font-size="12">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>'
            '<text x="{}" y="{}" fill="{}" font-weight="600">{}{}</text>',
            label_width - 8,
            y + row / 2 + 4,
            INK,
            _fit(bar.label, 26),
            label_width,
            y + 5,
            length,
            row - 10,
            colour,
            label_width + length + 6,
            y + row / 2 + 4,
            INK,
            _number(bar.value),
            unit,
        )
        if bar.url:
            shape = format_html(
                '<a href="{}"><title>{}: {}</title>{}</a>', bar.url, bar.label, _number(bar.value), shape
            )
        svg.add(shape, link=bool(bar.url))
    if not bars:
        svg.add(
            format_html('<text x="{}" y="{}" fill="{}">—</text>', label_width, top_pad + row / 2 + 4, MUTED)
        )
    return svg.render()


def stacked_bar_chart(
    categories: list[str],
    series: list[Series],
    *,
    title: str,
    width: int = 640,
    urls: list[str] | None = None,
) -> SafeString:
    """Horizontal bars, one per category, each split into the series' parts, with a legend."""
    label_width, row, top_pad = 230, 30, 8
    legend = 8 + LEGEND_ROW * len(_legend_rows(series, x=16, width=width))
    height = top_pad * 2 + max(1, len(categories)) * row + legend
    plot = width - label_width - 60
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    biggest = max(totals, default=0) or 1
    description = "; ".join(
        f"{category}: " + ", ".join(f"{s.label} {_number(s.values[i])}" for s in series)
        for i, category in enumerate(categories)
    )
    svg = _Svg(width, height, title, description or "—")
    for index, category in enumerate(categories):
        y = top_pad + index * row
        parts = [
            format_html(
                '<text x="{}" y="{}" text-anchor="end" fill="{}" font-size="12">{}</text>',
                label_width - 8,
                y + row / 2 + 4,
                INK,
                _fit(category, 26),
            )
        ]
        x = label_width
        for number, part in enumerate(series):
            value = part.values[index]
            if value <= 0:
                continue
            length = max(2, round(plot * value / biggest))
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                    x,
                    y + 5,
                    length,
                    row - 10,
                    part.colour or PALETTE[number % len(PALETTE)],
                    part.label,
                    _number(value),
                )
            )
            x += length
        parts.append(
            format_html(
                '<text x="{}" y="{}" fill="{}" font-weight="600">{}</text>',
                x + 6,
                y + row / 2 + 4,
                INK,
                _number(totals[index]),
            )
        )
        markup = "".join(parts)
        linked = bool(urls and urls[index])
        if linked:
            markup = format_html(
                '<a href="{}"><title>{}: {}</title>{}</a>',
                urls[index],
                category,
                _number(totals[index]),
                mark_safe(markup),
            )
        svg.add(markup, link=linked)
    svg.add(_legend(series, y=height - legend + 8, x=16, width=width))
    return svg.render()


LEGEND_ROW = 20


def _legend_rows(series: list[Series], *, x: int, width: int) -> list[list[tuple[int, int, Series]]]:
    """Where each legend entry goes: (number, x) in rows that fit the chart's width (text
    width estimated at 7.5 px a character at the legend's size)."""
    rows: list[list[tuple[int, int, Series]]] = [[]]
    left = x
    for number, part in enumerate(series):
        needed = 16 + round(7.5 * len(str(part.label))) + 14
        if rows[-1] and left + needed > width:
            rows.append([])
            left = x
        rows[-1].append((number, left, part))
        left += needed
    return rows


def _legend(series: list[Series], *, x: int, y: float, width: int) -> str:
    parts = []
    for line, row in enumerate(_legend_rows(series, x=x, width=width)):
        top = y + line * LEGEND_ROW
        for number, left, part in row:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                    '<text x="{}" y="{}" fill="{}" font-size="12">{}</text>',
                    left,
                    top,
                    part.colour or PALETTE[number % len(PALETTE)],
                    left + 16,
                    top + 11,
                    INK,
                    part.label,
                )
            )
    return "".join(parts)


def line_chart(
    x_labels: list[str],
    series: list[Series],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
    height: int = 260,
) -> SafeString:
    """Lines over periods (a trend), with a target line when a series is labelled so by the caller."""
    unit = _suffix(unit)
    left, right, top = 48, 16, 12
    legend_rows = len(_legend_rows(series, x=left, width=width))
    bottom = 32 + LEGEND_ROW * legend_rows
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s.values if v is not None]
    ceiling = max(values, default=0) or 1
    ticks = _ticks(ceiling)
    ceiling = max(ceiling, ticks[-1])
    description = "; ".join(
        f"{s.label}: "
        + ", ".join(
            f"{x} {_number(v) + unit if v is not None else '—'}{_note(s, i)}"
            for i, (x, v) in enumerate(zip(x_labels, s.values, strict=False))
        )
        for s in series
    )
    svg = _Svg(width, height, title, description or "—")
    for tick in ticks:
        y = top + plot_h - plot_h * tick / ceiling
        svg.add(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/><text x="{}" y="{}" text-anchor="end" fill="{}">{}{}</text>',
                left,
                round(y, 1),
                left + plot_w,
                round(y, 1),
                GRID,
                left - 6,
                round(y + 4, 1),
                MUTED,
                _number(round(tick, 2)),
                unit,
            )
        )
    step = plot_w / max(1, len(x_labels) - 1)
    for index, label in enumerate(x_labels):
        svg.add(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                round(left + index * step, 1),
                top + plot_h + 18,
                MUTED,
                _fit(label, 10),
            )
        )
    for number, part in enumerate(series):
        colour = part.colour or PALETTE[number % len(PALETTE)]
        points = [
            (round(left + index * step, 1), round(top + plot_h - plot_h * value / ceiling, 1), index)
            for index, value in enumerate(part.values)
            if value is not None
        ]
        if len(points) > 1:
            svg.add(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
                    " ".join(f"{x},{y}" for x, y, _i in points),
                    colour,
                )
            )
        for x, y, index in points:
            faint = bool(part.faint and part.faint[index])
            dot = format_html(
                '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="2"/>',
                x,
                y,
                4 if faint else 3.5,
                "#ffffff" if faint else colour,
                colour,
            )
            if part.notes:
                dot = format_html(
                    "<g><title>{}: {}{}{}</title>{}</g>",
                    x_labels[index],
                    _number(part.values[index]),
                    unit,
                    _note(part, index),
                    dot,
                )
            svg.add(dot)
    svg.add(_legend(series, x=left, y=height - LEGEND_ROW * legend_rows, width=width))
    return svg.render()
