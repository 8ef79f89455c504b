"""Every change of state of documents, versions and records. Views and tasks call these."""

from .familiarization import (
    acknowledgement_confirm,
    acknowledgement_record_open,
    acknowledgements_remind,
    distribution_confirm_withdrawal,
    distribution_issue,
)
from .register import (
    document_archive,
    document_create,
    document_review_no_change,
    document_set_readers,
    document_update,
    document_withdraw,
    record_archive,
    record_create,
    reviews_remind,
    version_create,
    version_replace_file,
)
from .route import (
    awaits_validation,
    step_decide,
    version_approve,
    version_make_effective,
    version_return,
    version_submit,
    version_validation_from_body,
    versions_activate_due,
)

__all__ = [
    "acknowledgement_confirm",
    "acknowledgement_record_open",
    "acknowledgements_remind",
    "awaits_validation",
    "distribution_confirm_withdrawal",
    "distribution_issue",
    "document_archive",
    "document_create",
    "document_review_no_change",
    "document_set_readers",
    "document_update",
    "document_withdraw",
    "record_archive",
    "record_create",
    "reviews_remind",
    "step_decide",
    "version_approve",
    "version_create",
    "version_make_effective",
    "version_replace_file",
    "version_return",
    "version_submit",
    "version_validation_from_body",
    "versions_activate_due",
]
