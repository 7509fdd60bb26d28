"""The exceptions of the store: a workspace that cannot be opened, or cannot be written."""

from __future__ import annotations

from sat_tool.domain.text import translate
from sat_tool.errors import READ_ONLY_SENTENCE, UserError

__all__ = ["READ_ONLY_SENTENCE", "NeedsUpgrade", "ReadOnlyWorkspace", "WorkspaceError"]


class WorkspaceError(Exception):
    """A workspace that cannot be opened; the message names the problem."""


class NeedsUpgrade(WorkspaceError):
    """A workspace asked for read-only that an earlier release wrote: reading it needs an upgrade."""


class ReadOnlyWorkspace(UserError):
    """A write asked of a workspace that is open read-only; nothing was written."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(translate("Errors", READ_ONLY_SENTENCE) if message is None else message)
