"""Sentences for people, through a translation hook.

The domain, the services and the file formats say things to the analyst (an import's
report, a step of the guide, why a judgment is questioned) but import no Qt. They write
each sentence as ``translate("Context", "English text {name}").format(name=…)``: the
source text is the English sentence, its placeholders are named, and Qt's catalogue tool
(``make translations``, pyside6-lupdate) finds it by the name ``translate``. The desktop
application installs Qt's translator here (:func:`set_translator`), so the same catalogue
that translates the window translates these sentences; without one (the command line, the
tests) the English text is returned as it is.

Constants that are translated where they are shown are marked with
:func:`QT_TRANSLATE_NOOP`, which returns its text unchanged.

Only what a person reads is translated: values that are stored, compared, parsed or
written to a file (rating codes, a workbook's headings, a bundle's keys) never are.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the user's language, if a catalogue translates it in ``context``."""
    if _translator is None:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # noqa: BLE001 - a translator's failure must never cost the sentence
        return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for the catalogue, to be translated where it is shown; returns it as is."""
    del context
    return text


def set_translator(translator: Translator | None) -> None:
    """Route :func:`translate` through ``translator`` (``None``: English as written)."""
    global _translator
    _translator = translator
