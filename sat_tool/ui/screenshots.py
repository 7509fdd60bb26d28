"""The README's pictures of the application, made from the application itself.

``python -m sat_tool.ui.screenshots FOLDER`` (``make screenshots``) opens the main window
offscreen in a workspace of its own, opens the sample case and saves PNGs of the matrix,
the sensitivity panel, the source pane and the team's disagreement heat map with the Team
tab, so
that the pictures in the README always show the application as it is.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1600, 1000)
SHOTS = ("matrix", "sensitivity", "sources", "team")


def _pump(app: object, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def make(folder: Path) -> list[Path]:
    """Save the pictures into ``folder``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sat_tool.settings import Preferences
    from sat_tool.store import Workspace
    from sat_tool.ui.application import make_application
    from sat_tool.ui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        workspace = Workspace.open(Path(scratch) / "screenshots.sqlite")
        window = MainWindow(workspace, Preferences(analyst="Sam Adler"))
        window.resize(*SIZE)
        window.show()
        window.open_sample()
        _pump(app, 2.0)
        page = window.case_view.current_matrix_page()
        assert page is not None
        shots = {
            "matrix": lambda: page.show_panel(page.scores_panel),
            "sensitivity": lambda: page.show_panel(page.sensitivity_panel),
            "sources": lambda: window.case_view.setCurrentWidget(window.case_view.sources_page),
            "team": lambda: (window.case_view.setCurrentWidget(page),
                             page.show_view("", True), page.show_panel(page.team_panel)),
        }
        for name in SHOTS:
            shots[name]()
            _pump(app, 1.5)
            path = folder / f"{name}.png"
            window.grab().save(str(path))
            saved.append(path)
        window.close()
    return saved


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("docs/screenshots")
    for path in make(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
