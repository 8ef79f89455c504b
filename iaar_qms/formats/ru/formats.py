# Only what differs from Django's own formats for this language (they still apply otherwise).
from iaar_qms.formats.iso_inputs import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

# Django's "j E Y г." ends a sentence that ends with a date in "г..": the year needs no "г."
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"

__all__ = ["DATETIME_FORMAT", "DATETIME_INPUT_FORMATS", "DATE_FORMAT", "DATE_INPUT_FORMATS"]
