from iaar_qms.formats.iso_inputs import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

# Django ships no Kazakh formats, so dates fell back to the English "N j, Y" with Kazakh month
# abbreviations ("Жел. 1, 2026"); Kazakhstan writes dates as day.month.year.
DATE_FORMAT = "d.m.Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d.m.Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

__all__ = ["DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"]
