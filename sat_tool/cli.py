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
from sat_tool.domain.scoring import RankBy
from sat_tool.formats.bundle import BundleError
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

    imp = sub.add_parser("import", parents=[common], help="import a case bundle; prints the new case id")
    imp.add_argument("file", type=Path, help="a case bundle (.json)")

    score = sub.add_parser("score", parents=[common], help="print the scores of a case's matrices")
    score.add_argument("case", help="case id or exact title")
    score.add_argument("--matrix", help="matrix number (1, 2 …) or exact question")
    score.add_argument("--rank-by", choices=[r.value for r in RankBy], default=RankBy.WEIGHTED.value,
                       help="which score ranks the hypotheses (default: weighted)")
    score.add_argument("--json", action="store_true", help="print JSON instead of a table")

    exp = sub.add_parser("export", parents=[common], help="export a case to a file")
    exp.add_argument("case", help="case id or exact title")
    exp.add_argument("--format", required=True, choices=svc.EXPORT_FORMATS)
    exp.add_argument("-o", "--output", required=True, type=Path, help="file to write")
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
        return Workspace.open(getattr(args, "workspace", None))
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
    """Import a bundle and print the new case's id."""
    try:
        case_id = svc.import_bundle(workspace, args.file)
    except BundleError as exc:
        raise CliError(str(exc)) from None
    print(case_id)
    return 0


def cmd_score(workspace: Workspace, args: argparse.Namespace) -> int:
    """Print each matrix's hypotheses with scores and ranks, and evidence diagnosticity."""
    try:
        case = svc.load_case(workspace, args.case)
        matrices = svc.select_matrices(case, args.matrix)
    except (CaseNotFound, LookupError) as exc:
        raise CliError(exc.args[0] if exc.args else str(exc)) from None
    rank_by = RankBy(args.rank_by)
    reports = [svc.matrix_report(case, mat, rank_by) for mat in matrices]
    if args.json:
        print(json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False, indent=2))
    else:
        for number, report in enumerate(reports, 1):
            _print_report(number, report)
    return 0


def _print_report(number: int, report: dict) -> None:
    print(f"Matrix {number}: {report['question']}")
    if report["unrated_cells"]:
        print(f"  ({report['unrated_cells']} cells unrated)")
    print(f"  {'rank':>4}  {'incons.':>7}  {'weighted':>8}  hypothesis")
    for hyp in sorted(report["hypotheses"], key=lambda h: h["rank"]):
        print(f"  {hyp['rank']:>4}  {hyp['inconsistency']:>7}  {hyp['weighted_inconsistency']:>8.3f}"
              f"  {hyp['label']}: {hyp['title']}")
    print()


def cmd_export(workspace: Workspace, args: argparse.Namespace) -> int:
    """Write a case to a file."""
    if args.output.is_dir():
        raise CliError(f"{args.output} is a folder; give a file name")
    if not args.output.parent.exists():
        raise CliError(f"folder {args.output.parent} does not exist")
    try:
        case = svc.export_case(workspace, args.case, args.format, args.output)
    except CaseNotFound as exc:
        raise CliError(str(exc.args[0])) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Exported {case.title!r} to {args.output}")
    return 0


COMMANDS = {"cases": cmd_cases, "import": cmd_import, "score": cmd_score, "export": cmd_export}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
