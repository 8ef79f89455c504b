"""Charts are plain SVG a reader can trust: the values are drawn, told in words and escaped."""

from xml.etree import ElementTree

from core.charts import Bar, Series, bar_chart, line_chart, stacked_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(markup):
    return ElementTree.fromstring(str(markup))


def test_bars_are_as_long_as_their_values_and_say_them():
    svg = _parse(bar_chart([Bar("Audits", 4), Bar("Risks", 2), Bar("None", 0)], title="Open items"))
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert svg.find(f"{SVG}title").text == "Open items"
    assert "Audits: 4; Risks: 2; None: 0" in svg.find(f"{SVG}desc").text
    assert svg.get("role") == "img"


def test_labels_are_escaped_and_links_kept():
    markup = str(bar_chart([Bar('<script>alert("x")</script>', 1, url="/x?a=1&b=2")], title="T"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    svg = _parse(markup)
    assert svg.find(f"{SVG}a").get("href") == "/x?a=1&b=2"


def test_no_style_attributes_so_the_csp_allows_them():
    for markup in (
        bar_chart([Bar("a", 1)], title="t"),
        stacked_bar_chart(["a"], [Series("x", [1]), Series("y", [2])], title="t"),
        line_chart(["2025", "2026"], [Series("KPI", [1, 3])], title="t"),
    ):
        assert "style=" not in str(markup)
        _parse(markup)  # well-formed


def test_stacked_parts_add_up_to_the_total():
    svg = _parse(stacked_bar_chart(["Process"], [Series("Major", [1]), Series("Minor", [3])], title="t"))
    parts = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert abs(parts[1] - 3 * parts[0]) <= 2
    assert any(t.text == "4" for t in svg.iter(f"{SVG}text"))


def test_a_line_has_one_point_per_period_with_a_value():
    svg = _parse(line_chart(["Jan", "Feb", "Mar"], [Series("Rate", [1, None, 2])], title="t"))
    assert len(list(svg.iter(f"{SVG}circle"))) == 2


def test_a_chart_of_links_is_a_group_not_an_image():
    """Screen readers do not enter an image: a chart whose bars are links is a group of links."""
    assert _parse(bar_chart([Bar("a", 1)], title="t")).get("role") == "img"
    assert _parse(bar_chart([Bar("a", 1, url="/x")], title="t")).get("role") == "group"
    linked = stacked_bar_chart(["a"], [Series("x", [1])], title="t", urls=["/x"])
    assert _parse(linked).get("role") == "group"


def test_a_long_legend_wraps_inside_the_chart():
    long = [Series("A rather long series name for the legend", [1]) for _ in range(4)]
    svg = _parse(stacked_bar_chart(["a"], long, title="t", width=640))
    legend_x = [float(r.get("x")) for r in svg.iter(f"{SVG}rect") if r.get("width") == "12"]
    assert len(legend_x) == 4 and max(legend_x) < 640
    assert float(svg.get("viewBox").split()[3]) > 16 + 30 + 20 * 2  # rows were added


def test_numbers_on_a_chart_are_written_as_the_readers_locale_writes_them():
    from django.utils import translation

    with translation.override("ru"):
        markup = str(bar_chart([Bar("Share", 0.5), Bar("Count", 2500)], title="t", unit="%"))
    assert "0,5\u00a0%" in markup and "0.5" not in markup
    with translation.override("en"):
        assert "0.5\u00a0%" in str(bar_chart([Bar("Share", 0.5)], title="t", unit="%"))
