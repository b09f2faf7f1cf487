"""The progress line of long ``mslint check``/``fix`` runs on a terminal: files done / total, findings so far.

The counts live in shared memory, so ``-j`` workers add to them as they finish each module; a thread of the
main process redraws the line on stderr, from a few seconds into the run (short runs print nothing), and erases
it when the run ends.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

DELAY = 3.0  # seconds before the line appears
INTERVAL = 0.5  # seconds between redraws


class Progress:
    """Counts of one run (or of ``mslint fix``'s passes), drawn on ``stream`` while the ``drawn()`` block runs."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else multiprocessing
        self.counts: Any = context.Array("q", 2)  # files done, findings; inherited by forked -j workers
        self.stream, self.delay, self.total = stream, delay, 0
        self._stop = threading.Event()
        self._width = 0

    def expect(self, total: int) -> None:
        """A (new) run of ``total`` files starts."""
        with self.counts.get_lock():
            self.counts[0] = self.counts[1] = 0
        self.total = total

    def line(self) -> str:
        files, findings = self.counts[:]
        return f"mslint: {files:,}/{self.total:,} files checked, {findings:,} finding{'s' * (findings != 1)}"

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def _redraw(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self._draw(self.line())
            self._stop.wait(INTERVAL)

    def __enter__(self) -> Progress:
        self._thread = threading.Thread(target=self._redraw, name="mslint-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        if self._width:
            self._draw("")
            self.stream.write("\r")
            self.stream.flush()


def terminal_progress(wanted: bool = True) -> Progress | None:
    """A progress line on stderr when ``wanted`` and stderr is a terminal, else None."""
    return Progress(sys.stderr) if wanted and sys.stderr.isatty() else None


def add(counts: Any, files: int, findings: int) -> None:
    """Add to shared counts (a ``Progress.counts``)."""
    with counts.get_lock():
        counts[0] += files
        counts[1] += findings


def counter(counts: Any | None) -> Callable[[int, int], None]:
    """``add`` bound to ``counts``; a no-op without them."""
    if counts is None:
        return lambda files, findings: None
    return lambda files, findings: add(counts, files, findings)
