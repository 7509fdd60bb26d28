"""`make bench`: every figure against its floor, measured side by side in one run.

Prints one table and writes it into docs/benchmarks.md (between the markers of
its "Latest run" section) with the machine it ran on. Nothing here passes or
fails: the suite asserts behaviour, this measures speed.

    python -m tests.bench.run            # everything (about half an hour)
    python -m tests.bench.run core gui   # some sections only; the document is not rewritten
"""

from __future__ import annotations

import importlib
import os
import platform
import sqlite3
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.table import Figure, bench_folder  # noqa: E402

SECTIONS = {
    "core": "tests.bench.core_bench",
    "gui": "tests.bench.gui_bench",
    "io": "tests.bench.io_bench",
    "export": "tests.bench.export_bench",
    "cli": "tests.bench.start_bench",
    "server": "tests.bench.server_bench",
}
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def machine() -> str:
    """The machine and the versions the figures were measured with."""
    import PySide6
    import sqlalchemy

    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        ram = f"{memory:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        ram = "unknown memory"
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f} at the start"
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {ram}{load}; "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"PySide6 {PySide6.__version__}, SQLAlchemy {sqlalchemy.__version__}; offscreen Qt")


def shown(value: float, unit: str) -> str:
    if unit == "MiB":
        return f"{value:,.0f} MiB"
    if value >= 10:
        return f"{value:,.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.001:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def row(fig: Figure) -> str:
    floor = f"{shown(fig.floor, fig.unit)} ({fig.floor_name})" if fig.floor is not None else ""
    ratio = "" if fig.ratio is None else (f"{fig.ratio:.2f}×" if fig.ratio >= 0.01 else
                                          f"1/{1 / fig.ratio:,.0f}")
    if fig.target is None:
        target = ""
    elif fig.floor is not None:
        target = f"≤ {fig.target:g}×"
    else:
        target = f"≤ {shown(fig.target, fig.unit)}"
    met = {None: "", True: "met", False: "**not met**"}[fig.met]
    note = f" ({fig.note})" if fig.note and not fig.note.startswith("(") else (
        f" {fig.note}" if fig.note else "")
    return f"| {fig.name}{note} | {fig.size} | {shown(fig.ours, fig.unit)} | {floor} | {ratio} | " \
           f"{target} | {met} |"


def table(figures: list[Figure]) -> str:
    lines = ["| figure | size | ours | floor, same run | ratio | target | |",
             "|---|---|---|---|---|---|---|"]
    lines += [row(f) for f in figures]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    chosen = argv or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        print(f"bench: no section named {', '.join(unknown)} (sections: {', '.join(SECTIONS)})",
              file=sys.stderr)
        return 2
    with bench_folder() as folder:
        return _run(chosen, folder)


def _run(chosen: list[str], folder: Path) -> int:
    about = machine()
    print(f"Measuring on {about}\nin {folder}")
    figures: list[Figure] = []
    failed: list[str] = []
    began = time.perf_counter()
    for name in chosen:
        start = time.perf_counter()
        print(f"\n== {name}", flush=True)
        try:
            module = importlib.import_module(SECTIONS[name])
            found = module.measure(folder)
        except Exception as exc:  # noqa: BLE001 - one section failing must not lose the others
            print(f"bench: the {name} section failed: {exc!r}", file=sys.stderr, flush=True)
            failed.append(name)
            continue
        for fig in found:
            print(row(fig), flush=True)
        figures += found
        print(f"({name}: {time.perf_counter() - start:.0f} s)", flush=True)
    text = table(figures)
    print("\nAll sections together:\n" + text)
    if failed:
        print(f"\nNot written to {DOC.relative_to(ROOT)}: {', '.join(failed)} failed.")
        return 1
    if chosen == list(SECTIONS):
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        block = (f"{START}\nMeasured {when} on {about}; the whole run took "
                 f"{(time.perf_counter() - began) / 60:.0f} minutes.\n\n{text}\n{END}")
        doc = DOC.read_text("utf-8")
        if START in doc and END in doc:
            doc = doc[:doc.index(START)] + block + doc[doc.index(END) + len(END):]
        else:
            doc = doc.rstrip() + "\n\n## Latest run\n\n" + block + "\n"
        DOC.write_text(doc, "utf-8")
        print(f"\nWritten to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
