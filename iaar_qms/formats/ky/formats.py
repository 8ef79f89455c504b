# Only what differs from Django's own formats for this language (they still apply otherwise).
from iaar_qms.formats.iso_inputs import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"]
