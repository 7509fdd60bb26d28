"""Turning any failure into one sentence for the user, with the details in a log file.

Database and file-system errors carry library text (SQL, driver messages,
links) that means nothing to an analyst. :func:`describe` gives the sentence
to show instead: what happened and what to do. Everything else, the
traceback included, goes to the log file under the user's data folder
(:func:`log_path`), and sentences about unexpected failures name that file.
The file is opened when the first record is written, so a command that logs
nothing neither creates nor opens it. No Qt here: the CLI and the GUI share it.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

ENV_LOG_DIR = "SAT_TOOL_LOG_DIR"
LOGGER = logging.getLogger("sat_tool")


class UserError(Exception):
    """A failure whose message is already a sentence fit for the user."""


def log_path() -> Path:
    """The log file: ``sat-tool.log`` in ``$SAT_TOOL_LOG_DIR`` or the user's log folder."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        folder = Path(env).expanduser()
    else:
        import platformdirs

        folder = platformdirs.user_log_path("sat-tool", appauthor=False)
    return folder / "sat-tool.log"


_configured = False
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _LogFile(logging.Handler):
    """The rotating log file (1 MiB × 3), opened when the first record arrives.

    If the file cannot be opened, records go nowhere from then on: a log that
    cannot be written never stops the program.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        # Called with this handler's lock held (logging.Handler.handle), so it opens once.
        wanted = log_path()
        if wanted != self.path:  # the log folder was set anew: follow it, as the messages do
            if self._file is not None:
                self._file.close()
            self.path, self._file = wanted, None
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = RotatingFileHandler(
                    self.path, maxBytes=1 << 20, backupCount=3, encoding="utf-8")
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging() -> Path:
    """Send the ``sat_tool`` logger to the log file (rotating, 1 MiB × 3); returns its path.

    The file and its folder are made when the first record is written. A log that
    cannot be written never stops the program: records then go nowhere.
    """
    global _configured
    path = log_path()
    if _configured:
        return path
    _configured = True
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter(_FORMAT))
    LOGGER.addHandler(handler)
    # The database driver's own warnings (a connection closed mid-error …) are details too:
    # to the log, never to the user's terminal.
    driver = logging.getLogger("psycopg")
    driver.setLevel(logging.WARNING)
    driver.propagate = False
    driver.addHandler(handler)
    return path


def _driver_error(exc: BaseException) -> BaseException | None:
    """The DB-API error inside a SQLAlchemy wrapper, or the error itself if it is one."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error):
            return exc
        orig = getattr(exc, "orig", None)
        if isinstance(orig, BaseException):
            exc = orig
        else:
            exc = exc.__cause__  # type: ignore[assignment]
        seen += 1
    return None


def _is_database_error(exc: BaseException) -> bool:
    return _driver_error(exc) is not None or type(exc).__module__.startswith("sqlalchemy")


BUSY_SENTENCE = QT_TRANSLATE_NOOP(
    "Errors", "The workspace is busy: another program has been writing to it for more than ten "
    "seconds. Nothing was changed; try again in a moment.")
READ_ONLY_SENTENCE = QT_TRANSLATE_NOOP(
    "Errors", "The workspace cannot be written: the file or its folder is read-only. "
    "Nothing was changed.")
DISK_FULL_SENTENCE = QT_TRANSLATE_NOOP(
    "Errors", "The disk holding the workspace is full. Nothing was changed; free some space and "
    "try again.")
# The sentences above are in English: translate them in the context "Errors" where they are shown.
_DATABASE_SENTENCES: tuple[tuple[str, str], ...] = (
    ("row-level security", QT_TRANSLATE_NOOP(
        "Errors", "The team server refused this edit: you may change only your own ratings, "
        "probabilities and history (and those merged from colleagues without a login). Nothing "
        "was changed.")),
    ("permission denied", QT_TRANSLATE_NOOP(
        "Errors", "The team server does not let your login make this change; nothing was "
        "changed. The workspace's administrator can grant it (sat-tool admin).")),
    ("database is locked", BUSY_SENTENCE),
    ("database table is locked", BUSY_SENTENCE),
    ("readonly database", READ_ONLY_SENTENCE),
    ("read-only", READ_ONLY_SENTENCE),
    ("disk is full", DISK_FULL_SENTENCE),
    ("database or disk is full", DISK_FULL_SENTENCE),
    ("malformed", QT_TRANSLATE_NOOP(
        "Errors", "The workspace file is damaged. Nothing was changed; restore it from a backup copy.")),
    ("file is not a database", QT_TRANSLATE_NOOP(
        "Errors", "The workspace file is not an SQLite database, or it is damaged. Nothing was changed.")),
    ("disk i/o error", QT_TRANSLATE_NOOP(
        "Errors", "The workspace could not be read or written (a disk error). Nothing was changed; "
        "check the disk and try again.")),
    ("unable to open database", QT_TRANSLATE_NOOP(
        "Errors", "The workspace file could not be opened: check that it exists and that you may read it.")),
    ("foreign key constraint", QT_TRANSLATE_NOOP(
        "Errors", "That edit refers to something another window or program has just removed. Nothing was "
        "changed; the view now shows the workspace as it is.")),
    ("unique constraint", QT_TRANSLATE_NOOP(
        "Errors", "That edit clashes with a change another window or program has just made. Nothing was "
        "changed; the view now shows the workspace as it is.")),
)


def _failed(doing: str, sentence: str) -> str:
    """``sentence``, after "<doing> failed: " when an operation is named."""
    if not doing:
        return sentence
    return translate("Errors", "{doing} failed: {reason}").format(doing=doing, reason=sentence)


def _os_sentence(exc: OSError) -> str:
    """The sentence about a file-system error."""
    file = exc.filename
    if exc.errno == errno.ENOSPC:
        if file:
            return translate("Errors", "The disk is full (writing {file}); free some space and "
                             "try again.").format(file=file)
        return translate("Errors", "The disk is full (writing); free some space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if file:
            return translate("Errors", "Permission was denied for {file}: check who may write "
                             "there.").format(file=file)
        return translate("Errors", "Permission was denied for a file: check who may write there.")
    reason = exc.strerror or translate("Errors", "A file-system error")
    reason = f"{reason[:1].upper()}{reason[1:]}"
    if file:
        return translate("Errors", "{reason} ({file}).").format(reason=reason, file=file)
    return translate("Errors", "{reason}.").format(reason=reason)


def describe(exc: BaseException, doing: str = "") -> str:
    """One sentence about ``exc`` for the user; logs the details.

    ``doing`` names the operation ("Rate CC", "Import case.xlsx") and starts the
    sentence when the failure is not one the user caused on purpose.
    """
    setup_logging()
    prefix = f"{doing} failed: " if doing else ""
    if isinstance(exc, UserError):
        LOGGER.info("%s%s", prefix, exc)
        return _failed(doing, str(exc))
    if _is_database_error(exc):
        LOGGER.error("%sdatabase error", prefix, exc_info=exc)
        text = str(_driver_error(exc) or exc).lower()
        for needle, sentence in _DATABASE_SENTENCES:
            if needle in text:
                return _failed(doing, translate("Errors", sentence))
        return _failed(doing, translate(
            "Errors", "The workspace database reported an error; nothing was changed. "
            "Details are in {log}.").format(log=log_path()))
    if isinstance(exc, MemoryError):
        LOGGER.error("%sout of memory", prefix, exc_info=exc)
        return _failed(doing, translate(
            "Errors", "There was not enough memory for this operation; nothing was changed."))
    if isinstance(exc, OSError):
        LOGGER.error("%sfile error", prefix, exc_info=exc)
        return _failed(doing, _os_sentence(exc))
    LOGGER.error("%sunexpected error", prefix, exc_info=exc)
    return _failed(doing, translate(
        "Errors", "An unexpected error stopped this operation and nothing was changed. "
        "Details are in {log}.").format(log=log_path()))
