"""Starting the desktop application, after checking that there is a screen to show it on."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "sat-tool: no display found; run it under a virtual screen (xvfb-run sat-tool) "
    "or without one (QT_QPA_PLATFORM=offscreen sat-tool)"
)


def has_display() -> bool:
    """False on Linux when there is no X11 or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def run_gui(workspace: str | None = None) -> int:
    """Open the main window on a workspace; returns the exit status."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from sat_tool.ui.application import run

    return run(workspace)
