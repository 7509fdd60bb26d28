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


XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"), ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-icccm", "libxcb-icccm4"), ("xcb-image", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms1"), ("xcb-randr", "libxcb-randr0"),
    ("xcb-render-util", "libxcb-render-util0"), ("xcb-shape", "libxcb-shape0"),
    ("xcb-xinerama", "libxcb-xinerama0"), ("xcb-xkb", "libxcb-xkb1"), ("EGL", "libegl1"),
)
"""The system libraries Qt's X11 plugin loads, with the Debian and Ubuntu packages that hold
them; without one, Qt aborts with "Could not load the Qt platform plugin xcb"."""


def missing_xcb_libraries() -> list[str]:
    """The packages to install before Qt can open a window on X11 (Linux only, when X11 is
    what Qt will use): those whose library the system's loader cannot find."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []  # offscreen, wayland …
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    from ctypes.util import find_library

    return [package for library, package in XCB_LIBRARIES if find_library(library) is None]


def run_gui(workspace: str | None = None) -> int:
    """Open the main window on a workspace; returns the exit status."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    missing = missing_xcb_libraries()
    if missing:
        print("sat-tool: Qt cannot open a window on this X11 display without system libraries "
              f"that are missing; install them first (sudo apt install {' '.join(missing)})",
              file=sys.stderr)
        return 2
    from sat_tool.ui.application import run

    return run(workspace)
