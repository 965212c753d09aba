"""What ``fireworks-rft watch`` shows: a live progress display on a terminal, one line per change elsewhere.

Both take the watcher's events (``watcher.WatchEvent``). The live display keeps one row per job
(a bar from ``jobProgress.percent``, state, epoch, elapsed time, an ETA from the rate observed
during this watch, accelerator hours when known) and redraws only when an event came. The line
display writes one logfmt line per event (``time=... job=... event=... state=...``), which log
collectors read as it is.
"""

import json
import time
from datetime import UTC, datetime
from typing import IO

from rich.console import Console, Group
from rich.live import Live
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from ..models import JobState
from ..types import Unset
from ..watcher import WatchEvent, WatchEventKind
from . import derived

__all__ = ["JsonLinesDisplay", "LineDisplay", "LiveDisplay", "duration"]

_STATE_STYLES = {
    "JOB_STATE_COMPLETED": "green",
    "JOB_STATE_EARLY_STOPPED": "green",
    "JOB_STATE_FAILED": "bold red",
    "JOB_STATE_CANCELLED": "yellow",
    "JOB_STATE_EXPIRED": "yellow",
    "JOB_STATE_RUNNING": "cyan",
}


def duration(seconds: float | None) -> str:
    """``1:02:03`` (or ``-`` when unknown)."""
    if seconds is None:
        return "-"
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def short_state(state: JobState) -> str:
    return state.value.removeprefix("JOB_STATE_")


class _Row:
    """One job on the live display, and the rate its progress moved at during this watch."""

    def __init__(self, event: WatchEvent) -> None:
        self.event = event
        self.first: tuple[float, int] | None = None  # (monotonic time, percent) when first seen running

    def update(self, event: WatchEvent, now: float) -> None:
        self.event = event
        percent = derived.percent(event.job)
        if event.state == JobState.JOB_STATE_RUNNING and percent is not None and self.first is None:
            self.first = (now, percent)

    def eta(self, now: float) -> float | None:
        percent = derived.percent(self.event.job)
        if self.first is None or percent is None or self.event.outcome is not None:
            return None
        start, start_percent = self.first
        if percent <= start_percent or now <= start:
            return None
        return (100 - percent) * (now - start) / (percent - start_percent)


class LiveDisplay:
    """A table of progress bars that redraws on each event (rich's Live, no refresh thread)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.rows: dict[str, _Row] = {}
        self.note = ""
        self.live = Live(console=console, auto_refresh=False, transient=False, redirect_stdout=False)

    def __enter__(self) -> "LiveDisplay":
        self.live.__enter__()
        self.live.update(Text("waiting for the first answer...", style="dim"), refresh=True)
        return self

    def __exit__(self, *args: object) -> None:
        self.live.__exit__(None, None, None)

    def on_event(self, event: WatchEvent) -> None:
        now = time.monotonic()
        row = self.rows.get(event.name)
        if row is None:
            row = self.rows[event.name] = _Row(event)
        row.update(event, now)
        if event.kind is WatchEventKind.STALLED:
            self.note = f"{derived.job_id(event.name)}: no progress for {duration(event.unchanged_for)} while RUNNING"
        self.live.update(self.render(now), refresh=True)

    def render(self, now: float) -> Group:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("JOB", "PROGRESS", "", "STATE", "EPOCH", "ELAPSED", "ETA", "ACCEL H"):
            table.add_column(column, justify="right" if column in ("", "EPOCH", "ACCEL H") else "left")
        for name, row in self.rows.items():
            event, job = row.event, row.event.job
            percent = derived.percent(job)
            if event.kind is WatchEventKind.VANISHED:
                state = Text("VANISHED (404)", style="bold red")
            else:
                state = Text(short_state(event.state), style=_STATE_STYLES.get(event.state.value, ""))
                if name in self._stalled():
                    state.append(" (stalled)", style="bold yellow")
            hours = sum(derived.accelerator_hours(job).values())
            table.add_row(
                derived.job_id(name),
                ProgressBar(total=100, completed=percent or 0, width=30),
                f"{percent}%" if percent is not None else "-",
                state,
                str(derived.epoch(job)) if derived.epoch(job) is not None else "-",
                duration(derived.total_seconds(job)),
                duration(row.eta(now)),
                f"{hours:.1f}" if hours else "-",
            )
        parts: list[Table | Text] = [table]
        if self.note:
            parts.append(Text(self.note, style="yellow"))
        return Group(*parts)

    def _stalled(self) -> set[str]:
        return {n for n, r in self.rows.items() if r.event.kind is WatchEventKind.STALLED}


class LineDisplay:
    """One logfmt line per event, flushed at once."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def on_event(self, event: WatchEvent) -> None:
        job = event.job
        fields = [
            f"time={datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
            f"job={derived.job_id(event.name)}",
            f"event={event.kind.value}",
            f"state={event.state.value}",
        ]
        if (percent := derived.percent(job)) is not None:
            fields.append(f"percent={percent}")
        if (epoch := derived.epoch(job)) is not None:
            fields.append(f"epoch={epoch}")
        if event.kind is WatchEventKind.STALLED:
            fields.append(f"unchanged_for={event.unchanged_for:.0f}s")
        if event.outcome is not None:
            fields.append(f"outcome={event.outcome.value}")
        if event.kind is WatchEventKind.FINISHED and not isinstance(job.status, Unset):
            if isinstance(job.status.message, str) and job.status.message:
                fields.append(f"message={json.dumps(job.status.message)}")
        self.stream.write(" ".join(fields) + "\n")
        self.stream.flush()


class JsonLinesDisplay:
    """The job as the API sends it (``to_dict()``), one JSON line per event."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def on_event(self, event: WatchEvent) -> None:
        self.stream.write(json.dumps(event.job.to_dict()) + "\n")
        self.stream.flush()
