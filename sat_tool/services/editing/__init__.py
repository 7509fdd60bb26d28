"""The editor of an open case, one module per aggregate it edits (see services.editor)."""
