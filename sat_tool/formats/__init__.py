"""File formats: the case bundle, Excel workbooks, PARC ACH projects, CSV, source files.

No Qt and no ORM here.
"""

from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def read_limited(path: Path, limit: int, what: str, error: type[ValueError]) -> bytes:
    """A file's bytes, refused with ``error`` when larger than ``limit`` or unreadable.

    ``what`` names the kind of file in the message ("case bundles are limited to …").
    """
    mib = 1024 * 1024
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path.name} is {size // mib} MiB; {what} are limited to {limit // mib} MiB")
        return path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None
