"""The ``sat-tool`` command: the GUI with no sub-command, headless work with one.

Sub-commands use the same services as the GUI; the editing commands (``rate``,
``add-evidence`` …) edit through :class:`~sat_tool.services.editor.CaseEditor`,
one committed transaction each, exactly as the GUI does. Errors print one line
on stderr and exit with status 2; nothing is changed in the workspace. No
failure reaches the user as a traceback: unexpected ones are described in one
sentence by :func:`sat_tool.errors.describe`, which logs the details. A reader
that stops reading (``sat-tool score 1 --json | head``) ends the command quietly,
with status 141 as for any Unix tool whose output pipe closed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sat_tool import __version__
from sat_tool.domain.probability import likelihood_text, shift_text
from sat_tool.domain.model import (
    Case,
    Evidence,
    EvidenceType,
    Hypothesis,
    Level,
    Matrix,
    Rating,
    ScoringMode,
    SourceId,
    clean_origin,
    describe_damage,
    locate_quote,
    valid_date,
)
from sat_tool.errors import describe, setup_logging
from sat_tool.services import cases as svc
from sat_tool.settings import Preferences
from sat_tool.store.workspace import resolve_location
from sat_tool.store import CaseNotFound, Workspace, WorkspaceError
from sat_tool.store.problems import NeedsUpgrade

if TYPE_CHECKING:
    from sat_tool.services.editor import CaseEditor

EXIT_ERROR = 2
EXIT_PIPE_CLOSED = 141
"""The status of a command whose reader closed the output pipe (128 + SIGPIPE, as a shell reports)."""


class CliError(Exception):
    """A problem to report on one line, exiting with status 2."""


class _Parser(argparse.ArgumentParser):
    """Reports a mistyped command line in one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"sat-tool: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sat-tool``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
        help="workspace database file, sqlite:/// URL, or team server "
             "postgresql+psycopg://ROLE@HOST/DATABASE (default: $SAT_TOOL_WORKSPACE, "
             "else workspace.sqlite in the user data folder)",
    )
    parser = _Parser(
        prog="sat-tool", parents=[common],
        description="SAT Tool: Analysis of Competing Hypotheses and other structured analytic "
                    "techniques. With no command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[common], help="open the desktop application (the default)")
    sub.add_parser("cases", parents=[common], help="list the cases in the workspace")
    sub.add_parser("sample", parents=[common],
                   help="put the prebuilt sample case in the workspace (once) and print its id")
    desktop = sub.add_parser("install-desktop",
                             help="add SAT Tool to the desktop's menus (Linux): its .desktop "
                                  "file, icons and AppStream metadata in ~/.local/share")
    desktop.add_argument("--data-home", type=Path, metavar="FOLDER",
                         help="where to put them (default: $XDG_DATA_HOME or ~/.local/share)")

    imp = sub.add_parser("import", parents=[common],
                         help="import a case bundle, workbook or PARC ACH file; prints the new case id")
    imp.add_argument("file", type=Path,
                     help="a case bundle (.json), an Excel workbook (.xlsx) or a PARC ACH project (.achz)")
    imp.add_argument("--dry-run", action="store_true",
                     help="print how a hand-made workbook would be read, and import nothing")
    imp.add_argument("--sheet", action="append", default=[], metavar="NAME",
                     help="a workbook's sheet to import as a matrix (repeat for several; "
                          "default: every sheet that is one)")
    imp.add_argument("--header-row", type=int, metavar="N",
                     help="the row that holds the headers, in the sheets named with --sheet "
                          "(in every sheet without it)")
    imp.add_argument("--column", action="append", default=[], metavar="LETTER=ROLE",
                     help="what a column holds, in the sheets named with --sheet (in every sheet "
                          "without it): evidence, hypothesis, credibility, relevance, type, "
                          "date, source, notes, category, number or ignore")

    merge = sub.add_parser("merge", parents=[common],
                           help="merge a colleague's copy of a case (a bundle exported from it): "
                                "their ratings as theirs, what they added, conflicts as you choose")
    merge.add_argument("file", type=Path, help="the colleague's case bundle (.json)")
    merge.add_argument("--dry-run", action="store_true",
                       help="print what the merge would do and every conflict; write nothing")
    merge.add_argument("--theirs", action="store_true",
                       help="take the copy's value of every conflict (default: keep ours)")
    merge.add_argument("--take", metavar="N,N…",
                       help="take the copy's value of these conflicts (numbers as listed)")
    merge.add_argument("--analyst", metavar="NAME", help="who makes the merge, for the history")

    admin = sub.add_parser("admin", parents=[common],
                           help="set up a team workspace on a PostgreSQL server (as its owner)")
    admin.add_argument("action", choices=["init", "add-analyst", "analysts", "share"],
                       help="init: make the schema and its row-level security; add-analyst: "
                            "give an analyst a login; analysts: list them; share: share a case "
                            "with a role (--case, --role, --level)")
    admin.add_argument("--case", help="the case to share: its id or exact title (share)")
    admin.add_argument("--level", choices=["write", "read", "none"],
                       help="write, read (an observer or a reviewer) or none (share)")
    admin.add_argument("name", nargs="?", help="the analyst's name (add-analyst)")
    admin.add_argument("--role", help="the analyst's login role (add-analyst), or the role to "
                                      "share with (share)")
    admin.add_argument("--password-file", type=Path, metavar="FILE",
                       help="a file holding the new role's password (else: set it with psql, or "
                            "log in with a certificate)")

    calibration_help = ("Brier scores and calibration of the analyst's probabilities and of the "
                        "tool's posteriors across every closed matrix")
    calib = sub.add_parser("calibration", parents=[common], help=calibration_help,
                           description=f"{calibration_help}: each closed matrix's snapshots up to "
                           "its closing are its forecasts, scored against the outcome recorded "
                           "with `close` (0 is perfect, 2 the worst).")
    calib.add_argument("--json", action="store_true", help="print JSON instead of text")

    score = sub.add_parser("score", parents=[common], help="print the scores of a case's matrices")
    score.add_argument("case", help="case id or exact title")
    score.add_argument("--matrix", help="matrix number (1, 2 …) or exact question")
    score.add_argument("--mode", choices=[m.value for m in ScoringMode],
                       help="rank by this score instead of each matrix's own scoring mode")
    score.add_argument("--json", action="store_true", help="print JSON instead of a table")

    sens = sub.add_parser("sensitivity", parents=[common],
                          help="linchpins, fewest changes to change the leader, contributions")
    sens.add_argument("case", help="case id or exact title")
    sens.add_argument("--matrix", help="matrix number (1, 2 …) or exact question")
    sens.add_argument("--mode", choices=[m.value for m in ScoringMode],
                      help="analyse this score instead of each matrix's own scoring mode")
    sens.add_argument("--json", action="store_true", help="print JSON instead of text")

    team = sub.add_parser("team", parents=[common],
                          help="every analyst's ratings together: team scores, who moves the "
                               "leader, the most disputed cells, group probabilities")
    team.add_argument("case", help="case id or exact title")
    team.add_argument("--matrix", help="matrix number (1, 2 …) or exact question")
    team.add_argument("--mode", choices=[m.value for m in ScoringMode],
                      help="rank by this score instead of each matrix's own scoring mode")
    team.add_argument("--disputed", type=int, default=10, metavar="N",
                      help="how many of the most disputed cells to list (default 10; all in JSON)")
    team.add_argument("--analyst", metavar="NAME",
                      help="as this analyst (a blind matrix is shown only to an analyst who has "
                           "rated every cell; default: the name in the preferences)")
    team.add_argument("--json", action="store_true", help="print JSON instead of text")

    hist = sub.add_parser("history", parents=[common],
                          help="who changed which rating, when, from what to what, and why")
    hist.add_argument("case", help="case id or exact title")
    hist.add_argument("--matrix", help="matrix number (1, 2 …) or exact question")
    hist.add_argument("--cell", nargs=2, metavar=("EVIDENCE", "HYPOTHESIS"),
                      help="one cell, as E3 H2 (needs --matrix)")
    hist.add_argument("--analyst", metavar="NAME",
                      help="only changes of this analyst's ratings, or made by them")
    hist.add_argument("--limit", type=int, metavar="N", help="the N most recent changes only")
    hist.add_argument("--json", action="store_true", help="print JSON instead of text")

    exp = sub.add_parser("export", parents=[common], help="export a case to a file")
    exp.add_argument("case", help="case id or exact title")
    exp.add_argument("--format", required=True, choices=svc.EXPORT_FORMATS,
                     help="xlsx and json hold the whole case; achz and csv one matrix; pdf and "
                          "html are reports")
    exp.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    exp.add_argument("--matrix", help="matrix number (1, 2 …) or exact question: the matrix of an "
                                      "achz or csv file (default 1), or the one matrix of a report")
    exp.add_argument("--classification", default="",
                     help="classification banner on every report page (and the PARC classification)")
    _add_edit_commands(sub, common)
    return parser


REFERENCES = ("Evidence items are named by their label (E3) or their database id (id:57); hypotheses "
              "by their label in their matrix (H2, the column's position) or their id (id:12). "
              "Labels ignore letter case. '#57' is accepted for id:57 when quoted.")
MATRIX_HELP = "matrix number (1, 2 …) or exact question; needed when the case has more than one matrix"
LEVELS = "High, Medium or Low (H, M, L)"


def _add_edit_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands that change a case, each one committed edit."""
    editing = argparse.ArgumentParser(add_help=False, parents=[common])
    editing.add_argument("--analyst", metavar="NAME",
                         help="rate as this analyst, who joins the case if new (default: the name "
                              "in the preferences if they have rated the case, else the case's "
                              "first analyst with ratings)")

    def command(name: str, summary: str, references: bool = True) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, parents=[editing], help=summary,
                                description=f"{summary[:1].upper()}{summary[1:]}."
                                + (f" {REFERENCES}" if references else ""))
        parser.add_argument("case", help="case id or exact title")
        return parser

    rate = command("rate", "rate one cell of a matrix, or clear it")
    rate.add_argument("evidence", help="evidence item: E3 or id:57")
    rate.add_argument("hypothesis", help="hypothesis: H2 or id:12")
    rate.add_argument("rating", help="CC, C, N, I, II or NA; '-' or 'clear' clears the cell")
    rate.add_argument("--matrix", help=MATRIX_HELP)
    rate.add_argument("--rationale", metavar="TEXT",
                      help="why this rating (replaces the cell's rationale; '' removes it); "
                           "without it the cell keeps its rationale")

    add_ev = command("add-evidence", "add an evidence item to the case, and to a matrix with --matrix")
    add_ev.add_argument("text", help="the item, in one sentence")
    add_ev.add_argument("--matrix", help="matrix number (1, 2 …) or exact question to include it in "
                                         "(default: the case only)")
    add_ev.add_argument("--relevance", metavar="LEVEL",
                        help=f"relevance to that matrix's question: {LEVELS}; default Medium")
    _evidence_options(add_ev)

    edit_ev = command("edit-evidence", "change fields of an evidence item, or its relevance to a matrix")
    edit_ev.add_argument("evidence", help="evidence item: E3 or id:57")
    edit_ev.add_argument("--text", help="the item, in one sentence")
    _evidence_options(edit_ev)
    edit_ev.add_argument("--relevance", metavar="LEVEL", help=f"relevance to the --matrix question: {LEVELS}")
    edit_ev.add_argument("--matrix", help="the matrix --relevance applies to: " + MATRIX_HELP)

    del_ev = command("delete-evidence", "delete an evidence item from the case and every matrix")
    del_ev.add_argument("evidence", help="evidence item: E3 or id:57")

    add_hyp = command("add-hypothesis", "add a hypothesis as the last column of a matrix")
    add_hyp.add_argument("title", help="a short name shown as the column header")
    add_hyp.add_argument("--matrix", help=MATRIX_HELP)
    add_hyp.add_argument("--description", default="", help="what the hypothesis says in full")

    edit_hyp = command("edit-hypothesis", "change the title or description of a hypothesis")
    edit_hyp.add_argument("hypothesis", help="hypothesis: H2 or id:12")
    edit_hyp.add_argument("--title", help="a short name shown as the column header")
    edit_hyp.add_argument("--description", help="what the hypothesis says in full")
    edit_hyp.add_argument("--matrix", help=MATRIX_HELP)

    del_hyp = command("delete-hypothesis", "delete a hypothesis and its ratings")
    del_hyp.add_argument("hypothesis", help="hypothesis: H2 or id:12")
    del_hyp.add_argument("--matrix", help=MATRIX_HELP)

    add_mat = command("add-matrix", "add a matrix asking a question")
    add_mat.add_argument("question", help="the question its hypotheses answer")

    del_mat = command("delete-matrix", "delete a matrix with its hypotheses and ratings "
                                       "(the evidence stays in the case)")
    del_mat.add_argument("matrix", help="matrix number (1, 2 …) or exact question")

    inc = command("include", "include evidence items of the case as the last rows of a matrix")
    inc.add_argument("evidence", nargs="+", help="evidence items: E3 or id:57")
    inc.add_argument("--matrix", help=MATRIX_HELP)
    inc.add_argument("--relevance", metavar="LEVEL",
                     help=f"their relevance to the matrix's question: {LEVELS}; default Medium")

    lik = command("likelihood", "state P(evidence | hypothesis) for the cells of one evidence row, "
                  "or put them back to the ratings' defaults")
    lik.add_argument("evidence", help="evidence item: E3 or id:57")
    lik.add_argument("values", nargs="+", metavar="H=P",
                     help="a hypothesis and its likelihood, as H1=0.8 or H2=80%%; H3=default puts "
                          "one back; 'default' alone puts the whole row back")
    lik.add_argument("--matrix", help=MATRIX_HELP)

    close = command("close", "record what turned out to be true for a matrix's question, and "
                    "freeze its judgments in a snapshot")
    close.add_argument("hypothesis", help="the hypothesis that proved true (H2 or id:12), or "
                       "'none' when none of them did")
    close.add_argument("--matrix", help=MATRIX_HELP)
    close.add_argument("--date", default="", help="when it was known: 2014, 2014-06 or 2014-06-30")
    close.add_argument("--evidence", default="", metavar="TEXT",
                       help="on what grounds the outcome is known")

    reopen = command("reopen", "take a matrix's recorded outcome back: the question is open again",
                     references=False)
    reopen.add_argument("--matrix", help=MATRIX_HELP)

    blind = command("blind", "rate a matrix blind (each analyst their own hypothesis order, no "
                             "one else's ratings until every cell is rated), or lift it",
                    references=False)
    blind.add_argument("state", choices=["on", "off"], help="on: rate blind; off: lift it")
    blind.add_argument("--matrix", help=MATRIX_HELP)

    exc = command("exclude", "take evidence rows out of a matrix, with their ratings there "
                             "(the items stay in the case)")
    exc.add_argument("evidence", nargs="+", help="evidence items: E3 or id:57")
    exc.add_argument("--matrix", help=MATRIX_HELP)


def _evidence_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--credibility", metavar="LEVEL", help=f"how far the item can be believed: {LEVELS}")
    parser.add_argument("--type", help="OSINT, HUMINT, SIGINT, IMINT, MASINT, Assumption or "
                                       "'Absence of evidence'")
    parser.add_argument("--date", help="when it happened or was reported: 2012-04-18, 2012-04 or 2012")
    parser.add_argument("--notes", help="why this credibility and relevance; caveats")
    parser.add_argument("--source", help="the source it is drawn from: its number in the case's list "
                                         "(1, 2 …), id:N, or its exact title ('' for none)")
    parser.add_argument("--quote", help="the passage of the source the item rests on")
    parser.add_argument("--origin", help="the report the item rests on when that is not simply "
                        "its source (items of one origin count as one line of evidence); "
                        "'' removes it")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    return _main(argv)[0]


def run() -> NoReturn:
    """The ``sat-tool`` program (and ``python -m sat_tool``): :func:`main`, then the process ends.

    After a headless command, once its output is flushed and the exit handlers have
    run, the process ends without freeing its objects one by one: a command that
    loaded a 10,000-row case would otherwise spend a noticeable part of its time
    tearing down memory the operating system reclaims anyway.
    """
    status, headless = _main(None)
    if headless:
        _exit_now(status)
    sys.exit(status)


def _main(argv: Sequence[str] | None) -> tuple[int, bool]:
    """The exit status, and whether the command was a headless one (not the GUI)."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        try:
            from sat_tool.app import run_gui

            return run_gui(getattr(args, "workspace", None)), False
        except Exception as exc:  # the GUI failed to start: one sentence, never a traceback
            return _fail(describe(exc)), False
    setup_logging()
    # A command runs once and ends: the cyclic collector would only traverse, again and
    # again, the large acyclic graph of a loaded case, so it waits until the command is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_command(args), True
    finally:
        if collecting:
            gc.enable()


def install_desktop(data_home: Path | None = None) -> list[Path]:
    """Copy the .desktop file (its command made absolute, so that the menu needs no PATH),
    the icons and the AppStream metadata under ``data_home``; returns the files written."""
    from importlib.resources import as_file, files

    home = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    resources = files("sat_tool.resources")
    command = shutil.which("sat-tool") or str(Path(sys.argv[0]).resolve())
    written = []
    desktop = (resources / "sat-tool.desktop").read_text(encoding="utf-8")
    desktop = desktop.replace("Exec=sat-tool gui", f"Exec={command} gui")
    targets: list[tuple[Path, bytes]] = [(home / "applications" / "sat-tool.desktop",
                                          desktop.encode("utf-8"))]
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with as_file(resources / "icons" / f"sat-tool-{size}.png") as icon:
            targets.append((home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "sat-tool.png",
                            icon.read_bytes()))
    with as_file(resources / "icons" / "sat-tool.svg") as svg:
        targets.append((home / "icons" / "hicolor" / "scalable" / "apps" / "sat-tool.svg",
                        svg.read_bytes()))
    metainfo = "io.github.sat_tool.SatTool.metainfo.xml"
    with as_file(resources / metainfo) as meta:
        targets.append((home / "metainfo" / metainfo, meta.read_bytes()))
    for path, data in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def _run_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "install-desktop":
            try:
                written = install_desktop(args.data_home)
            except OSError as exc:
                raise CliError(f"cannot write the desktop files: {exc.strerror or exc}") from None
            print(f"Added SAT Tool to the desktop's menus: {len(written)} files under "
                  f"{written[0].parents[1]}")
            return 0
        if args.command == "import" and args.dry_run:
            _read_case_file(args.file, args)
            print(f"{args.file.name}: nothing was imported (--dry-run)")
            return 0
        if args.command == "import" and not _workspace_exists(args):
            # No workspace yet: read and check the file first, so that a refused file
            # leaves no new workspace behind.
            args.read = _read_case_file(args.file, args)
        with _open_workspace(args) as workspace:
            status = COMMANDS[args.command](workspace, args)
        sys.stdout.flush()  # a closed pipe is reported here, not at exit
        return status
    except BrokenPipeError:
        return _reader_gone()
    except CliError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("sat-tool: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # every other failure becomes one sentence; describe() logs it
        return _fail(describe(exc))


def _reader_gone() -> int:
    """The output pipe was closed by its reader: stop quietly, as other Unix tools do.

    Whatever is still buffered for stdout goes to the null device, so that flushing
    it at exit raises nothing either.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            descriptor = stream.fileno()
        except (AttributeError, OSError, ValueError):
            continue  # not a file descriptor (a test's capture, say): nothing to redirect
        try:
            stream.flush()
        except OSError:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, descriptor)
            os.close(null)
    return EXIT_PIPE_CLOSED


def _exit_now(status: int) -> NoReturn:
    """End the process with ``status`` once its output is out and its exit handlers have run."""
    import atexit
    import threading

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = _reader_gone()
    except OSError:
        status = status or 120  # output lost (a full disk, say): the status Python gives then
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if threading.active_count() > 1 or run_exit_handlers is None:
        sys.exit(status)  # a thread still running is waited for, as at a normal exit
    run_exit_handlers()  # logging's among them, which closes the log file
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass
    os._exit(status)


def _fail(message: str) -> int:
    try:
        print(f"sat-tool: {' '.join(message.splitlines())}", file=sys.stderr)
    except BrokenPipeError:
        return _reader_gone()
    return EXIT_ERROR


READ_ONLY_COMMANDS = ("cases", "score", "sensitivity", "export", "calibration", "team",
                      "history")
"""Commands that only read: they open the workspace read-only and never create, write or upgrade it."""


def _open_workspace(args: argparse.Namespace) -> Workspace:
    location = getattr(args, "workspace", None)
    try:
        try:
            making = args.command in ("import", "sample") or (
                args.command == "admin" and args.action != "analysts")
            workspace = Workspace.open(location, create=making,
                                       read_only=args.command in READ_ONLY_COMMANDS)
        except NeedsUpgrade:
            # An earlier release's workspace can only be read once upgraded: upgrade it, with
            # its backup copy, and say so below.
            workspace = Workspace.open(location, create=False)
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None
    if workspace.notice:
        print(f"sat-tool: {workspace.notice}", file=sys.stderr)
    return workspace


def cmd_sample(workspace: Workspace, _args: argparse.Namespace) -> int:
    """Put the prebuilt sample case in the workspace (the first time) and print its id."""
    print(svc.open_sample(workspace))
    return 0


def cmd_cases(workspace: Workspace, _args: argparse.Namespace) -> int:
    """List the cases: id, matrices, evidence, title."""
    summaries = svc.list_cases(workspace)
    if not summaries:
        print("No cases in this workspace. Import one with: sat-tool import FILE, or put the "
              "sample case in with: sat-tool sample")
        return 0
    print(f"{'id':>4}  {'matrices':>8}  {'evidence':>8}  title")
    for s in summaries:
        shared = "  (read only)" if s.access == "read" else ""
        print(f"{s.id:>4}  {s.matrices:>8}  {s.evidence:>8}  {s.title}{shared}")
    return 0


def _workspace_exists(args: argparse.Namespace) -> bool:
    try:
        return resolve_location(getattr(args, "workspace", None))[1].exists()
    except WorkspaceError:
        return True  # let opening it say what is wrong


def _read_case_file(path: Path, args: argparse.Namespace | None = None) -> tuple:
    """The case read from ``path``; for a workbook, as the import options say, with the report
    of how it was read printed (on standard error, or standard output for --dry-run)."""
    choice = _import_choice(args) if args is not None else None
    report: list[str] = []
    try:
        read = svc.read_case_file(path, choice, report)
    except svc.CaseFileError as exc:
        raise CliError(str(exc)) from None
    stream = sys.stdout if args is not None and args.dry_run else sys.stderr
    for line in report:
        print(line, file=stream)
    return read


def _import_choice(args: argparse.Namespace) -> Any:
    """The sheets, header row and column roles given on the command line (None: none given)."""
    if not (args.sheet or args.header_row is not None or args.column):
        return None
    if args.file.suffix.lower() != ".xlsx":
        raise CliError("--sheet, --header-row and --column apply to Excel workbooks (.xlsx)")
    from sat_tool.formats.sheet_layout import Role, column_number
    from sat_tool.formats.xlsx_import import ImportChoice

    roles = {}
    for given in args.column:
        letter, sep, role = given.partition("=")
        if not sep or not letter.strip() or not role.strip():
            raise CliError(f"--column {given}: give a column letter and a role, as LETTER=ROLE "
                           "(for instance E=credibility)")
        try:
            roles[column_number(letter)] = Role.parse(role)
        except ValueError as exc:
            raise CliError(f"--column {given}: {exc}") from None
    if args.header_row is not None and args.header_row < 1:
        raise CliError("--header-row: rows are numbered from 1")
    # --header-row and --column describe the sheets named with --sheet (every sheet without)
    targets = tuple(args.sheet) or ("",)
    return ImportChoice(tuple(args.sheet),
                        {t: args.header_row for t in targets} if args.header_row is not None else {},
                        {t: dict(roles) for t in targets} if roles else {})


def cmd_import(workspace: Workspace, args: argparse.Namespace) -> int:
    """Import a bundle, workbook or PARC project and print the new case's id."""
    read = getattr(args, "read", None) or _read_case_file(args.file, args)
    case_id = svc.add_case(workspace, *read)
    print(case_id)
    return 0


def cmd_merge(workspace: Workspace, args: argparse.Namespace) -> int:
    """Merge a colleague's copy of a case into it (see docs/team.md)."""
    from sat_tool.domain.merge import NotACopy
    from sat_tool.services.editor import CaseEditor

    if args.file.suffix.lower() != ".json":
        raise CliError(f"{args.file.name}: only a case bundle (.json) carries the ids a merge "
                       "needs; import a workbook or a PARC file as a case of its own")
    theirs, _snapshots = _read_case_file(args.file)
    case_id = svc.copy_of(workspace, theirs)
    if case_id is None:
        raise CliError(f"{args.file.name} is not a copy of any case in this workspace; "
                       "`sat-tool import` adds it as a new case")
    editor = CaseEditor.open(workspace, case_id, _analyst(args))
    try:
        plan = editor.plan_merge(theirs)
    except NotACopy as exc:
        raise CliError(f"{args.file.name}: {exc}") from None
    title = editor.case.title
    if not args.dry_run:  # before the plan is printed as if it would be made
        workspace.refuse_read_only_case(case_id)
    if plan.nothing:
        print(f"{args.file.name} brings nothing that case {case_id} ({title}) does not have.")
        return 0
    if args.theirs and args.take:
        raise CliError("give --theirs or --take, not both")
    take: set[str] = set()
    if args.theirs:
        take = {c.key for c in plan.conflicts}
    elif args.take:
        try:
            numbers = [int(n) for n in args.take.replace(" ", "").split(",") if n]
        except ValueError:
            raise CliError(f"--take {args.take!r}: give conflict numbers as listed, such as 1,3"
                           ) from None
        wrong = [n for n in numbers if not 1 <= n <= len(plan.conflicts)]
        if wrong:
            raise CliError(f"--take: there is no conflict {wrong[0]} (there are "
                           f"{len(plan.conflicts)})")
        if len(set(numbers)) != len(numbers):
            raise CliError(f"--take {args.take!r} names a conflict twice")
        take = {plan.conflicts[n - 1].key for n in numbers}
    parts = []
    for count, one, many in ((len(plan.new_sources), "source", "sources"),
                             (len(plan.new_evidence), "evidence item", "evidence items"),
                             (len(plan.new_matrices), "matrix", "matrices"),
                             (len(plan.new_hypotheses), "hypothesis", "hypotheses"),
                             (len(plan.new_rows), "matrix row", "matrix rows")):
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    in_new = {u: len(own) for m in plan.new_matrices for u, own in m.team.items() if own}
    ratings = plan.rating_count + plan.new_cell_ratings + sum(in_new.values())
    if ratings:
        whose = sorted({plan.names.get(u, u) for u in [*plan.ratings, *in_new]}
                       | plan.rated_by_new)
        parts.append(f"{ratings} rating{'s' if ratings != 1 else ''}"
                     + (f" ({plan.newer} newer than ours)" if plan.newer else "")
                     + (f" by {', '.join(whose)}" if whose else ""))
    verb = "would add" if args.dry_run else "adds"
    print(f"Merging {args.file.name} into case {case_id} ({title}): {verb} "
          + (", ".join(parts) if parts else "nothing new") + ".")
    if plan.kept:
        print(f"  {plan.kept} of our ratings changed after the copy's stay as they are.")
    for number, conflict in enumerate(plan.conflicts, 1):
        chosen = "theirs" if conflict.key in take else "ours"
        print(f"  [{number}] {conflict.label}, {conflict.field}: "
              f"ours {_conflict_value(conflict.ours)} | "
              f"theirs {_conflict_value(conflict.theirs)}  → {chosen}")
    if plan.conflicts and not (args.theirs or args.take):
        print("  Conflicts keep our value; --take N,N… or --theirs takes the copy's.")
    if args.dry_run:
        return 0
    result = editor.merge(theirs, take)
    renumbered = {a: b for a, b in result.numbers.items() if a != b}
    if renumbered:
        print("  Their " + ", ".join(f"E{a} is E{b}" for a, b in renumbered.items()) + " here.")
    for matrix_id in result.left_out:
        number = next(i for i, m in enumerate(editor.case.matrices, 1) if m.id == matrix_id)
        print(f"  Their ratings of matrix {number} were left out: it is rated blind and you have "
              "not rated every cell of it yet (the workspace's owner can merge them).")
    print(f"Merged into case {case_id}.")
    return 0


def cmd_admin(workspace: Workspace, args: argparse.Namespace) -> int:
    """Set up a team workspace on a server: its access rules and analysts' logins."""
    from sat_tool.store.workspace import ServerWorkspace

    if not isinstance(workspace, ServerWorkspace):
        raise CliError("`sat-tool admin` sets up a team workspace on a PostgreSQL server: give "
                       "--workspace postgresql+psycopg://owner@host/database")
    if args.action == "init":
        workspace.install_access()
        print(f"{workspace.location} is ready for a team: schema {workspace.schema_version}, "
              "row-level security installed; add analysts with `sat-tool admin add-analyst`.")
        return 0
    if args.action == "share":
        if not args.case or not args.role or not args.level:
            raise CliError("share needs --case, --role and --level")
        try:
            case_id = svc.find_case(workspace, args.case)
        except CaseNotFound as exc:
            raise CliError(exc.args[0] if exc.args else str(exc)) from None
        try:
            workspace.share(case_id, args.role, args.level)
        except WorkspaceError as exc:
            raise CliError(str(exc)) from None
        said = {"write": "to read and change", "read": "to read only", "none": "not at all"}
        print(f"Case {case_id} is shared with {args.role} {said[args.level]}.")
        return 0
    if args.action == "analysts":
        shared = workspace.sharing()
        said = {"read": "read only", "none": "not shared"}
        for analyst in workspace.analysts():
            cases = "; ".join(f"case {c}: {said[level]}" for c, level in shared.get(analyst.role, []))
            print(f"{analyst.name}\t{analyst.role or '(no login: a colleague working offline)'}"
                  + (f"\t{cases}" if cases and analyst.role else ""))
        return 0
    if not args.name or not args.name.strip() or not args.role:
        raise CliError("add-analyst needs the analyst's name and --role ROLE")
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", args.role):
        raise CliError(f"--role {args.role!r}: a role is lower-case letters, digits and _ "
                       "(at most 63), starting with a letter")
    password = None
    if args.password_file is not None:
        try:
            password = args.password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CliError(f"cannot read {args.password_file}: {exc.strerror}") from None
    try:
        found = workspace.add_analyst(args.name.strip(), args.role, password)
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None
    print(f"{found.name} logs in as {found.role} and rates as themself.")
    return 0


def _conflict_value(value: Any) -> str:
    """A conflicting value in one line."""
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        return "/".join("–" if v is None else f"{v:.0%}" for v in value)
    text = " ".join(str(getattr(value, "value", value)).split())
    return repr(text if len(text) <= 70 else text[:69] + "…")


def _case_and_matrices(workspace: Workspace, args: argparse.Namespace,
                       analyst: str | None = None) -> tuple:
    if workspace.analyst is not None and getattr(args, "analyst", None) is None:
        analyst = None  # on a team server: as the analyst the login is, not the preferences
    try:
        case = svc.load_case(workspace, args.case, analyst)
        matrices = svc.select_matrices(case, args.matrix)
    except (CaseNotFound, LookupError) as exc:
        raise CliError(exc.args[0] if exc.args else str(exc)) from None
    if not matrices:
        raise CliError(f"case {case.title!r} has no matrix yet")
    _warn_damage(case)
    return case, matrices


def _warn_damage(case: Case) -> None:
    """Say on stderr which damaged workspace rows were left out (the rest of the case is used)."""
    if case.damaged:
        print(f"sat-tool: warning: {describe_damage(case.damaged)}", file=sys.stderr)


def cmd_score(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's hypotheses with scores and ranks (--json adds evidence diagnosticity)."""
    case, matrices = _case_and_matrices(workspace, args)
    mode = ScoringMode(args.mode) if args.mode else None
    reports = [svc.matrix_report(case, mat, mode) for mat in matrices]
    if args.json:
        print(json_text({"case": case.title, "matrices": reports}))
    else:
        for mat, report in zip(matrices, reports):
            _print_report(case.matrices.index(mat) + 1, report)
    return 0


def cmd_team(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's team view: analysts, team scores, influence, disputes, probabilities."""
    case, matrices = _case_and_matrices(workspace, args, _analyst(args))
    if args.analyst is not None:
        case.rate_as(svc.named_analyst(workspace, case, _analyst(args)))
    mode = ScoringMode(args.mode) if args.mode else None
    _refuse_blind(case, matrices)
    reports = [svc.team_report(case, mat, mode) for mat in matrices]
    if args.json:
        print(json_text({"case": case.title, "matrices": reports}))
        return 0
    for mat, report in zip(matrices, reports):
        _print_team(case.matrices.index(mat) + 1, report, max(args.disputed, 0))
    return 0


def _refuse_blind(case: Case, matrices: list[Matrix]) -> None:
    """CliError when a matrix is rated blind and the analyst has not rated every cell yet."""
    from sat_tool.domain.team import others_hidden

    for mat in matrices:
        if others_hidden(mat):
            left = sum(1 for r in mat.rows for h in mat.hypotheses
                       if (r.evidence_id, h.id) not in mat.ratings)
            name = case.analyst_named(case.analyst).name if case.analyst else "you"
            raise CliError(f"{_matrix_name(case, mat)} is rated blind: {name} sees the others' "
                           f"ratings once every cell is rated ({left} to go)")


def _print_team(number: int, report: dict, disputed: int) -> None:
    print(f"Matrix {number}: {report['question']}")
    analysts = report["analysts"]
    if len(analysts) < 2:
        print("  Only one analyst has rated this matrix, so there is no team view yet.")
        return
    print(f"  {len(analysts)} analysts; rated as {report['rated_as']}; "
          f"team scores ranked by {report['ranked_by']} (the mean of the analysts' scores)")
    for a in analysts:
        agree = ("–" if a["agreement_with_the_rest"] is None
                 else f"{a['agreement_with_the_rest']:.0%}")
        print(f"    {a['name']}: {a['rated']} of {a['cells']} cells rated; "
              f"agrees with the rest of the team on {agree}")
    if report["still_rating"]:
        print(f"  Still rating, left out of the team's scores: {', '.join(report['still_rating'])}")
    names = [n for n in report["hypotheses"][0]["by_analyst"]] if report["hypotheses"] else []
    print(f"  {'rank':>4}  {'team':>7}  {'range':>15}  " + "  ".join(f"{n[:10]:>10}" for n in names)
          + "  hypothesis")
    for h in report["hypotheses"]:
        spread = f"{h['lowest']:.3g}–{h['highest']:.3g}"
        own = "  ".join(f"{h['by_analyst'].get(n, 0):>10.3g}" for n in names)
        print(f"  {h['rank']:>4}  {h['team']:>7.3g}  {spread:>15}  {own}  {h['label']}: {h['title']}")
    moved = False
    for i in report["influence"]:
        if i["changes_alone"]:
            moved = True
            extra = [h for h in i["leaders_alone"] if h not in report["leaders"]]
            if set(report["leaders"]) < set(i["leaders_alone"]):
                print(f"  Taken alone, {i['analyst']}'s ratings would put {', '.join(extra)} "
                      f"level with {', '.join(report['leaders'])}.")
            else:
                print(f"  Taken alone, {i['analyst']}'s ratings would put "
                      f"{', '.join(i['leaders_alone'])} first.")
        if i["changes_without"]:
            moved = True
            print(f"  Without {i['analyst']}, the team would put "
                  f"{', '.join(i['leaders_without'])} first.")
    if not moved:
        print(f"  No one analyst's ratings decide the team's leader "
              f"({', '.join(report['leaders'])}).")
    cells = report["disputed"]
    if not cells:
        print("  The analysts agree on every cell.")
    else:
        print(f"  Most disputed cells ({len(cells)} above consensus):")
        for d in cells[:disputed]:
            given = ", ".join(f"{n} {r}" for n, r in d["ratings"].items())
            print(f"    {d['evidence']} × {d['hypothesis']}: {d['disagreement'].lower()} "
                  f"(spread {d['spread']:.2f}): {given}")
        if len(cells) > disputed:
            print(f"    … and {len(cells) - disputed} more (--disputed N, or --json)")
    probabilities = report["probabilities"]
    for a in probabilities["analysts"]:
        if a["notice"]:
            print(f"  • {a['notice']}")
    if probabilities["group"]:
        tool = probabilities["tool"]
        group = ", ".join(f"{g['label']} {g['mean']:.0%} ±{g['spread']:.0%}"
                          for g in probabilities["group"])
        print(f"  Group probabilities (normalised, then averaged): {group}")
        print(f"  The tool's posteriors from {report['rated_as']}'s ratings: "
              + ", ".join(f"{k} {v:.0%}" for k, v in tool.items()))


def cmd_history(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print the changes of a case's ratings, newest first."""
    # whose eyes: the analyst of the preferences (blind matrices); --analyst only filters
    case, matrices = _case_and_matrices(workspace, args, Preferences.load().analyst)
    _refuse_blind(case, matrices)
    matrix = matrices[0] if args.matrix else None
    cell = None
    if args.cell:
        if matrix is None:
            raise CliError("--cell needs --matrix")
        item = _evidence(case, args.cell[0])
        mat, hyp = _hypothesis(case, args.cell[1], args.matrix)
        _included(case, mat, item)
        cell = (item.id, hyp.id)
    if args.limit is not None and args.limit < 1:
        raise CliError("--limit needs a number of 1 or more")
    changes = svc.history(workspace, case.id, matrix.id if matrix else None, cell,
                          None if args.analyst else args.limit)
    if args.analyst:
        wanted = args.analyst.strip().casefold()
        changes = [c for c in changes if wanted in (c.by.casefold(), c.analyst.casefold())]
        if args.limit is not None:
            changes = changes[:args.limit]
    labels = {m.id: ({e.id: e.label for e in case.evidence},
                     {h.id: f"H{i}" for i, h in enumerate(m.hypotheses, 1)}, n)
              for n, m in enumerate(case.matrices, 1)}
    rows = []
    for change in changes:
        items, hyps, number = labels.get(change.matrix_id, ({}, {}, None))
        where = None
        if change.cell is not None:
            where = (f"{items.get(change.cell[0], 'a deleted item')} × "
                     f"{hyps.get(change.cell[1], 'a deleted hypothesis')}")
        rows.append({"at": change.at, "by": change.by, "kind": change.kind, "matrix": number,
                     "cell": where, "analyst": change.analyst, "before": change.before,
                     "after": change.after, "note": change.note})
    if args.json:
        print(json_text({"case": case.title, "changes": rows}))
        return 0
    if not rows:
        print("No changes recorded.")
    for row in rows:
        if row["kind"] == "blind":
            what = "set blind rating" if row["after"] == "on" else "lifted blind rating"
            print(f"{row['at']}  {row['by']}: {what} in matrix {row['matrix']}")
            continue
        before, after = row["before"] or "unrated", row["after"] or "cleared"
        whose = "" if row["analyst"] == row["by"] else f" ({row['analyst']}'s rating)"
        why = f" — {row['note']}" if row["note"] else ""
        print(f"{row['at']}  {row['by']}: matrix {row['matrix']}, {row['cell']}{whose}: "
              f"{before} → {after}{why}")
    return 0


def json_text(value: Any) -> str:
    """Exactly ``json.dumps(value, ensure_ascii=False, indent=2)``, made about twice as fast.

    ``json`` writes indented text in pure Python; only compact text comes from its C
    encoder. Indented text is compact text whose separators carry the newline and the
    indentation, so each innermost dictionary or list (the bulk of a report: one per
    evidence row) is written by the C encoder in one call, with the separators of its
    depth, and only the levels above it are walked here. JSON text holds no raw
    newline inside a string, so the newlines are exactly the layout.
    """
    parts: list[str] = []
    _json_parts(value, "\n", parts)
    return "".join(parts)


@cache
def _flat_encoder(inner: str) -> Callable[[Any], str]:
    """Compact JSON whose item separator starts a new line indented by ``inner``."""
    return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode


def _json_parts(value: Any, newline: str, parts: list[str]) -> None:
    """Append the indented JSON of ``value``, which starts at the indentation in ``newline``."""
    if isinstance(value, dict):
        opening, closing, items = "{", "}", value.values()
        if not all(isinstance(key, str) for key in value):  # keys json converts: its own way
            parts.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))
            return
    elif isinstance(value, (list, tuple)):
        opening, closing, items = "[", "]", value
    else:
        parts.append(json.dumps(value, ensure_ascii=False))
        return
    if not value:
        parts.append(opening + closing)
        return
    inner = newline + "  "
    if not any(isinstance(item, (dict, list, tuple)) for item in items):
        text = _flat_encoder(inner)(value)
        parts.append(opening + inner + text[1:-1] + newline + closing)
        return
    parts.append(opening)
    separator = inner
    if isinstance(value, dict):
        for key, item in value.items():
            parts.append(separator + json.dumps(key, ensure_ascii=False) + ": ")
            _json_parts(item, inner, parts)
            separator = "," + inner
    else:
        for item in value:
            parts.append(separator)
            _json_parts(item, inner, parts)
            separator = "," + inner
    parts.append(newline + closing)


def _print_report(number: int, report: dict) -> None:
    print(f"Matrix {number}: {report['question']}")
    print(f"  ranked by {report['ranked_by']}"
          + (f"; {report['unrated_cells']} cells unrated" if report["unrated_cells"] else ""))
    print(f"  {'rank':>4}  {'incons.':>7}  {'weighted':>8}  {'prob.':>6}  {'judged':>6}  hypothesis")
    for hyp in sorted(report["hypotheses"], key=lambda h: h["rank"]):
        judged = "" if hyp["judged"] is None else f"{hyp['judged']:.0%}"
        print(f"  {hyp['rank']:>4}  {hyp['inconsistency']:>7}  {hyp['weighted_inconsistency']:>8.3f}"
              f"  {hyp['probability']:>6.1%}  {judged:>6}  {hyp['label']}: {hyp['title']}")
    tied = [h["label"] for h in report["hypotheses"] if h["rank"] == 1]
    if len(tied) > 1:
        print(f"  {', '.join(tied[:-1])} and {tied[-1]} tie for the lead.")
    for note in report["judgment"]:
        print(f"  • {note}")
    print(f"  Note: {report['caveat']}")
    independent = ", ".join(f"{h['label']} {h['probability_items_independent']:.1%}"
                            for h in report["hypotheses"])
    print(f"  Were every item independent: {independent}")
    lines = report["lines_of_evidence"]
    if lines:
        leader = report["probability_leader"]
        print(f"  Lines of evidence ({len(lines)}), the most influential first: how the "
              f"posterior of {leader}, the most probable, moves without each")
        for line in lines:
            after = line["leader_without"]
            shift = line["leader_shift_without"]
            # an item with no source is a line named after itself: no count to add
            count = "" if line["kind"] == "item" else f" ({_count(len(line['evidence']), 'item')})"
            print(f"    {shift_text(shift):>5}  {line['name']}{count}"
                  + (f"; {after} then leads" if after and after != leader else ""))
        print(f"  {report['most_influential_line']}")
    if "outcome" in report:
        outcome = report["outcome"]
        when = f" ({outcome['date']})" if outcome["date"] else ""
        print(f"  Closed{when}: {outcome['hypothesis'] or 'none'} proved true: {outcome['title']}")
        analyst = "–" if outcome["brier_analyst"] is None else f"{outcome['brier_analyst']:.3f}"
        print(f"  Brier score: analyst {analyst}, tool {outcome['brier_tool']:.3f} "
              "(0 perfect, 2 worst)")
    print()


def cmd_sensitivity(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's linchpins, fewest leader-changing re-ratings and contributions."""
    case, matrices = _case_and_matrices(workspace, args)
    mode = ScoringMode(args.mode) if args.mode else None
    reports = [svc.sensitivity_report(case, mat, mode) for mat in matrices]
    if args.json:
        print(json_text({"case": case.title, "matrices": reports}))
        return 0
    for mat, report in zip(matrices, reports):
        print(f"Matrix {case.matrices.index(mat) + 1}: {report['question']}")
        print(f"  by {report['mode']}; leader: {', '.join(report['leader'])}")
        pins = report["linchpins"]
        if not pins:
            print("  No single item changes the ranking when removed.")
        for pin in pins:
            what = ("decides the tie for the lead" if pin.get("decides_tie") else
                    "lets another hypothesis draw level with the leader" if pin.get("draws_level")
                    else "changes the leader" if pin["changes_leader"] else "changes the ranking")
            print(f"  Linchpin {pin['evidence']}: removing it {what}")
        if report["fewest_changes"] is None:
            print("  No re-rating puts a hypothesis from outside the lead alone in it.")
        for change in (report["tie_break"], report["fewest_changes"]):
            if change:
                cells = ", ".join(f"{c['evidence']}×{c['hypothesis']} {c['from'] or '–'}→{c['to']}"
                                  for c in change["changes"])
                print(f"  {change['sentence'][0].upper()}{change['sentence'][1:]}: {cells}")
        if report["most_influential_line"]:
            print(f"  {report['most_influential_line']['sentence']}")
        print()
    return 0


def cmd_calibration(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print the Brier scores and calibration of the closed matrices of the workspace."""
    report = svc.calibration_report(workspace)
    if args.json:
        print(json_text(report))
        return 0
    closed = report["closed_matrices"]
    if not closed:
        print("No matrix is closed yet: record an outcome with 'sat-tool close' once it is known.")
        return 0
    print(f"{len(closed)} closed {'matrix' if len(closed) == 1 else 'matrices'}"
          " (Brier score: 0 is perfect, 2 the worst)")
    print(f"  {'analyst':>7}  {'tool':>6}  question → outcome")
    for entry in closed:
        analyst = "" if entry["brier_analyst"] is None else f"{entry['brier_analyst']:.3f}"
        print(f"  {analyst:>7}  {entry['brier_tool']:>6.3f}  {entry['case']}: {entry['question']}"
              f" → {entry['outcome']}")
    for who in ("analyst", "tool"):
        print(report[who]["sentence"])
        for b in report[who]["bins"]:
            print(f"    {b['from']:.0%}–{b['to']:.0%}: {b['count']} given {b['mean_forecast']:.0%} "
                  f"on average, {b['observed']:.0%} proved true")
    return 0


def cmd_export(workspace: Workspace, args: argparse.Namespace) -> int:
    """Write a case to a file."""
    if args.output.is_dir():
        raise CliError(f"{args.output} is a folder; give a file name")
    if not args.output.parent.exists():
        raise CliError(f"folder {args.output.parent} does not exist")
    if args.matrix is not None and args.format in ("json", "xlsx"):
        raise CliError(f"--matrix applies to achz, csv, pdf and html; a {args.format} file holds "
                       "the whole case")
    try:
        case = svc.export_case(workspace, args.case, args.format, args.output, args.matrix,
                               args.classification)
        _warn_damage(case)
    except (CaseNotFound, LookupError, ValueError) as exc:
        raise CliError(str(exc.args[0])) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    which = ("" if args.matrix or args.format not in svc.MATRIX_FORMATS
             else " (matrix 1; --matrix picks another)")
    print(f"Exported {case.title!r} to {args.output}{which}")
    return 0


# ------------------------------------------------------------------ editing

Step = Callable[["CaseEditor"], str]
Plan = Callable[[Case, argparse.Namespace], "Step | str"]
"""Checks a command's arguments against a case and returns the edit to make (a step that
makes it and says what it did), or the sentence to print when there is nothing to do."""

_REFERENCE = re.compile(r"\s*(?:(?P<kind>[EeHh])(?P<number>\d+)|(?:[Ii][Dd]:|#)\s*(?P<id>\d+))\s*")


def _run_edit(workspace: Workspace, args: argparse.Namespace, plan: Plan) -> int:
    """Check everything against the case as stored, then make the edit through a CaseEditor.

    The first check reads only, so a refused command leaves the workspace as it was. The
    plan is made again on the editor's own copy of the case, in case another window or
    program changed it in between.
    """
    analyst = _analyst(args)
    try:
        case = svc.load_case(workspace, args.case, analyst if args.analyst is not None else None)
    except CaseNotFound as exc:
        raise CliError(exc.args[0] if exc.args else str(exc)) from None
    workspace.refuse_read_only_case(case.id)  # before anything else is checked or said
    step = plan(case, args)
    if isinstance(step, str):
        print(step)
        return 0
    from sat_tool.services.editor import CaseEditor

    editor = CaseEditor.open(workspace, case.id, analyst)
    if args.analyst is not None:  # named on the command line: their own ratings
        editor.analyst = editor.rate_as(analyst).name  # as the workspace spells it
    step = plan(editor.case, args)
    if isinstance(step, str):
        print(step)
        return 0
    try:
        message = step(editor)
    except ValueError as exc:  # the editor's own checks (empty text, already included …)
        raise CliError(str(exc)) from None
    print(message)
    return 0


def _analyst(args: argparse.Namespace) -> str:
    if args.analyst is None:
        return Preferences.load().analyst
    if not args.analyst.strip():
        raise CliError("--analyst needs a name")
    return args.analyst.strip()


def _reference(text: str) -> tuple[str, int]:
    """("E", 3) for E3, ("H", 2) for H2, ("id", 57) for id:57 or #57; ("", 0) otherwise."""
    found = _REFERENCE.fullmatch(text)
    if found is None:
        return "", 0
    if found["id"] is not None:
        return "id", int(found["id"])
    return found["kind"].upper(), int(found["number"])


def _evidence(case: Case, text: str) -> Evidence:
    kind, number = _reference(text)
    if kind == "id":
        item = next((e for e in case.evidence if e.id == number), None)
        if item is None:
            raise CliError(f"case {case.title!r} has no evidence item with id {number}")
        return item
    if kind == "E":
        item = next((e for e in case.evidence if e.number == number), None)
        if item is None:
            raise CliError(f"case {case.title!r} has no evidence item E{number}")
        return item
    what = "is a hypothesis" if kind == "H" else "does not name an evidence item"
    raise CliError(f"{text!r} {what}: give an evidence item's label (E3) or id (id:57)")


def _matrix(case: Case, reference: str | None) -> Matrix:
    """The matrix named by --matrix, or the case's only one."""
    if reference is None:
        if len(case.matrices) == 1:
            return case.matrices[0]
        if not case.matrices:
            raise CliError(f"case {case.title!r} has no matrix yet (sat-tool add-matrix adds one)")
        raise CliError(f"case {case.title!r} has {len(case.matrices)} matrices: choose one with "
                       f"--matrix (1 to {len(case.matrices)}, or its exact question)")
    try:
        return svc.select_matrices(case, reference)[0]
    except LookupError as exc:
        raise CliError(exc.args[0]) from None


def _matrix_name(case: Case, mat: Matrix) -> str:
    return f"matrix {case.matrices.index(mat) + 1}"


def _hypothesis_label(mat: Matrix, hyp: Hypothesis) -> str:
    return f"H{mat.hypotheses.index(hyp) + 1}"


def _hypothesis(case: Case, text: str, matrix_reference: str | None) -> tuple[Matrix, Hypothesis]:
    kind, number = _reference(text)
    if kind == "id":
        found = next(((m, h) for m in case.matrices for h in m.hypotheses if h.id == number), None)
        if found is None:
            raise CliError(f"case {case.title!r} has no hypothesis with id {number}")
        if matrix_reference is not None:
            chosen = _matrix(case, matrix_reference)
            if chosen is not found[0]:
                raise CliError(f"id:{number} is {_hypothesis_label(*found)} of "
                               f"{_matrix_name(case, found[0])}, not of {_matrix_name(case, chosen)}")
        return found
    if kind == "H":
        mat = _matrix(case, matrix_reference)
        if not 1 <= number <= len(mat.hypotheses):
            has = (f"it has H1 to H{len(mat.hypotheses)}" if len(mat.hypotheses) > 1
                   else "it has H1 only" if mat.hypotheses else "it has no hypotheses yet")
            raise CliError(f"{_matrix_name(case, mat)} has no hypothesis H{number} ({has})")
        return mat, mat.hypotheses[number - 1]
    what = "is an evidence item" if kind == "E" else "does not name a hypothesis"
    raise CliError(f"{text!r} {what}: give a hypothesis's label (H2) or id (id:12)")


def _included(case: Case, mat: Matrix, item: Evidence) -> None:
    if not mat.includes(item.id):
        raise CliError(f"{item.label} is not included in {_matrix_name(case, mat)} "
                       "(sat-tool include adds it)")


def _rating(text: str) -> Rating | None:
    if text.strip().lower() in ("-", "clear"):
        return None
    try:
        return Rating.parse(text)
    except ValueError:
        raise CliError(f"{text!r} is not a rating (give CC, C, N, I, II or NA, or '-' to clear "
                       "the cell)") from None


def _level(text: str, option: str) -> Level:
    try:
        return Level.parse(text)
    except ValueError as exc:
        raise CliError(f"{option}: {exc}") from None


def _required(text: str, message: str) -> str:
    if not text.strip():
        raise CliError(message)
    return text.strip()


def _source(case: Case, text: str) -> SourceId | None:
    """A source by its number in the case's list, id:N, or exact title; '' for none."""
    wanted = text.strip()
    if not wanted:
        return None
    by_title = [s for s in case.sources if s.title == wanted]
    if len(by_title) == 1:
        return by_title[0].id
    kind, number = _reference(wanted)
    if kind == "id":
        found = next((s for s in case.sources if s.id == number), None)
        if found is not None:
            return found.id
    elif wanted.isdigit() and 1 <= int(wanted) <= len(case.sources):
        return case.sources[int(wanted) - 1].id
    if len(by_title) > 1:
        raise CliError(f"{len(by_title)} sources are titled {wanted!r}; name one by its number")
    numbers = ("none" if not case.sources else "1" if len(case.sources) == 1
               else f"1 to {len(case.sources)}")
    raise CliError(f"case {case.title!r} has no source {wanted!r} (give its number, {numbers}, "
                   "or its exact title)")


def _evidence_values(case: Case, args: argparse.Namespace, item: Evidence | None) -> dict[str, Any]:
    """The evidence fields given on the command line, as Evidence attributes."""
    values: dict[str, Any] = {}
    if args.credibility is not None:
        values["credibility"] = _level(args.credibility, "--credibility")
    if args.type is not None:
        try:
            values["type"] = EvidenceType.parse(args.type)
        except ValueError as exc:
            raise CliError(f"--type: {exc}") from None
    for name in ("date", "notes", "quote", "origin"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name).strip()
    if "origin" in values:
        try:
            values["origin"] = clean_origin(values["origin"])
        except ValueError as exc:
            raise CliError(f"--origin: {exc}") from None
    if args.source is not None:
        values["source_id"] = _source(case, args.source)
    if "quote" in values or "source_id" in values:
        source_id = values.get("source_id", item.source_id if item else None)
        quote = values.get("quote", item.quote if item else "")
        text = case.source(source_id).text if source_id is not None else ""
        values["quote_start"] = locate_quote(text, quote, item.quote_start if item else None)
    return values


def _closed_note(mat: Matrix) -> str:
    """What an edit to a closed matrix does not change, said after its confirmation."""
    if mat.outcome is None:
        return ""
    return ("; the matrix is closed, and its record for calibration stays as it was when it "
            "was closed")


def plan_rate(case: Case, args: argparse.Namespace) -> Step:
    """Rate one cell, or clear it; with --rationale, set its rationale too."""
    item = _evidence(case, args.evidence)
    mat, hyp = _hypothesis(case, args.hypothesis, args.matrix)
    _included(case, mat, item)
    rating = _rating(args.rating)
    rationale = None if args.rationale is None else args.rationale.strip()
    if rating is None and rationale:
        raise CliError("a rationale needs a rating: give CC, C, N, I, II or NA rather than clearing "
                       "the cell")
    cell = (item.id, hyp.id)
    name = f"{item.label} × {_hypothesis_label(mat, hyp)}"
    where = f"in {_matrix_name(case, mat)}"

    def step(editor: CaseEditor) -> str:
        if rationale is None:
            editor.rate(mat.id, cell, rating)
        else:
            old = mat.ratings.get(cell)
            kept = old.likelihood if old and old.rating is rating else None
            editor.assess(mat.id, cell, rating, rationale, kept)
        closed = _closed_note(mat)
        if rating is None:
            return f"Cleared {name} {where}{closed}"
        said = "" if rationale is None else ", with its rationale" if rationale else ", rationale removed"
        return f"Rated {name} {rating.value} {where}{said}{closed}"

    return step


def plan_add_evidence(case: Case, args: argparse.Namespace) -> Step:
    """Add an evidence item to the case, and to a matrix with --matrix."""
    text = _required(args.text, "an evidence item needs its text")
    mat = _matrix(case, args.matrix) if args.matrix is not None else None
    if args.relevance is not None and mat is None:
        raise CliError("--relevance is the item's relevance to a matrix: give --matrix too")
    relevance = Level.MEDIUM if args.relevance is None else _level(args.relevance, "--relevance")
    values = _evidence_values(case, args, None)

    def step(editor: CaseEditor) -> str:
        item = editor.add_evidence(text, None if mat is None else mat.id, relevance, **values)
        where = "" if mat is None else f" to {_matrix_name(editor.case, editor.case.matrix(mat.id))}"
        return f"Added {item.label}{where}"

    return step


def _shown(value: Any) -> str:
    value = getattr(value, "value", value)
    return "(none)" if value in ("", None) else str(value)


def _change(name: str, before: Any, after: Any) -> str:
    return f"{name} {_shown(before)} → {_shown(after)}"


def plan_edit_evidence(case: Case, args: argparse.Namespace) -> Step | str:
    """Change fields of an evidence item and, with --matrix, its relevance there."""
    item = _evidence(case, args.evidence)
    values = _evidence_values(case, args, item)
    if args.text is not None:
        values["text"] = _required(args.text, "an evidence item needs its text")
    relevance = None
    if args.relevance is not None:
        mat = _matrix(case, args.matrix)
        _included(case, mat, item)
        relevance = (mat, _level(args.relevance, "--relevance"))
    elif args.matrix is not None:
        raise CliError("--matrix names the matrix of --relevance: give --relevance too")
    if not values and relevance is None:
        raise CliError("nothing to change: give --text, --credibility, --type, --date, --notes, "
                       "--source, --quote, --origin or --relevance with --matrix")
    changed = {k: v for k, v in values.items() if getattr(item, k) != v}
    if relevance is not None and relevance[0].row(item.id).relevance is relevance[1]:
        relevance = None
    if not changed and relevance is None:
        return f"{item.label} already has those values; nothing changed"
    titles = {s.id: s.title for s in case.sources}
    said = []
    for name in ("text", "credibility", "type", "date", "notes", "source_id", "quote", "origin"):
        if name == "source_id" and name in changed:
            said.append(_change("source", titles.get(item.source_id), titles.get(changed[name])))
        elif name in changed:
            short = name in ("credibility", "type", "date", "origin")
            said.append(_change(name, getattr(item, name), changed[name]) if short else name)
    if "quote_start" in changed and "quote" not in changed and "source_id" not in changed:
        said.append("quote position")
    if relevance is not None:
        mat, level = relevance
        said.append(_change(f"relevance to {_matrix_name(case, mat)}", mat.row(item.id).relevance, level))
    label = item.label

    def step(editor: CaseEditor) -> str:
        editor.update_evidence(item.id, None if relevance is None else (relevance[0].id, relevance[1]),
                               **changed)
        return f"Changed {label}: {', '.join(said)}"

    return step


def _probability_value(text: str, where: str) -> float:
    """A likelihood given as 0.8, .8 or 80%."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise CliError(f"{where}: {text!r} is not a likelihood (give 0.8 or 80%)") from None
    if not 0.001 <= value <= 1:
        raise CliError(f"{where}: a likelihood is from 0.001 (0.1%) to 1 (100%), not {text.strip()}")
    return value


def plan_likelihood(case: Case, args: argparse.Namespace) -> Step | str:
    """Set the likelihood overrides of one evidence row, cell by cell, in one edit."""
    item = _evidence(case, args.evidence)
    mat = _matrix(case, args.matrix)
    _included(case, mat, item)
    wanted: dict[Any, float | None] = {}
    if [v.strip().lower() for v in args.values] == ["default"]:
        wanted = {h.id: None for h in mat.hypotheses}
    else:
        for value in args.values:
            name, sep, given = value.partition("=")
            if not sep:
                raise CliError(f"{value!r}: give each likelihood as H1=0.8 (or H1=default)")
            _, hyp = _hypothesis(case, name, args.matrix)
            if hyp.id in wanted:
                raise CliError(f"{name.strip()} is given twice; give each hypothesis once")
            wanted[hyp.id] = (None if given.strip().lower() == "default"
                              else _probability_value(given, name.strip()))
    unrated = [h for h in wanted if (item.id, h) not in mat.ratings and wanted[h] is not None]
    if unrated:
        names = ", ".join(_hypothesis_label(mat, mat.hypothesis(h)) for h in unrated)
        raise CliError(f"rate {item.label} against {names} before stating its likelihood")
    not_applicable = [h for h, v in wanted.items() if v is not None
                      and mat.ratings[(item.id, h)].rating is Rating.NA]
    if not_applicable:
        names = ", ".join(_hypothesis_label(mat, mat.hypothesis(h)) for h in not_applicable)
        raise CliError(f"{item.label} is rated NA against {names}: a cell that bears nothing on "
                       "its hypothesis carries no likelihood")
    cells = {(item.id, h): v for h, v in wanted.items() if (item.id, h) in mat.ratings
             and mat.ratings[(item.id, h)].likelihood != v}
    where = f"in {_matrix_name(case, mat)}"
    if not cells:
        return f"{item.label} {where} already has those likelihoods; nothing changed"

    def step(editor: CaseEditor) -> str:
        editor.set_likelihoods(mat.id, cells)
        shown = ", ".join(f"{_hypothesis_label(mat, mat.hypothesis(c[1]))} "
                          f"{'default' if v is None else likelihood_text(v)}" for c, v in cells.items())
        return f"Likelihoods of {item.label} {where}: {shown}{_closed_note(mat)}"

    return step


def plan_close(case: Case, args: argparse.Namespace) -> Step:
    """Record a matrix's outcome; the editor freezes the matrix in a snapshot."""
    from sat_tool.domain.model import Outcome

    mat = _matrix(case, args.matrix)
    if args.hypothesis.strip().lower() == "none":
        truth, title = None, "none of the hypotheses"
    else:
        _, hyp = _hypothesis(case, args.hypothesis, args.matrix)
        truth, title = hyp.id, f"{_hypothesis_label(mat, hyp)} {hyp.title!r}"
    if args.date.strip() and not valid_date(args.date):
        raise CliError(f"--date: {args.date.strip()!r} is not a date such as 2014, 2014-06 or "
                       "2014-06-30")
    if mat.outcome is not None:
        raise CliError(f"{_matrix_name(case, mat)} is already closed; 'sat-tool reopen' first to "
                       "record another outcome")
    outcome = Outcome(truth, args.date, args.evidence)

    def step(editor: CaseEditor) -> str:
        change = editor.set_outcome(mat.id, outcome)
        kept = f"; judgments frozen in snapshot {change.snapshot.name!r}" if change.snapshot else ""
        return f"Closed {_matrix_name(case, mat)}: {title} proved true{kept}"

    return step


def plan_reopen(case: Case, args: argparse.Namespace) -> Step | str:
    """Take a matrix's outcome back."""
    mat = _matrix(case, args.matrix)
    if mat.outcome is None:
        return f"{_matrix_name(case, mat)} is open already; nothing changed"

    def step(editor: CaseEditor) -> str:
        editor.set_outcome(mat.id, None)
        return f"Reopened {_matrix_name(case, mat)} (its closing snapshot stays)"

    return step


def plan_blind(case: Case, args: argparse.Namespace) -> Step | str:
    """Set blind rating of a matrix, or lift it."""
    mat = _matrix(case, args.matrix)
    wanted = args.state == "on"
    if mat.blind is wanted:
        return (f"{_matrix_name(case, mat)} is rated blind already; nothing changed" if wanted
                else f"{_matrix_name(case, mat)} is not rated blind; nothing changed")

    def step(editor: CaseEditor) -> str:
        editor.set_blind(mat.id, wanted)
        return (f"{_matrix_name(case, mat)} is rated blind now" if wanted
                else f"Lifted blind rating of {_matrix_name(case, mat)}")

    return step


def _matrices_phrase(names: list[str]) -> str:
    numbers = [n.removeprefix("matrix ") for n in names]
    if len(numbers) == 1:
        return f"matrix {numbers[0]}"
    return f"matrices {', '.join(numbers[:-1])} and {numbers[-1]}"


def _team_ratings(matrices: list[Matrix], keep: Callable[[Any], bool]) -> str:
    """"N ratings", or "N ratings of K analysts": every analyst's ratings of the cells kept,
    all of which a deletion removes."""
    from sat_tool.domain.team import ratings_of_cells

    total, analysts = ratings_of_cells(matrices, keep)
    return _count(total, "rating") + (f" of {analysts} analysts" if analysts > 1 else "")


def plan_delete_evidence(case: Case, args: argparse.Namespace) -> Step:
    """Delete an evidence item from the case and from every matrix that includes it."""
    item = _evidence(case, args.evidence)
    rows = [_matrix_name(case, m) for m in case.matrices if m.includes(item.id)]
    ratings = _team_ratings(case.matrices, lambda cell: cell[0] == item.id)
    label = item.label

    def step(editor: CaseEditor) -> str:
        editor.delete_evidence(item.id)
        if not rows:
            return f"Deleted {label} (it was in no matrix)"
        return (f"Deleted {label} with its {ratings} and its rows in "
                f"{_matrices_phrase(rows)}")

    return step


def _count(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def plan_add_hypothesis(case: Case, args: argparse.Namespace) -> Step:
    """Add a hypothesis as the last column of a matrix."""
    title = _required(args.title, "a hypothesis needs a title")
    mat = _matrix(case, args.matrix)
    description = args.description.strip()

    def step(editor: CaseEditor) -> str:
        hyp = editor.add_hypothesis(mat.id, title, description)
        now = editor.case.matrix(mat.id)
        return f"Added {_hypothesis_label(now, now.hypothesis(hyp.id))} to {_matrix_name(editor.case, now)}"

    return step


def plan_edit_hypothesis(case: Case, args: argparse.Namespace) -> Step | str:
    """Change the title or description of a hypothesis."""
    mat, hyp = _hypothesis(case, args.hypothesis, args.matrix)
    values: dict[str, str] = {}
    if args.title is not None:
        values["title"] = _required(args.title, "a hypothesis needs a title")
    if args.description is not None:
        values["description"] = args.description.strip()
    if not values:
        raise CliError("nothing to change: give --title or --description")
    changed = {k: v for k, v in values.items() if getattr(hyp, k) != v}
    where = f"{_hypothesis_label(mat, hyp)} of {_matrix_name(case, mat)}"
    if not changed:
        return f"{where} already has that {' and '.join(values)}; nothing changed"

    def step(editor: CaseEditor) -> str:
        editor.update_hypothesis(hyp.id, **changed)
        return f"Changed {where}: {', '.join(changed)}"

    return step


def plan_delete_hypothesis(case: Case, args: argparse.Namespace) -> Step:
    """Delete a hypothesis and its ratings."""
    mat, hyp = _hypothesis(case, args.hypothesis, args.matrix)
    position = mat.hypotheses.index(hyp) + 1
    ratings = _team_ratings([mat], lambda cell: cell[1] == hyp.id)
    where = f"H{position} of {_matrix_name(case, mat)}"
    after = len(mat.hypotheses) - position
    moved = ("" if not after else f"; H{position + 1} is now H{position}" if after == 1
             else f"; H{position + 1} to H{len(mat.hypotheses)} are now H{position} to "
                  f"H{len(mat.hypotheses) - 1}")

    def step(editor: CaseEditor) -> str:
        editor.delete_hypothesis(hyp.id)
        return f"Deleted {where} ({hyp.title}) with its {ratings}{moved}"

    return step


def plan_add_matrix(case: Case, args: argparse.Namespace) -> Step:
    """Add a matrix asking a question."""
    question = _required(args.question, "a matrix needs a question")

    def step(editor: CaseEditor) -> str:
        mat = editor.add_matrix(question)
        return f"Added {_matrix_name(editor.case, editor.case.matrix(mat.id))}: {question}"

    return step


def plan_delete_matrix(case: Case, args: argparse.Namespace) -> Step:
    """Delete a matrix with its hypotheses and ratings; the evidence stays in the case."""
    mat = _matrix(case, args.matrix)
    number = case.matrices.index(mat) + 1
    held = (f"{_count(len(mat.hypotheses), 'hypothesis', 'hypotheses')}, "
            f"{_count(len(mat.rows), 'row')} and {_team_ratings([mat], lambda _cell: True)}")
    after = len(case.matrices) - number
    moved = ("" if not after else f"; matrix {number + 1} is now matrix {number}" if after == 1
             else f"; matrices {number + 1} to {len(case.matrices)} are now {number} to "
                  f"{len(case.matrices) - 1}")

    def step(editor: CaseEditor) -> str:
        editor.delete_matrix(mat.id)
        return (f"Deleted matrix {number} ({mat.question}) with its {held}; the evidence stays in "
                f"the case{moved}")

    return step


def _items(case: Case, references: list[str]) -> list[Evidence]:
    items: list[Evidence] = []
    for reference in references:
        item = _evidence(case, reference)
        if item not in items:
            items.append(item)
    return items


def plan_include(case: Case, args: argparse.Namespace) -> Step:
    """Include evidence items of the case as the last rows of a matrix."""
    items = _items(case, args.evidence)
    mat = _matrix(case, args.matrix)
    for item in items:
        if mat.includes(item.id):
            raise CliError(f"{item.label} is already included in {_matrix_name(case, mat)}")
    relevance = Level.MEDIUM if args.relevance is None else _level(args.relevance, "--relevance")
    labels = ", ".join(item.label for item in items)
    where = _matrix_name(case, mat)

    def step(editor: CaseEditor) -> str:
        editor.include_evidence(mat.id, [item.id for item in items], relevance)
        return f"Included {labels} in {where} with relevance {relevance.value}"

    return step


def plan_exclude(case: Case, args: argparse.Namespace) -> Step:
    """Take evidence rows out of a matrix; the items stay in the case."""
    items = _items(case, args.evidence)
    mat = _matrix(case, args.matrix)
    for item in items:
        _included(case, mat, item)
    ids = {item.id for item in items}
    ratings = sum(1 for cell in mat.ratings if cell[0] in ids)
    labels = ", ".join(item.label for item in items)
    where = _matrix_name(case, mat)

    def step(editor: CaseEditor) -> str:
        if len(items) == 1:
            editor.exclude_evidence(mat.id, items[0].id)
        else:
            editor.exclude_many(mat.id, [item.id for item in items])
        return (f"Excluded {labels} from {where} with {_count(ratings, 'rating')} there; "
                f"{'it stays' if len(items) == 1 else 'they stay'} in the case")

    return step


def _editing(plan: Plan) -> Callable[[Workspace, argparse.Namespace], int]:
    def command(workspace: Workspace, args: argparse.Namespace) -> int:
        return _run_edit(workspace, args, plan)

    command.__doc__ = plan.__doc__
    return command


COMMANDS = {"cases": cmd_cases, "sample": cmd_sample, "import": cmd_import, "score": cmd_score,
            "team": cmd_team, "history": cmd_history, "merge": cmd_merge, "admin": cmd_admin,
            "sensitivity": cmd_sensitivity, "export": cmd_export,
            "rate": _editing(plan_rate),
            "add-evidence": _editing(plan_add_evidence),
            "edit-evidence": _editing(plan_edit_evidence),
            "delete-evidence": _editing(plan_delete_evidence),
            "add-hypothesis": _editing(plan_add_hypothesis),
            "edit-hypothesis": _editing(plan_edit_hypothesis),
            "delete-hypothesis": _editing(plan_delete_hypothesis),
            "add-matrix": _editing(plan_add_matrix),
            "delete-matrix": _editing(plan_delete_matrix),
            "include": _editing(plan_include),
            "exclude": _editing(plan_exclude),
            "likelihood": _editing(plan_likelihood),
            "close": _editing(plan_close),
            "reopen": _editing(plan_reopen),
            "blind": _editing(plan_blind),
            "calibration": cmd_calibration}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
