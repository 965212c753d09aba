"""The table printed by `make bench`, the targets, and the JSON written beside it."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import imports, listing, parsing
from bench.contenders import LABELS
from bench.payload import CURRENT, PAYLOADS


@dataclass(frozen=True)
class Target:
    name: str
    path: tuple[str, ...]  # where the ratio lives in the results
    limit: float
    at_most: bool  # True: ratio <= limit; False: ratio >= limit
    unit: str = "x"  # how the figure is printed: a ratio, or a count such as " requests"

    def ratio(self, results: dict[str, Any]) -> float | None:
        value: Any = results
        for key in self.path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return float(value)

    def verdict(self, ratio: float) -> bool:
        return ratio <= self.limit if self.at_most else ratio >= self.limit


def _sync_targets(payload: str) -> tuple[Target, ...]:
    where = ("sync_get", "payloads", payload, "ratios")
    name = f"sync GET, CPU per call, {PAYLOADS[payload]}: ours"
    return (
        Target(f"{name} / raw httpx client.get(path)", (*where, "cpu_ours_vs_httpx"), 0.95, True),
        Target(f"{name} / raw httpx, prebuilt absolute URL", (*where, "cpu_ours_vs_httpx_url"), 1.10, True),
        Target(f"{name} / official SDK", (*where, "cpu_ours_vs_sdk"), 0.60, True),
    )


TARGETS = (
    *(target for payload in PAYLOADS for target in _sync_targets(payload)),
    Target(
        f"from_dict, {PAYLOADS[CURRENT]}: ours / pydantic v2 model_validate",
        ("parsing", "ratios", f"from_dict_ours_vs_pydantic_{CURRENT}"),
        1.0,
        True,
    ),
    Target("cold import for a GET: ours / official SDK", ("cold_import", "ratios", "ours_vs_sdk"), 0.25, True),
    Target(
        "async req/s at c=64, ours on aiohttp's transport / official SDK",
        ("async_get", "c64", "ratios", "rps_ours_vs_sdk"),
        1.0,
        False,
    ),
    Target(
        "async req/s at c=64, ours on httpx's transport / official SDK",
        ("async_get", "c64", "ratios", "rps_ours_httpx_vs_sdk"),
        1.0,
        False,
    ),
    Target(
        "async req/s at c=64, ours on httpx's transport / official SDK on httpx's transport",
        ("async_get", "c64", "ratios", "rps_ours_httpx_vs_sdk_httpx"),
        1.0,
        False,
    ),
    Target("list jobs, CPU per job: ours / official SDK", ("list_jobs", "ratios", "cpu_ours_vs_sdk"), 0.60, True),
    # Flat: listing ten times the jobs may not take much more memory (one page at a time).
    Target("list jobs, peak memory 10x jobs / 1x: ours", ("list_jobs", "ratios", "peak_growth_ours"), 1.5, True),
    Target("watching 1,000 jobs: requests per poll round", ("watch", "requests_per_round_max"), 5, True, " requests"),
    Target("watching 1,000 jobs: memory, later rounds / earlier", ("watch", "memory_late_vs_early_rounds"), 1.1, True),
)


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    verdicts = []
    for target in TARGETS:
        ratio = target.ratio(results)
        if ratio is not None:
            verdicts.append(
                {
                    "name": target.name,
                    "ratio": ratio,
                    "limit": target.limit,
                    "rule": "<=" if target.at_most else ">=",
                    "unit": target.unit,
                    "pass": target.verdict(ratio),
                }
            )
    return verdicts


def _rows(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    table = [list(header), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for row in table:
        cells = [row[0].ljust(widths[0]), *(cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))]
        lines.append("  " + "   ".join(cells).rstrip())
    return lines


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x"


def _sync_lines(section: dict[str, Any]) -> list[str]:
    payloads = section["payloads"]
    first = next(iter(payloads.values()))
    header = ["client"]
    for payload in payloads:
        header += [f"CPU us ({payload})", f"wall us ({payload})"]
    rows = []
    for key in first["per_call"]:
        row = [LABELS[key]]
        for figures in payloads.values():
            row += [f"{figures['per_call'][key]['cpu_us']:.1f}", f"{figures['per_call'][key]['wall_us']:.1f}"]
        rows.append(row)
    for ratio, label in (
        ("ours_vs_httpx", "ours / raw httpx"),
        ("ours_vs_httpx_url", "ours / raw httpx, prebuilt URL"),
        ("ours_vs_sdk", "ours / official SDK"),
    ):
        row = [label]
        for figures in payloads.values():
            row += [_x(figures["ratios"][f"cpu_{ratio}"]), _x(figures["ratios"][f"wall_{ratio}"])]
        rows.append(row)
    lines = _rows(header, rows)
    lines.append("  (payloads: " + "; ".join(f"{key}: {PAYLOADS[key]}" for key in payloads) + ")")
    lines.append(f"  (the server's own CPU per request: {section['server_cpu_us']:.1f} us, in its own process)")
    return lines


def _async_lines(section: dict[str, Any]) -> list[str]:
    levels = [key for key, value in section.items() if isinstance(value, dict)]
    header = ("client", *(f"{level.replace('c', 'c=')} req/s" for level in levels))
    keys = list(section[levels[0]]["rps"])
    rows = [[LABELS[key], *(f"{section[level]['rps'][key]:.0f}" for level in levels)] for key in keys]
    rows += [[f"{LABELS[key]}, CPU us/call", *(f"{section[lv]['cpu_us'][key]:.1f}" for lv in levels)] for key in keys]
    rows.append(["ours / official SDK (req/s)", *(_x(section[lv]["ratios"]["rps_ours_vs_sdk"]) for lv in levels)])
    for ratio, label in (
        ("rps_ours_vs_httpx_aiohttp", "ours / raw httpx on aiohttp (same transport)"),
        ("rps_ours_vs_httpx", "ours / raw httpx (its own transport)"),
        ("rps_ours_httpx_vs_sdk", "ours on httpx's transport / official SDK"),
        ("rps_ours_httpx_vs_httpx", "ours on httpx's transport / raw httpx"),
        ("rps_ours_httpx_vs_sdk_httpx", "ours / official SDK, both on httpx's transport"),
    ):
        rows.append([f"{label} (req/s)", *(_x(section[lv]["ratios"][ratio]) for lv in levels)])
    lines = _rows(header, rows)
    lines.append(f"  (the server's own CPU per request: {section['server_cpu_us']:.1f} us, in its own process)")
    return lines


def _burst_lines(section: dict[str, Any]) -> list[str]:
    from bench.burst import TRANSPORTS  # noqa: PLC0415

    rows = [
        [
            name.replace("_", " on "),
            f"{section[name]['wall_s']['ours']:.2f}",
            f"{section[name]['wall_s']['sdk']:.2f}",
            _x(section[name]["ratio_ours_vs_sdk"]),
        ]
        for name in TRANSPORTS
    ]
    return _rows(("transport", "ours s", "official SDK s", "ours / SDK"), rows)


def _parsing_lines(section: dict[str, Any]) -> list[str]:
    parse, dump, from_dict = section["parse_us"], section["serialise_us"], section["from_dict_us"]
    rows = [
        [f"{label}, {payload}", f"{cpu[key]:.1f}", _x(cpu["ours"] / cpu[key])]
        for payload, cpu in from_dict.items()
        for key, label in parsing.FROM_DICT.items()
    ]
    lines = _rows(("from the decoded dict (tight loop)", "CPU us", "ours / this"), rows)
    rows = [[label, f"{parse[key]:.1f}", _x(parse["ours"] / parse[key])] for key, label in parsing.PARSERS.items()]
    lines += _rows(("parse the job payload (today's)", "CPU us", "ours / this"), rows)
    rows = [[label, f"{dump[key]:.1f}", _x(dump["ours"] / dump[key])] for key, label in parsing.SERIALISERS.items()]
    return lines + _rows(("serialise it back", "CPU us", "ours / this"), rows)


def _import_lines(section: dict[str, Any]) -> list[str]:
    ms, ratios = section["ms"], section["ratios"]
    lines = _rows(("import", "ms"), ((imports.LABELS[key], f"{value:.1f}") for key, value in ms.items()))
    lines.append(
        f"  ours / official SDK {_x(ratios['ours_vs_sdk'])} (dev venv {_x(ratios['ours_devenv_vs_sdk_devenv'])}); "
        f"ours / httpx {_x(ratios['ours_vs_httpx'])}"
    )
    lines.append("  (main rows: without click and rich, httpx's optional CLI, which neither package installs)")
    return lines


def _watch_lines(section: dict[str, Any]) -> list[str]:
    ours, sdk = section["ours"], section["sdk"]
    lines = _rows(
        ("client", "requests per round", "ms per round"),
        (
            ("ours: watch_jobs (List, 200 a page)", str(section["requests_per_round_max"]), f"{ours['round_ms']:.0f}"),
            ("official SDK: one Get per job", str(sdk["requests_per_round"]), f"{sdk['round_ms']:.0f}"),
        ),
    )
    lines.append(f"  ours / official SDK (requests): {section['requests_ratio_ours_vs_sdk']:.3f}x")
    memory = ours["memory_kib_per_round"]
    lines.append(f"  our memory after each round (KiB, tracemalloc): {', '.join(str(m) for m in memory)}")
    return lines


def _make_lines(section: dict[str, Any]) -> list[str]:
    return _rows(("target", "wall s"), ((f"make {target}", f"{value:.2f}") for target, value in section["s"].items()))


def _listing_lines(section: dict[str, Any]) -> list[str]:
    per_job, memory, ratios = section["per_job"], section["memory"], section["ratios"]
    low, high = sorted(next(iter(memory.values())), key=int)
    lines = _rows(
        ("client", "CPU us/job", "wall us/job", f"peak KiB, {int(low):,} jobs", f"peak KiB, {int(high):,} jobs"),
        (
            (
                listing.LABELS[key],
                f"{per_job[key]['cpu_us']:.1f}",
                f"{per_job[key]['wall_us']:.1f}",
                f"{memory[key][low]['peak_kib']:.0f}",
                f"{memory[key][high]['peak_kib']:.0f}",
            )
            for key in per_job
        ),
    )
    lines.append(
        f"  ours / official SDK: CPU per job {_x(ratios['cpu_ours_vs_sdk'])}, wall {_x(ratios['wall_ours_vs_sdk'])}"
    )
    lines.append(
        f"  peak memory {int(high):,} / {int(low):,} jobs: ours {_x(ratios['peak_growth_ours'])}, "
        f"SDK {_x(ratios['peak_growth_sdk'])}; ours / SDK at {int(high):,}: {_x(ratios['peak_ours_vs_sdk'])}"
    )
    lines.append(f"  (the server's own CPU per page: {section['server_cpu_us']:.1f} us, in its own process)")
    return lines


_SECTIONS = (
    ("sync_get", "1. One GET, sync client, against the local server", _sync_lines),
    ("async_get", "2. Async clients against the local server", _async_lines),
    ("burst", "2b. A burst of concurrent calls on one client", _burst_lines),
    ("parsing", "3. Parsing and serialising the job payload", _parsing_lines),
    ("cold_import", "4. Cold import, fresh interpreter", _import_lines),
    ("make", "5. Tooling wall time (scratch copy of the repo)", _make_lines),
    ("list_jobs", "6. Listing jobs page by page against the local server", _listing_lines),
    ("watch", "7. Watching many jobs", _watch_lines),
)


def render(results: dict[str, Any]) -> str:
    meta = results["meta"]
    lines = [
        f"fireworks-rft-client bench ({meta['mode']} run, {meta['started']}, Python {meta['python']}, "
        f"{meta['cpus']} CPUs, load {meta['load_before']})",
        "Every figure is a median of repeated measurements; every ratio compares figures of this run.",
    ]
    for key, title, section_lines in _SECTIONS:
        if key in results:
            lines += ["", f"{title} ({results[key].get('about', '')})".replace(" ()", ""), *section_lines(results[key])]
    lines += ["", "Targets"]
    for verdict in results["targets"]:
        mark = "PASS" if verdict["pass"] else "MISS"
        unit = verdict.get("unit", "x")
        figure = _x(verdict["ratio"]) if unit == "x" else f"{verdict['ratio']:g}{unit}"
        lines.append(f"  {mark}  {verdict['name']}: {figure} (target {verdict['rule']} {verdict['limit']:g}{unit})")
    return "\n".join(lines) + "\n"


def write_json(results: dict[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = results["meta"]["started"].replace(":", "").replace("-", "")
    path = out_dir / f"bench-{results['meta']['mode']}-{stamp}.json"
    text = json.dumps(results, indent=2) + "\n"
    path.write_text(text)
    (out_dir / "latest.json").write_text(text)
    return path
