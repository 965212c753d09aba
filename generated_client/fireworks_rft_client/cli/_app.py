"""The commands of ``fireworks-rft`` (click), and how errors become one line and an exit code."""

import csv
import json
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml
from rich.console import Console
from rich.table import Table

from .. import errors
from ..client import AuthenticatedClient
from ..jobs import get_job
from ..models import JobState, ReinforcementFineTuningJob
from ..types import Unset
from ..watcher import DEFAULT_STALL_AFTER, WatchEvent, WatchResult, watch_jobs
from . import derived
from .exit_codes import ExitCode
from .watch_display import JsonLinesDisplay, LineDisplay, LiveDisplay, duration, short_state

__all__ = ["cli", "run"]

F = TypeVar("F", bound=Callable[..., Any])
OUTPUTS = ("table", "json", "jsonl")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def run(argv: list[str]) -> int:
    """Run the command; every error is one line on stderr and an exit code (README, "Command line")."""
    try:
        result = cli.main(args=argv, prog_name="fireworks-rft", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("\ninterrupted", err=True)
        return ExitCode.INTERRUPTED
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except (errors.ConfigurationError, errors.DecodeError, errors.RequestValidationError) as exc:
        return _fail(exc, ExitCode.USAGE)
    except errors.FireworksError as exc:
        return _fail(exc, ExitCode.API_ERROR)
    except (ValueError, TypeError, OSError) as exc:
        return _fail(exc, ExitCode.USAGE)
    return int(result or 0)


def _fail(exc: BaseException, code: ExitCode) -> int:
    click.echo(f"fireworks-rft: error: {exc}", err=True)
    return code


class Settings:
    """The connection settings of the group; the client is built on first use."""

    def __init__(self, api_key: str | None, account_id: str | None, base_url: str | None) -> None:
        self.api_key, self.account_id, self.base_url = api_key, account_id, base_url

    def client(self) -> AuthenticatedClient:
        return AuthenticatedClient(token=self.api_key, account_id=self.account_id, base_url=self.base_url)


class Duration(click.ParamType[float | None, Any]):
    """Seconds, or a number with a unit: ``90``, ``90s``, ``30m``, ``2h``, ``1d``; ``none`` for no limit."""

    name = "duration"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float | None:
        if value is None or isinstance(value, float):
            return value
        text = str(value).strip().lower()
        if text in ("none", "0", "off"):
            return None
        number, unit = (text[:-1], text[-1]) if text and text[-1] in _UNITS else (text, "s")
        try:
            seconds = float(number) * _UNITS[unit]
        except ValueError:
            self.fail(f"{value!r} is not a duration (try 90, 90s, 30m, 2h)", param, ctx)
        if not 0 < seconds < float("inf"):
            self.fail(f"{value!r} must be more than 0", param, ctx)
        return seconds


def output_option(function: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Choice(OUTPUTS),
        default=None,
        help="table | json | jsonl (default: a table on a terminal, JSON when piped).",
    )(function)


def _output(value: str | None) -> str:
    return value or ("table" if sys.stdout.isatty() else "json")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--api-key", envvar="FIREWORKS_API_KEY", show_envvar=True, help="The API key.")
@click.option(
    "-a", "--account-id", envvar="FIREWORKS_ACCOUNT_ID", show_envvar=True, help="The account of bare job ids."
)
@click.option("--base-url", envvar="FIREWORKS_BASE_URL", show_envvar=True, help="The API's root URL.")
@click.pass_context
def cli(ctx: click.Context, api_key: str | None, account_id: str | None, base_url: str | None) -> None:
    """Reinforcement fine-tuning jobs of Fireworks AI: get, list, watch, create, cancel, resume, delete, export.

    JOB is a job's full name (accounts/ACCOUNT/reinforcementFineTuningJobs/ID) or its bare id
    with --account-id. Exit codes: 0 done (watched jobs completed), 1 a job failed, was
    cancelled, expired or vanished, 2 bad usage, 3 timeout or stalled, 4 API or connection
    error, 130 Ctrl-C.
    """
    ctx.obj = Settings(api_key, account_id, base_url)


# --- reading --------------------------------------------------------------------------------------


@cli.command()
@click.argument("job")
@output_option
@click.pass_obj
def get(settings: Settings, job: str, output: str | None) -> int:
    """Show one job."""
    with settings.client() as client:
        found = get_job(client, job)
    _emit(iter([found]), _output(output), single=True)
    return ExitCode.OK


@cli.command(name="list")
@click.option("--filter", "filter_", metavar="EXPR", help='An AIP-160 filter, e.g. state="JOB_STATE_RUNNING".')
@click.option("--order-by", metavar="FIELDS", help='e.g. "createTime desc".')
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many jobs.")
@output_option
@click.pass_obj
def list_command(settings: Settings, filter_: str | None, order_by: str | None, limit: int, output: str | None) -> int:
    """List jobs of the account."""
    from .. import list_jobs  # noqa: PLC0415

    with settings.client() as client:
        jobs = list_jobs(client, filter=filter_, order_by=order_by, page_size=min(limit, 200), max_items=limit)
        _emit(iter(jobs), _output(output), single=False)
    return ExitCode.OK


# --- watching -------------------------------------------------------------------------------------


@cli.command()
@click.argument("jobs", nargs=-1)
@click.option("--filter", "filter_", metavar="EXPR", help="Watch every job this List filter matches.")
@click.option("--timeout", type=Duration(), default="24h", show_default=True, help="Give up after (exit 3).")
@click.option(
    "--stall-after",
    type=Duration(),
    default=f"{DEFAULT_STALL_AFTER:.0f}s",
    show_default=True,
    help="End with exit 3 when a RUNNING job's progress has not changed for this long ('none': never).",
)
@click.option("--interval", type=Duration(), default="5s", show_default=True, help="Seconds between polls at first.")
@click.option("--requests-per-second", type=click.FloatRange(min=0, min_open=True), default=5.0, show_default=True)
@output_option
@click.pass_obj
def watch(
    settings: Settings,
    jobs: tuple[str, ...],
    filter_: str | None,
    timeout: float | None,
    stall_after: float | None,
    interval: float | None,
    requests_per_second: float,
    output: str | None,
) -> int:
    """Follow jobs until they end: a live display on a terminal, one line per change when piped.

    Ctrl-C stops watching and leaves the jobs running.
    """
    if bool(jobs) == bool(filter_):
        raise click.UsageError("name one or more JOBs or give --filter (not both)")
    interval = interval or 5.0
    watch_args: dict[str, Any] = {
        "timeout": timeout,
        "stall_after": stall_after,
        "stop_on_stall": stall_after is not None,
        "poll_interval": interval,
        "max_interval": max(interval, 60.0),
        "requests_per_second": requests_per_second,
    }
    target = {"filter": filter_} if filter_ else {"jobs": list(jobs)}
    console = Console(highlight=False)
    mode = output or ("live" if console.is_terminal else "lines")
    ended: set[str] = set()  # jobs that finished or vanished: no longer worth a hint on Ctrl-C

    def tracking(show: Callable[[WatchEvent], None] | None) -> Callable[[WatchEvent], None]:
        def on_event(event: WatchEvent) -> None:
            if event.outcome is not None:
                ended.update((event.name, derived.job_id(event.name)))
            if show is not None:
                show(event)

        return on_event

    with settings.client() as client:
        try:
            if mode == "live":
                with LiveDisplay(console) as live:
                    result = watch_jobs(client, **target, on_event=tracking(live.on_event), **watch_args)
            else:
                display = JsonLinesDisplay(sys.stdout) if mode == "jsonl" else LineDisplay(sys.stdout)
                show = None if mode in ("json", "table") else display.on_event
                result = watch_jobs(client, **target, on_event=tracking(show), **watch_args)
        except KeyboardInterrupt:
            _stopped_watching(tuple(job for job in jobs if job not in ended), filter_)
            return ExitCode.INTERRUPTED
    if mode in ("json", "table"):
        _emit(iter([job for job in result.jobs.values() if job is not None]), mode, single=False)
    return _watch_verdict(result, err=mode != "live")


def _stopped_watching(jobs: tuple[str, ...], filter_: str | None) -> None:
    names = list(jobs) if jobs else ["--filter", filter_ or ""]
    if not jobs and not filter_:
        click.echo("\nStopped watching.", err=True)
        return
    click.echo(
        "\nStopped watching; the jobs keep running.\n"
        f"  watch again:  fireworks-rft watch {shlex.join(names)}\n"
        + (f"  cancel:       fireworks-rft cancel {shlex.join(jobs)}\n" if jobs else ""),
        err=True,
        nl=False,
    )


_WORDS = {"success": "succeeded", "failure": "failed", "vanished": "vanished", "still going": "still going"}


def _watch_verdict(result: WatchResult, *, err: bool) -> int:
    counts: dict[str, int] = {}
    failures = []
    for name, outcome in result.outcomes.items():
        key = "vanished" if name in result.vanished else outcome.value if outcome else "still going"
        counts[key] = counts.get(key, 0) + 1
        job = result.jobs[name]
        if outcome is not None and outcome.value == "failure" and job is not None:
            state = (
                "vanished (404)"
                if name in result.vanished
                else short_state(job.state or JobState.JOB_STATE_UNSPECIFIED)
            )
            message = job.status.message if not isinstance(job.status, Unset) else None
            failures.append(f"{derived.job_id(name)}: {state}" + (f" ({message})" if message else ""))
    summary = ", ".join(f"{n} {_WORDS[key]}" for key, n in counts.items()) or "no jobs matched"
    if result.stalled:
        summary += "; stalled: " + ", ".join(derived.job_id(n) for n in sorted(result.stalled))
    if result.timed_out:
        summary += "; timed out"
    click.echo(summary + "".join(f"\n  {line}" for line in failures), err=err)
    if failures:
        return ExitCode.JOB_FAILED
    if result.stalled or result.timed_out:
        return ExitCode.TIMEOUT
    return ExitCode.OK


# --- changing -------------------------------------------------------------------------------------


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False)
@click.option("--from-job", metavar="JOB", help="Copy the configuration of this job (FILE's fields override it).")
@click.option("--job-id", help="The new job's id (a create with an id is safe to retry).")
@click.option("--dry-run", is_flag=True, help="Print the request body (secrets masked) and send nothing.")
@output_option
@click.pass_obj
def create(
    settings: Settings, file: Path | None, from_job: str | None, job_id: str | None, dry_run: bool, output: str | None
) -> int:
    """Create a job from a JSON or YAML FILE of its input fields, or from another job.

    With --from-job, FILE's fields are laid over the copied ones (objects merge key by key).
    """
    from .. import create_job  # noqa: PLC0415
    from .inputs import checked_body, copied_body, merged, shown_body  # noqa: PLC0415

    if file is None and from_job is None:
        raise click.UsageError("give a FILE of the job's fields, or --from-job JOB")
    body: dict[str, Any] = {}
    with settings.client() as client:
        if from_job is not None:
            body = copied_body(get_job(client, from_job))
        if file is not None:
            loaded = yaml.safe_load(file.read_text())
            if not isinstance(loaded, dict):
                raise click.UsageError(f"{file}: expected a mapping of the job's fields, got {type(loaded).__name__}")
            body = merged(body, loaded)
        checked = checked_body(body)
        if dry_run:  # what would be sent, with its secrets masked: a terminal or a CI log is no place for them
            click.echo(json.dumps(shown_body(checked), indent=2))
            return ExitCode.OK
        created = create_job(client, checked, job_id=job_id)
    _emit(iter([created]), _output(output), single=True)
    return ExitCode.OK


@cli.command()
@click.argument("jobs", nargs=-1, required=True)
@click.pass_obj
def cancel(settings: Settings, jobs: tuple[str, ...]) -> int:
    """Cancel jobs."""
    from .. import cancel_job  # noqa: PLC0415

    with settings.client() as client:
        for job in jobs:
            cancel_job(client, job)
            click.echo(f"cancel requested: {job}", err=True)
    return ExitCode.OK


@cli.command()
@click.argument("jobs", nargs=-1, required=True)
@output_option
@click.pass_obj
def resume(settings: Settings, jobs: tuple[str, ...], output: str | None) -> int:
    """Resume jobs."""
    from .. import resume_job  # noqa: PLC0415

    with settings.client() as client:
        resumed = [resume_job(client, job) for job in jobs]
    _emit(iter(resumed), _output(output), single=len(resumed) == 1)
    return ExitCode.OK


@cli.command()
@click.argument("jobs", nargs=-1, required=True)
@click.option("-y", "--yes", is_flag=True, help="Delete without asking.")
@click.pass_obj
def delete(settings: Settings, jobs: tuple[str, ...], yes: bool) -> int:
    """Delete jobs (asks first, unless --yes)."""
    from .. import delete_job  # noqa: PLC0415

    if not yes:
        if not sys.stdin.isatty():
            raise click.UsageError("not on a terminal, nobody can answer: pass --yes to delete")
        listed = ", ".join(jobs)
        if not click.confirm(f"Delete {len(jobs)} job(s): {listed}?", default=False, err=True):
            click.echo("nothing deleted", err=True)
            return ExitCode.JOB_FAILED
    with settings.client() as client:
        for job in jobs:
            delete_job(client, job)
            click.echo(f"deleted: {job}", err=True)
    return ExitCode.OK


# --- exporting ------------------------------------------------------------------------------------


@cli.command()
@click.argument("jobs", nargs=-1)
@click.option("--filter", "filter_", metavar="EXPR", help="Export every job this List filter matches.")
@click.option("--format", "format_", type=click.Choice(("jsonl", "csv")), default="jsonl", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many jobs.")
@click.pass_obj
def export(settings: Settings, jobs: tuple[str, ...], filter_: str | None, format_: str, limit: int | None) -> int:
    """Write jobs as JSONL or CSV, with derived columns: queue and run time, accelerator hours, outcome.

    Without JOBs or --filter, every job of the account.
    """
    from .. import list_jobs  # noqa: PLC0415

    if jobs and filter_:
        raise click.UsageError("name JOBs or give --filter, not both")
    with settings.client() as client:
        found: Iterable[ReinforcementFineTuningJob] = (
            (get_job(client, job) for job in jobs)
            if jobs
            else list_jobs(client, filter=filter_, page_size=200, max_items=limit)
        )
        if format_ == "jsonl":
            for job in found:
                click.echo(json.dumps({"job": job.to_dict(), **derived.derived_columns(job)}))
        else:
            _write_csv(found)
    return ExitCode.OK


_CSV_COLUMNS = ("name", "displayName", "state", "outcome", "createTime", "completedTime", "percent", "epoch",
                "totalSeconds", "queueSeconds", "runSeconds")  # fmt: skip


def _write_csv(jobs: Iterable[ReinforcementFineTuningJob]) -> None:
    rows = []
    kinds: set[str] = set()
    for job in jobs:
        data, extra = job.to_dict(), derived.derived_columns(job)
        hours: dict[str, float] = extra.pop("acceleratorHours")
        kinds.update(hours)
        row = {**{k: data.get(k, "") for k in _CSV_COLUMNS}, **{k: "" if v is None else v for k, v in extra.items()}}
        row.update({"percent": derived.percent(job), "epoch": derived.epoch(job)})
        row.update({f"acceleratorHours.{kind}": round(value, 4) for kind, value in hours.items()})
        rows.append(row)
    columns = [*_CSV_COLUMNS, *(f"acceleratorHours.{kind}" for kind in sorted(kinds))]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


# --- output ---------------------------------------------------------------------------------------


def _emit(jobs: Iterator[ReinforcementFineTuningJob], output: str, *, single: bool) -> None:
    if output == "jsonl":
        for job in jobs:
            click.echo(json.dumps(job.to_dict()))
    elif output == "json":
        dicts = [job.to_dict() for job in jobs]
        click.echo(json.dumps(dicts[0] if single and dicts else dicts, indent=2))
    elif single:
        Console(highlight=False).print(_detail_table(next(jobs)))
    else:
        Console(highlight=False).print(_list_table(jobs))


def _list_table(jobs: Iterator[ReinforcementFineTuningJob]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("JOB", "DISPLAY NAME", "STATE", "PROGRESS", "EPOCH", "CREATED", "TOTAL TIME", "ACCEL H"):
        table.add_column(column)
    for job in jobs:
        percent, epoch = derived.percent(job), derived.epoch(job)
        hours = sum(derived.accelerator_hours(job).values())
        table.add_row(
            derived.job_id(job.name) if not isinstance(job.name, Unset) else "?",
            job.display_name if not isinstance(job.display_name, Unset) else "",
            short_state(job.state or JobState.JOB_STATE_UNSPECIFIED),
            f"{percent}%" if percent is not None else "-",
            str(epoch) if epoch is not None else "-",
            job.create_time.strftime("%Y-%m-%d %H:%M") if not isinstance(job.create_time, Unset) else "-",
            duration(derived.total_seconds(job)),
            f"{hours:.1f}" if hours else "-",
        )
    return table


def _detail_table(job: ReinforcementFineTuningJob) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    data = job.to_dict()
    extra = derived.derived_columns(job)
    rows: list[tuple[str, Any]] = [
        ("name", data.get("name")),
        ("display name", data.get("displayName")),
        ("state", data.get("state")),
        ("status", " ".join(str(v) for v in (data.get("status") or {}).values()) or None),
        ("progress", f"{derived.percent(job)}%" if derived.percent(job) is not None else None),
        ("epoch", derived.epoch(job)),
        ("created", data.get("createTime")),
        ("completed", data.get("completedTime")),
        ("total time", duration(extra["totalSeconds"]) if extra["totalSeconds"] is not None else None),
        ("base model", (data.get("trainingConfig") or {}).get("baseModel")),
        ("output model", (data.get("trainingConfig") or {}).get("outputModel")),
        ("dataset", data.get("dataset")),
        ("evaluator", data.get("evaluator")),
        ("accelerator hours", ", ".join(f"{k} {v:.1f}" for k, v in extra["acceleratorHours"].items()) or None),
        ("W&B", (data.get("wandbConfig") or {}).get("url")),
    ]
    for key, value in rows:
        if value not in (None, ""):
            table.add_row(key, str(value))
    return table
