"""Heavy analysis off the GUI thread: one background thread, newest request wins.

A :class:`BackgroundRunner` takes jobs (a function and the detached data it
reads) and runs them one at a time on a worker thread. Each job carries a
ticket; a job whose ticket is no longer the newest for its kind is told to stop
(its ``stop`` callable turns true, and the analyses of :mod:`sat_tool.domain.sensitivity`
look at it as they go) and its result, should it still arrive, is dropped. So a
burst of keystrokes costs at most one analysis beyond the last, and a stale
result never lands.

Jobs read only what :func:`detached` copied for them, never the live case that
the GUI thread goes on editing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from sat_tool.domain.model import Case, Matrix
from sat_tool.domain.sensitivity import Cancelled

LOG = logging.getLogger("sat_tool.ui")

Job = Callable[[Callable[[], bool]], Any]
"""A job: called with its ``stop`` callable, returns its result."""


class BackgroundRunner(QObject):
    """Runs jobs on one worker thread and hands their results back on the GUI thread."""

    finished = Signal(str, int, object)
    """(kind, ticket, result) of a job that ran to its end and is still the newest of its kind."""
    failed = Signal(str, int, str)
    """(kind, ticket, message) of a job that raised."""
    _done = Signal(str, int, object, object)  # from the worker thread; queued to the GUI thread

    def __init__(self, parent: QObject | None = None, executor: ThreadPoolExecutor | None = None
                 ) -> None:
        """``executor``: a thread shared with other runners (default: a thread of this runner's own)."""
        super().__init__(parent)
        self._own = executor is None
        self._executor = executor or ThreadPoolExecutor(max_workers=1,
                                                        thread_name_prefix="sat-analysis")
        self._newest: dict[str, int] = {}
        self._tickets = 0
        self._lock = threading.Lock()
        self._running = 0
        self._done.connect(self._deliver)
        if self._own:
            executor_ = self._executor
            self.destroyed.connect(lambda *_: executor_.shutdown(wait=False, cancel_futures=True))

    def submit(self, kind: str, job: Job) -> int:
        """Run a job of a kind; any older job of that kind is cancelled. Returns its ticket."""
        with self._lock:
            self._tickets += 1
            ticket = self._tickets
            self._newest[kind] = ticket
            self._running += 1

        def stop() -> bool:
            return self._newest.get(kind) != ticket

        def run() -> None:
            try:
                if stop():
                    raise Cancelled
                result = job(stop)
            except Cancelled:
                self._done.emit(kind, ticket, None, Cancelled())
            except Exception as exc:  # noqa: BLE001 - reported on the GUI thread, logged there
                self._done.emit(kind, ticket, None, exc)
            else:
                self._done.emit(kind, ticket, result, None)

        self._executor.submit(run)
        return ticket

    def cancel(self, kind: str) -> None:
        """Drop whatever job of a kind is waiting or running."""
        with self._lock:
            self._tickets += 1
            self._newest[kind] = self._tickets

    @property
    def busy(self) -> bool:
        """Whether any job is waiting or running."""
        return self._running > 0

    def is_newest(self, kind: str, ticket: int) -> bool:
        """Whether a ticket is still the newest of its kind."""
        return self._newest.get(kind) == ticket

    def _deliver(self, kind: str, ticket: int, result: Any, error: BaseException | None) -> None:
        self._running -= 1
        if not self.is_newest(kind, ticket) or isinstance(error, Cancelled):
            return  # stale: a newer request is on its way
        if error is not None:
            LOG.error("background analysis %s failed", kind, exc_info=error)
            self.failed.emit(kind, ticket, str(error))
            return
        self.finished.emit(kind, ticket, result)


def _clone(obj: Any) -> Any:
    """A shallow copy of a dataclass instance (what ``copy.copy`` does, several times faster)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


def detached(case: Case, matrix: Matrix) -> tuple[Case, Matrix]:
    """Copies of a case and one of its matrices that later edits of the originals cannot reach.

    Shallow where objects are replaced rather than changed (ratings, sources),
    one level deep where edits change them in place (evidence items, rows,
    hypotheses). The copy holds only that matrix.
    """
    new_case = _clone(case)
    new_case.evidence = [_clone(item) for item in case.evidence]
    new_case.sources = list(case.sources)
    new_matrix = _clone(matrix)
    new_matrix.hypotheses = [_clone(h) for h in matrix.hypotheses]
    new_matrix.rows = [_clone(r) for r in matrix.rows]
    new_matrix.ratings = dict(matrix.ratings)
    new_case.matrices = [new_matrix]
    new_case.damaged = list(case.damaged)
    return new_case, new_matrix
