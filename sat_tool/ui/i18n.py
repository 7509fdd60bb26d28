"""Translations: Qt's own and SAT Tool's catalogues, for the system's language.

The window's strings go through Qt's translation mechanism (``self.tr``); the catalogue
sources are resources/translations/*.ts, made with ``make translations`` (pyside6-lupdate)
and compiled to .qm with pyside6-lrelease. A catalogue for the system's language, when
there is one, is installed as the application starts; without one the strings stay English.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sat_tool.domain import text

_installed: list[QTranslator] = []
"""The translators in use (kept alive as long as the application)."""


def catalogue(language: str) -> Path | None:
    """SAT Tool's compiled catalogue for a language (``fr``, ``de_CH`` …), if it ships one."""
    folder = files("sat_tool.resources") / "translations"
    for name in (f"sat-tool_{language}.qm", f"sat-tool_{language.split('_')[0]}.qm"):
        entry = folder / name
        if entry.is_file():
            with as_file(entry) as path:
                return Path(path)
    return None


def install_translations(app: QCoreApplication, locale: QLocale | None = None,
                         extra: Path | None = None) -> list[str]:
    """Install Qt's and SAT Tool's translators for ``locale`` (the system's by default), and an
    ``extra`` compiled catalogue if given; returns the catalogues loaded."""
    locale = locale or QLocale.system()
    # the domain's, the services' and the formats' sentences go through the same catalogues
    text.set_translator(QCoreApplication.translate)
    loaded = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
        loaded.append("qtbase")
    own = catalogue(locale.name())
    for path in [p for p in (own, extra) if p is not None]:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    return loaded
