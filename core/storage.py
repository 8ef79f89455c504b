"""The file storage every upload goes through (STORAGES["default"] on disk): when the disk is
full (or over quota, or failing) while a file is written, the partly written file is removed,
the fault is logged for the operators and the service is refused with a plain message, so its
transaction rolls back and the form page shows the message instead of a server error."""

import errno
import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Faults of the disk itself, not of the program: the user can only wait or tell someone.
DISK_FAULTS = {errno.ENOSPC, errno.EDQUOT, errno.EIO}


def disk_full_error() -> ValidationError:
    return ValidationError(
        _(
            "The file could not be stored: the server's disk is full. Nothing was saved; "
            "please try again later or tell the administrator."
        ),
        code="disk_full",
    )


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = Path(full_path).exists() or Path(full_path).is_symlink()
        try:
            return super()._save(name, content)
        except OSError as exc:
            if exc.errno not in DISK_FAULTS:
                raise
            if not existed:
                try:
                    Path(full_path).unlink(missing_ok=True)
                except OSError:
                    logger.exception("could not remove the partly written file %s", full_path)
            logger.error(
                "file not stored: %s (errno %s, %s)",
                full_path,
                errno.errorcode.get(exc.errno, exc.errno),
                exc.strerror,
            )
            raise disk_full_error() from exc
