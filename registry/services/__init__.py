"""The registry's writes: the DEQAR fields of a published report, and sending it to DEQAR again."""

from .deqar import deqar_fields_save, deqar_resend

__all__ = ["deqar_fields_save", "deqar_resend"]
