"""The load test's results: every action's outcome, the server's memory, and the summary."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
from dataclasses import dataclass, field

from benchmarks.machine import rss_mb


@dataclass
class Results:
    """Every action's outcome, and the server's memory over time."""

    times: dict[str, list[float]] = field(
        default_factory=lambda: {"open": [], "filter": [], "select": []}
    )
    failures: dict[str, list[str]] = field(
        default_factory=lambda: {"open": [], "filter": [], "select": []}
    )
    memory: list[tuple[float, float, int]] = field(default_factory=list)  # (s, MB, sessions)
    replica_memory: list[list[float]] = field(default_factory=list)  # MB per replica, per sample
    active: int = 0

    def record(self, kind: str, started: float) -> None:
        """Count an action of `kind` that succeeded, begun at `started` (perf_counter)."""
        self.times[kind].append(time.perf_counter() - started)

    def fail(self, kind: str, error: BaseException) -> None:
        """Count an action of `kind` that failed, with the first line of its error."""
        first_line = (str(error).splitlines() or [""])[0][:160]
        self.failures[kind].append(f"{type(error).__name__}: {first_line}")


async def sample_memory(
    pids: list[int], results: Results, every_s: float, stop: asyncio.Event
) -> None:
    """Sample the servers' RSS (their sum, and each replica's) until `stop` is set."""
    begun = time.monotonic()
    while not stop.is_set():
        each = [rss_mb(pid) for pid in pids]
        results.memory.append((time.monotonic() - begun, sum(each), results.active))
        results.replica_memory.append(each)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every_s)


def percentile(values: list[float], share: float) -> float:
    """Return the `share` quantile (0–1) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def memory_trend(samples: list[tuple[float, float, int]], full_from: float, end: float) -> float:
    """MB per minute the RSS grew over the second half of the time all sessions ran."""
    middle = full_from + (end - full_from) / 2
    late = [(s, mb) for s, mb, _ in samples if middle <= s <= end]
    if len(late) < 3:
        return float("nan")
    xs, ys = [s for s, _ in late], [mb for _, mb in late]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    return slope * 60


def summary(args: argparse.Namespace, results: Results, cpu_s: list[float], wall_s: float) -> dict:
    """Everything worth keeping from a run, as plain values."""
    actions = {}
    for kind in ("open", "filter", "select"):
        times = results.times[kind]
        failed = results.failures[kind]
        tried = len(times) + len(failed)
        actions[kind] = {
            "tried": tried,
            "succeeded": len(times),
            "success_rate": len(times) / tried if tried else float("nan"),
            "median_s": percentile(times, 0.5),
            "p95_s": percentile(times, 0.95),
            "max_s": max(times, default=float("nan")),
            "failures": sorted(set(failed))[:10],
        }
    samples = results.memory
    full_from = args.ramp
    end = args.ramp + args.seconds
    during = [mb for s, mb, _ in samples if s <= end]
    return {
        "mode": args.mode,
        "sessions": args.sessions,
        "browsers": args.browsers,
        "seconds": args.seconds,
        "ramp_s": args.ramp,
        "cpu_count": os.cpu_count(),
        "load_average_end": os.getloadavg(),
        "actions": actions,
        "replicas": args.replicas,
        "proxy": args.proxy,
        "server_cpu_percent": 100 * sum(cpu_s) / wall_s if wall_s else float("nan"),
        "server_cpu_percent_per_replica": [100 * c / wall_s if wall_s else None for c in cpu_s],
        "rss_mb_per_replica": [
            {
                "start": results.replica_memory[0][index],
                "peak": max(each[index] for each in results.replica_memory[: len(during)]),
            }
            for index in range(len(cpu_s))
        ]
        if results.replica_memory and during
        else [],
        "rss_mb": {
            "start": samples[0][1] if samples else float("nan"),
            "peak": max(during, default=float("nan")),
            "end_of_load": during[-1] if during else float("nan"),
            "after_cooldown": samples[-1][1] if samples else float("nan"),
            "growth_mb_per_min_second_half": memory_trend(samples, full_from, end),
        },
        "rss_samples": [(round(s, 1), round(mb, 1), n) for s, mb, n in samples],
    }


def print_summary(report: dict) -> None:
    """Print the summary as a short table."""
    print(
        f"\n{report['sessions']} {report['mode']} sessions"
        + (f" in {report['browsers']} chromium process(es)" if report["mode"] == "browser" else "")
        + ", "
        f"{report['seconds']} s after a {report['ramp_s']} s ramp, on {report['cpu_count']} CPUs, "
        f"{report['replicas']} replica(s)"
        + (f" behind {report['proxy']}" if report["proxy"] != "none" else "")
    )
    print(
        f"{'action':<8}{'tried':>7}{'ok':>7}{'success':>9}{'median s':>10}{'p95 s':>8}{'max s':>8}"
    )
    for kind, row in report["actions"].items():
        print(
            f"{kind:<8}{row['tried']:>7}{row['succeeded']:>7}{row['success_rate']:>9.1%}"
            f"{row['median_s']:>10.2f}{row['p95_s']:>8.2f}{row['max_s']:>8.2f}"
        )
        for failure in row["failures"]:
            print(f"    {failure}")
    memory = report["rss_mb"]
    print(
        f"server CPU {report['server_cpu_percent']:.0f} % of one core; RSS MB: start "
        f"{memory['start']:.0f}, peak {memory['peak']:.0f}, end of load "
        f"{memory['end_of_load']:.0f}, after cool-down {memory['after_cooldown']:.0f}; "
        f"growth over the last half {memory['growth_mb_per_min_second_half']:+.1f} MB/min"
    )
    if report["replicas"] > 1:
        per_replica = zip(
            report["rss_mb_per_replica"], report["server_cpu_percent_per_replica"], strict=True
        )
        for number, (rss, cpu) in enumerate(per_replica, start=1):
            print(
                f"replica {number}: CPU {cpu:.0f} % of one core; "
                f"RSS MB start {rss['start']:.0f}, peak {rss['peak']:.0f}"
            )
    print("RSS over time (s, MB of all replicas, sessions open):")
    samples = report["rss_samples"]
    step = max(1, len(samples) // 20)
    print("  " + "  ".join(f"{s:.0f}s:{mb:.0f}({n})" for s, mb, n in samples[::step]))
