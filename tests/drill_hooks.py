"""Test-only hooks that hold a real worker at a chosen point of its task, so a drill can kill
it there (SIGKILL) deterministically. They are named by a worker's environment only
(TEST_FILE_STORAGE, TEST_EMAIL_BACKEND); production code is unchanged and never sees them.

``IAAR_DRILL_PAUSE_AT``: ``pdf`` (a stored file whose name contains ``IAAR_DRILL_PAUSE_FILE``
has been written, its row not yet committed) or ``mail`` (the mail has been handed to the mail
server — a file in ``EMAIL_FILE_PATH`` — the task not yet returned). There the hook writes the
file ``IAAR_DRILL_MARK`` and sleeps ``IAAR_DRILL_PAUSE_SECONDS`` (60 by default).
"""

import os
import time
from pathlib import Path

from celery import shared_task
from django.core.mail.backends.filebased import EmailBackend

from core.storage import SafeFileSystemStorage


def _pause(point: str, detail: str) -> None:
    if os.environ.get("IAAR_DRILL_PAUSE_AT") != point:
        return
    Path(os.environ["IAAR_DRILL_MARK"]).write_text(detail)
    time.sleep(float(os.environ.get("IAAR_DRILL_PAUSE_SECONDS", "60")))


class PausingStorage(SafeFileSystemStorage):
    def _save(self, name, content):
        stored = super()._save(name, content)
        if os.environ.get("IAAR_DRILL_PAUSE_FILE", "\0") in stored:
            _pause("pdf", stored)
        return stored


class PausingFileEmailBackend(EmailBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        _pause("mail", f"{sent} message(s)")
        return sent


@shared_task(name="tests.drill_hooks.nap")
def nap(seconds: float) -> int:
    """A task that takes its time, so that every child of a prefork worker gets one (a worker
    loads it with ``--include tests.drill_hooks``)."""
    time.sleep(seconds)
    return os.getpid()
