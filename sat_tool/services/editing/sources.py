"""Edits of the case itself and of its sources."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from sat_tool.domain.model import (
    Source,
    SourceId,
)
from sat_tool.domain.text import translate
from sat_tool.services.concurrency import name_of
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    SourceRemoval,
    _SOURCE_FIELDS,
    _check_fields,
    _require,
)


class SourceEdits:
    """The case's title and description, and its sources."""

    # ------------------------------------------------------------ case

    def update_case(self, expect: dict[str, str] | None = None, **values: str) -> None:
        """Change the case title or description (``expect``: the values they must have now)."""
        _check_fields(values, {"title", "description"})
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a case needs a title"))
        with self._write(("case",)) as s:
            if expect is not None:
                self._expect(all(getattr(self.case, k) == v for k, v in expect.items()),
                             translate("CaseEditor", "the case"))
            edits.update_fields(s, "case", self.case.id, **values)
        for key, value in values.items():
            setattr(self.case, key, value)

    # ------------------------------------------------------------ sources

    def add_source(self, title: str, **values: str) -> Source:
        """Add a source at the end of the list."""
        _check_fields(values, _SOURCE_FIELDS)
        _require(title, translate("CaseEditor", "a source needs a title"))
        draft = Source(SourceId(0), title, **values)
        with self._write() as s:
            position = store.count_children(s, "source", self.case.id)
            row = store.source_row(self.case.id, draft, position, with_id=False)
            source = replace(draft, id=SourceId(edits.insert(s, row)))
        self.case.sources.append(source)
        return source

    def update_source(self, source_id: SourceId, expect: dict[str, Any] | None = None,
                      **values: str) -> None:
        """Change fields of a source."""
        _check_fields(values, _SOURCE_FIELDS)
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a source needs a title"))
        with self._write(("has", "source", source_id), ("source", source_id)) as s:
            source = self.case.source(source_id)
            if expect is not None:
                self._expect(all(getattr(source, k) == v for k, v in expect.items()),
                             name_of(self.case, "source", source_id))
            edits.update_fields(s, "source", source_id, **values)
        for key, value in values.items():
            setattr(source, key, value)

    def delete_source(self, source_id: SourceId, expect: Source | None = None) -> SourceRemoval:
        """Delete a source; evidence citing it keeps its text but loses the link."""
        with self._write(("has", "source", source_id), ("source", source_id)) as s:
            source = self.case.source(source_id)
            if expect is not None:
                self._expect(source == expect, name_of(self.case, "source", source_id))
            index = self.case.sources.index(source)
            citing = [e.id for e in self.case.evidence if e.source_id == source_id]
            remaining = [x.id for x in self.case.sources if x.id != source_id]
            edits.delete_row(s, "source", source_id)
            edits.order(s, "source", remaining)
        self.case.sources.remove(source)
        for item in self.case.evidence:
            if item.source_id == source_id:
                item.source_id = None
        return SourceRemoval(copy.deepcopy(source), index, citing)

    def restore_source(self, removal: SourceRemoval) -> None:
        """Put a deleted source back in place and relink the evidence that cited it."""
        with self._write() as s:
            self._expect(all(x.id != removal.source.id for x in self.case.sources),
                         translate("CaseEditor", "source {title!r}").format(
                             title=removal.source.title))
            citing = [e for e in removal.citing
                      if any(item.id == e and item.source_id is None for item in self.case.evidence)]
            index = min(removal.index, len(self.case.sources))
            order = [x.id for x in self.case.sources]
            order.insert(index, removal.source.id)
            edits.insert(s, store.source_row(self.case.id, removal.source, index))
            edits.order(s, "source", order)
            edits.relink(s, citing, removal.source.id)
        self.case.sources.insert(index, copy.deepcopy(removal.source))
        for item in self.case.evidence:
            if item.id in citing:
                item.source_id = removal.source.id
