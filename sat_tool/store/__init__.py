"""The workspace database (SQLAlchemy 2 over SQLite): schema, migrations, case storage."""

from sat_tool.store.cases import CaseNotFound, CaseSummary
from sat_tool.store.workspace import Workspace, WorkspaceError, default_location

__all__ = ["CaseNotFound", "CaseSummary", "Workspace", "WorkspaceError", "default_location"]
