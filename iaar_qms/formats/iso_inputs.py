"""Input formats shared by our language format modules: ISO first, because date pickers
(<input type="date">) take and show ISO dates only — with "%d.%m.%Y" first, a prefilled date
rendered as "25.11.2026" and the browser showed the field empty. Typed day.month.year dates are
still understood."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
]
