"""Starting the application: missing X11 libraries are named, and the window has its icon."""

from __future__ import annotations

import ctypes.util

from sat_tool import app


def test_missing_x11_libraries_are_named_before_qt_can_abort(monkeypatch, capsys):
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library",
                        lambda name: None if name in ("xcb-cursor", "xkbcommon-x11") else real(name)
                        or f"lib{name}.so")
    assert app.missing_xcb_libraries() == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    assert app.run_gui() == 2
    err = capsys.readouterr().err.strip()
    assert err == ("sat-tool: Qt cannot open a window on this X11 display without system "
                   "libraries that are missing; install them first (sudo apt install "
                   "libxcb-cursor0 libxkbcommon-x11-0)")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_xcb_libraries() == []


def test_the_application_has_its_icon(qapp):
    from sat_tool.ui.application import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
