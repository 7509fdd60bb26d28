"""Colours that follow the system's palette, light or dark.

The rating colours keep their own fill and ink wherever they are drawn (the matrix, the
dialogs, the exports). Everything else takes its colours from here: muted text, errors,
notes and boxes are worked out from the palette in use, so that a dark desktop theme reads
as well as a light one, with text at a contrast of at least 4.5 : 1 on its background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(found: QPalette | None = None) -> bool:
    """Whether the window's background is dark (a dark theme)."""
    return (found or palette()).color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``second`` mixed into ``first``."""
    return QColor.fromRgbF(first.redF() + (second.redF() - first.redF()) * share,
                           first.greenF() + (second.greenF() - first.greenF()) * share,
                           first.blueF() + (second.blueF() - first.blueF()) * share)


def readable(colour: QColor, background: QColor, least: float = 4.5) -> QColor:
    """``colour``, moved towards the palette's text colour until it reads on ``background``."""
    text = QColor("#FFFFFF") if background.lightnessF() < 0.5 else QColor("#000000")
    share = 0.0
    found = QColor(colour)
    while contrast(found, background) < least and share < 1.0:
        share += 0.1
        found = mix(colour, text, share)
    return found


def _hex(colour: QColor) -> str:
    return colour.name()


def muted() -> str:
    """Secondary text: a grey between the text and the window, still readable."""
    p = palette()
    window = p.color(QPalette.ColorRole.Window)
    return _hex(readable(mix(p.color(QPalette.ColorRole.WindowText), window, 0.35), window))


def error() -> str:
    """Text that says something is wrong."""
    window = palette().color(QPalette.ColorRole.Window)
    return _hex(readable(QColor("#FF8A7A" if is_dark() else "#B03020"), window))


def success() -> str:
    """Text that says all is well."""
    window = palette().color(QPalette.ColorRole.Window)
    return _hex(readable(QColor("#7CD992" if is_dark() else "#1B7F3B"), window))


def accent() -> str:
    """Text that marks something the analyst is trying out (a what-if)."""
    base = palette().color(QPalette.ColorRole.Base)
    return _hex(readable(QColor("#8DB4F0" if is_dark() else "#1F4E99"), base))


def note_box() -> str:
    """A style sheet for a quiet box of explanation: a tint of the window, the palette's text."""
    p = palette()
    window = p.color(QPalette.ColorRole.Window)
    highlight = p.color(QPalette.ColorRole.Highlight)
    fill = mix(window, highlight, 0.08)
    border = mix(window, p.color(QPalette.ColorRole.WindowText), 0.25)
    ink = readable(p.color(QPalette.ColorRole.WindowText), fill, 7)
    return f"background: {_hex(fill)}; border: 1px solid {_hex(border)}; color: {_hex(ink)};"


def warning_box() -> str:
    """A style sheet for a box that warns: amber, in either theme."""
    fill = QColor("#4A3B12") if is_dark() else QColor("#FFF4D6")
    border = QColor("#8A6D1F") if is_dark() else QColor("#E0B84D")
    ink = readable(palette().color(QPalette.ColorRole.WindowText), fill, 7)
    return f"background: {_hex(fill)}; border: 1px solid {_hex(border)}; color: {_hex(ink)};"


def error_field() -> str:
    """A style sheet for an input field whose content finds nothing (Find)."""
    fill = QColor("#5A2320") if is_dark() else QColor("#FBE3E1")
    ink = readable(palette().color(QPalette.ColorRole.Text), fill, 7)
    return f"QLineEdit {{ background: {_hex(fill)}; color: {_hex(ink)}; }}"


def passage(current: bool) -> tuple[QColor, QColor]:
    """(fill, ink) of an evidence passage marked in a source's text."""
    if is_dark():
        fill = QColor("#8A5A00") if current else QColor("#5C4A12")
    else:
        fill = QColor("#FFB84D") if current else QColor("#FFE58A")
    return fill, readable(palette().color(QPalette.ColorRole.Text), fill, 7)


def with_readable_links(found: QPalette) -> QPalette | None:
    """``found`` with its link colours moved until they read on the window and the page
    (a dark theme that keeps the light theme's dark blue links); None when they already do."""
    window = found.color(QPalette.ColorRole.Window)
    base = found.color(QPalette.ColorRole.Base)
    darker = window if window.lightnessF() <= base.lightnessF() else base
    lighter = base if darker is window else window
    changed = QPalette(found)
    moved = False
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            colour = found.color(group, role)
            if min(contrast(colour, window), contrast(colour, base)) >= 4.5:
                continue
            # the background it reads worst on decides which way it moves
            worst = darker if contrast(colour, darker) < contrast(colour, lighter) else lighter
            changed.setColor(group, role, readable(colour, worst))
            moved = True
    return changed if moved else None
