"""The workspace database (SQLAlchemy 2 over SQLite): schema, migrations, case storage."""

from sat_tool.store.cases import CaseNotFound, CaseSummary
from sat_tool.store.problems import READ_ONLY_SENTENCE, ReadOnlyWorkspace, WorkspaceError
from sat_tool.store.workspace import Workspace, default_location

__all__ = ["READ_ONLY_SENTENCE", "CaseNotFound", "CaseSummary", "ReadOnlyWorkspace", "Workspace",
           "WorkspaceError", "default_location"]
