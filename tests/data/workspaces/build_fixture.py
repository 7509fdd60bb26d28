"""Make a fixture workspace with the code of an older checkout (see README.md beside this file).

    git worktree add --detach /tmp/v2 bd1677b
    cd /tmp/v2 && /path/to/.venv/bin/python /path/to/build_fixture.py /tmp/v2 schema2.sqlite extra

imports the checkout's sample case, adds an empty case, and with ``extra`` (schema 2 and later)
sets a scoring mode, a prior, judged probabilities and a likelihood, and takes a snapshot; with
``outcome`` as well (schema 4 and later) it names an item's origin, closes the first matrix and
shows the second one transposed.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(root: Path, out: Path, extra: bool, outcome: bool = False) -> None:
    sys.path.insert(0, str(root))
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    out.unlink(missing_ok=True)
    with Workspace.open(out) as ws:
        case_id = svc.import_bundle(ws, root / "cases" / "azerbaijan-2012.json")
        if extra:
            from sat_tool.domain import ScoringMode

            editor = CaseEditor.open(ws, case_id, "fixture")
            mat = editor.case.matrices[0]
            first, second = mat.hypotheses[0].id, mat.hypotheses[1].id
            editor.set_scoring_mode(mat.id, ScoringMode.PROBABILITY)
            editor.set_probabilities(mat.id, "prior", {first: 0.4})
            editor.set_probabilities(mat.id, "judged", {first: 0.6, second: 0.4})
            editor.set_likelihood(mat.id, (mat.rows[0].evidence_id, first), 0.15)
            editor.take_snapshot(mat.id, "Fixture baseline")
            if outcome:
                from sat_tool.domain import Outcome

                editor.update_evidence(mat.rows[0].evidence_id, origin="Fixture ministry statement")
                editor.set_outcome(mat.id, Outcome(first, "2015-03", "Fixture grounds"))
                editor.set_transposed(editor.case.matrices[1].id, True)
        svc.new_case(ws, "An empty case")
        print(out, "schema", ws.schema_version, [c.title for c in svc.list_cases(ws)])


if __name__ == "__main__":
    flags = sys.argv[3:]
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), "extra" in flags,
         "outcome" in flags)
