"""File formats: the case bundle, Excel workbooks, PARC ACH projects, CSV, source files.

No Qt and no ORM here.

Every writer goes through :func:`write_atomically` (or :func:`write_file`): a
failed write leaves the previous file, or none, never a part of one.

Every reader goes through :func:`open_limited` or :func:`read_limited`: a file
is refused by its type before it is opened (a pipe or a device would block or
never end), and it is read in chunks that stop one byte past the limit, so the
size a file claims never decides how much is read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sat_tool.domain.text import translate

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""

READ_CHUNK = 1024 * 1024
"""Bytes read at a time by :func:`read_limited`."""

_MIB = 1024 * 1024


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None: nothing more to say)."""
    if stat.S_ISDIR(mode):
        return translate("Formats", "a folder")
    if stat.S_ISFIFO(mode):
        return translate("Formats", "a pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("Formats", "a device")
    if stat.S_ISSOCK(mode):
        return translate("Formats", "a socket")
    return None


def _not_regular(path: Path, mode: int, what: str, error: type[ValueError]) -> ValueError:
    kind = _kind(mode)
    if kind is None:
        text = translate("Formats", "{file} is not a regular file; {what} are read only from "
                         "regular files")
    else:
        text = translate("Formats", "{file} is {kind}, not a regular file; {what} are read only "
                         "from regular files")
    return error(text.format(file=path.name, kind=kind, what=translate("Formats", what)))


def _unreadable(path: Path, exc: OSError, error: type[ValueError]) -> ValueError:
    return error(translate("Formats", "cannot read {path}: {reason}").format(
        path=path, reason=exc.strerror or exc))


def check_regular(path: Path, what: str, error: type[ValueError]) -> os.stat_result:
    """The status of ``path`` (links followed) if it is a regular file; ``error`` otherwise.

    Nothing is opened: a pipe, a device (``/dev/zero``), a folder, or a link to
    one is refused by its type. ``what`` names the kind of file in the plural
    ("PARC files are read only from regular files"), in English: it is translated in the
    context "Formats", where the callers mark it with ``QT_TRANSLATE_NOOP``.
    """
    path = Path(path)
    try:
        status = os.stat(path)
    except OSError as exc:
        raise _unreadable(path, exc, error) from None
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(path, status.st_mode, what, error)
    return status


def _amount(limit: int) -> str:
    """A size limit in words: MiB, or bytes below one MiB."""
    if limit >= _MIB:
        return translate("Formats", "{count} MiB").format(count=limit // _MIB)
    return translate("Formats", "{count} bytes").format(count=f"{limit:,}")


def _too_large(path: Path, size: int, limit: int, what: str, error: type[ValueError]) -> ValueError:
    return error(translate("Formats", "{file} is {size} MiB; {what} are limited to {limit}").format(
        file=path.name, size=size // _MIB, what=translate("Formats", what), limit=_amount(limit)))


def open_limited(path: Path, limit: int, what: str, error: type[ValueError]) -> BinaryIO:
    """An open binary file, checked to be a regular file of at most ``limit`` bytes.

    The type is checked before opening and again on the open file (so a file
    swapped for a pipe in between cannot block); the caller closes the file.
    """
    path = Path(path)
    status = check_regular(path, what, error)
    if status.st_size > limit:
        raise _too_large(path, status.st_size, limit, what, error)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(path, exc, error) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, status.st_mode, what, error)
        if status.st_size > limit:
            raise _too_large(path, status.st_size, limit, what, error)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path, limit: int, what: str, error: type[ValueError]) -> bytes:
    """A file's bytes, refused with ``error`` when larger than ``limit`` or unreadable.

    ``what`` names the kind of file in the message ("case bundles are limited to …").
    The limit holds for the bytes actually read, whatever size the file reports.
    """
    path = Path(path)
    with open_limited(path, limit, what, error) as handle:
        chunks: list[bytes] = []
        total = 0
        try:
            while True:
                chunk = handle.read(min(READ_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise error(translate(
                        "Formats", "{file} holds more than {limit}; {what} are limited to {limit}"
                    ).format(file=path.name, limit=_amount(limit), what=translate("Formats", what)))
        except OSError as exc:
            raise _unreadable(path, exc, error) from None
    return b"".join(chunks)


# ---------------------------------------------------------------- writing files safely


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Have ``write`` fill a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is hidden, uniquely named and in the same folder (so the
    rename is atomic). Its data reach the disk before the rename. On any failure,
    a full disk or an error of the library writing the file, the temporary file
    is removed, ``path`` stays as it was (absent or its previous version) and the
    exception propagates.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name[:200]}.{uuid.uuid4().hex[:8]}.part")
    try:
        write(tmp)
        _sync(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file (it must not exist yet)."""
    with open(path, "xb") as out:
        out.write(data)


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or leave it as it was (see :func:`write_atomically`)."""
    write_atomically(Path(path), lambda tmp: write_bytes(tmp, data))


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
