"""The ``sat-tool`` command: the GUI with no sub-command, headless work with one.

Sub-commands use the same services as the GUI. Errors print one line on
stderr and exit with status 2; nothing is changed in the workspace.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sat_tool import __version__
from sat_tool.domain.model import ScoringMode
from sat_tool.services import cases as svc
from sat_tool.store import CaseNotFound, Workspace, WorkspaceError

EXIT_ERROR = 2


class CliError(Exception):
    """A problem to report on one line, exiting with status 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sat-tool``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
        help="workspace database file or sqlite:/// URL (default: $SAT_TOOL_WORKSPACE, "
             "else workspace.sqlite in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="sat-tool", parents=[common],
        description="SAT Tool: Analysis of Competing Hypotheses and other structured analytic "
                    "techniques. With no command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[common], help="open the desktop application (the default)")
    sub.add_parser("cases", parents=[common], help="list the cases in the workspace")

    imp = sub.add_parser("import", parents=[common],
                         help="import a case bundle, workbook or PARC ACH file; prints the new case id")
    imp.add_argument("file", type=Path,
                     help="a case bundle (.json), an Excel workbook (.xlsx) or a PARC ACH project (.achz)")

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        from sat_tool.app import run_gui

        return run_gui(getattr(args, "workspace", None))
    try:
        with _open_workspace(args) as workspace:
            return COMMANDS[args.command](workspace, args)
    except CliError as exc:
        print(f"sat-tool: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _open_workspace(args: argparse.Namespace) -> Workspace:
    try:
        return Workspace.open(getattr(args, "workspace", None), create=args.command == "import")
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None


def cmd_cases(workspace: Workspace, _args: argparse.Namespace) -> int:
    """List the cases: id, matrices, evidence, title."""
    summaries = svc.list_cases(workspace)
    if not summaries:
        print("No cases in this workspace. Import one with: sat-tool import FILE")
        return 0
    print(f"{'id':>4}  {'matrices':>8}  {'evidence':>8}  title")
    for s in summaries:
        print(f"{s.id:>4}  {s.matrices:>8}  {s.evidence:>8}  {s.title}")
    return 0


def cmd_import(workspace: Workspace, args: argparse.Namespace) -> int:
    """Import a bundle, workbook or PARC project and print the new case's id."""
    try:
        case_id = svc.import_file(workspace, args.file)
    except svc.CaseFileError as exc:
        raise CliError(str(exc)) from None
    print(case_id)
    return 0


def _case_and_matrices(workspace: Workspace, args: argparse.Namespace) -> tuple:
    try:
        case = svc.load_case(workspace, args.case)
        matrices = svc.select_matrices(case, args.matrix)
    except (CaseNotFound, LookupError) as exc:
        raise CliError(exc.args[0] if exc.args else str(exc)) from None
    if not matrices:
        raise CliError(f"case {case.title!r} has no matrix yet")
    return case, matrices


def cmd_score(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's hypotheses with scores and ranks (--json adds evidence diagnosticity)."""
    case, matrices = _case_and_matrices(workspace, args)
    mode = ScoringMode(args.mode) if args.mode else None
    reports = [svc.matrix_report(case, mat, mode) for mat in matrices]
    if args.json:
        print(json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False, indent=2))
    else:
        for mat, report in zip(matrices, reports):
            _print_report(case.matrices.index(mat) + 1, report)
    return 0


def _print_report(number: int, report: dict) -> None:
    print(f"Matrix {number}: {report['question']}")
    print(f"  ranked by {report['ranked_by']}"
          + (f"; {report['unrated_cells']} cells unrated" if report["unrated_cells"] else ""))
    print(f"  {'rank':>4}  {'incons.':>7}  {'weighted':>8}  {'prob.':>6}  {'judged':>6}  hypothesis")
    for hyp in sorted(report["hypotheses"], key=lambda h: h["rank"]):
        judged = "" if hyp["judged"] is None else f"{hyp['judged']:.0%}"
        print(f"  {hyp['rank']:>4}  {hyp['inconsistency']:>7}  {hyp['weighted_inconsistency']:>8.3f}"
              f"  {hyp['probability']:>6.1%}  {judged:>6}  {hyp['label']}: {hyp['title']}")
    for note in report["judgment"]:
        print(f"  • {note}")
    if report["ranked_by"] == ScoringMode.PROBABILITY.value:
        print(f"  Note: {report['caveat']}")
    print()


def cmd_sensitivity(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's linchpins, fewest leader-changing re-ratings and contributions."""
    case, matrices = _case_and_matrices(workspace, args)
    mode = ScoringMode(args.mode) if args.mode else None
    reports = [svc.sensitivity_report(case, mat, mode) for mat in matrices]
    if args.json:
        print(json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False, indent=2))
        return 0
    for mat, report in zip(matrices, reports):
        print(f"Matrix {case.matrices.index(mat) + 1}: {report['question']}")
        print(f"  by {report['mode']}; leader: {', '.join(report['leader'])}")
        pins = report["linchpins"]
        if not pins:
            print("  No single item changes the ranking when removed.")
        for pin in pins:
            what = "the leader" if pin["changes_leader"] else "the ranking"
            print(f"  Linchpin {pin['evidence']}: removing it changes {what}")
        change = report["fewest_changes"]
        if change:
            cells = ", ".join(f"{c['evidence']}×{c['hypothesis']} {c['from'] or '–'}→{c['to']}"
                              for c in change["changes"])
            print(f"  {len(change['changes'])} re-rating(s) put {change['challenger']} ahead of "
                  f"{change['leader']}: {cells}")
        print()
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
    except (CaseNotFound, LookupError, ValueError) as exc:
        raise CliError(str(exc.args[0])) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    which = ("" if args.matrix or args.format not in svc.MATRIX_FORMATS
             else " (matrix 1; --matrix picks another)")
    print(f"Exported {case.title!r} to {args.output}{which}")
    return 0


COMMANDS = {"cases": cmd_cases, "import": cmd_import, "score": cmd_score,
            "sensitivity": cmd_sensitivity, "export": cmd_export}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
