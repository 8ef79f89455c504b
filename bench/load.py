"""Serve the portal with gunicorn (2 workers, DEBUG off) on the demo data and run the Locust
scenario of bench/locustfile.py against it, headless (`make load`, `make soak`).

`--soak` also samples each worker's resident memory (VmRSS in /proc/<pid>/status) every 10 s
and fails when a worker grew more than 10 % from its size after the first minute. Results go
to bench/results/ (load_stats.csv and friends, load.md; soak_rss.csv, soak.md). The run
fails when any request failed. See bench/README.md.
"""

import argparse
import csv
import os
import secrets
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from run import PY, ROOT, free_port, manage

RESULTS = ROOT / "bench/results"
SAMPLE_EVERY = 10
GROWTH_LIMIT = 0.10


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def workers_of(master: int) -> list[int]:
    """gunicorn's worker processes: the master's children."""
    children = Path(f"/proc/{master}/task/{master}/children")
    try:
        return sorted(int(p) for p in children.read_text().split())
    except OSError:
        return []


def sample(master: int, stop: threading.Event, samples: list, started: float) -> None:
    while not stop.is_set():
        at = round(time.monotonic() - started)
        for pid in workers_of(master):
            rss = rss_kib(pid)
            if rss is not None:
                samples.append((at, pid, rss))
        stop.wait(SAMPLE_EVERY)


def soak_verdict(samples: list, baseline_at: int = 60) -> tuple[bool, list[str]]:
    """Each worker's RSS after the first minute against its last sample."""
    by_pid: dict[int, list[tuple[int, int]]] = {}
    for at, pid, rss in samples:
        by_pid.setdefault(pid, []).append((at, rss))
    ok, lines = True, []
    for pid, rows in sorted(by_pid.items()):
        base = next((rss for at, rss in rows if at >= baseline_at), rows[0][1])
        end, peak = rows[-1][1], max(rss for _, rss in rows)
        growth = (end - base) / base
        good = growth <= GROWTH_LIMIT
        ok &= good
        lines.append(
            f"| {pid} | {rows[0][1] / 1024:.1f} | {base / 1024:.1f} | {end / 1024:.1f} | "
            f"{peak / 1024:.1f} | {growth * 100:+.1f} % | {'ok' if good else 'GREW'} |"
        )
    return ok, lines


def summary(prefix: Path) -> tuple[int, list[str]]:
    """(failures, markdown lines) from Locust's stats CSV."""
    with (prefix.parent / f"{prefix.name}_stats.csv").open() as f:
        rows = list(csv.DictReader(f))
    lines = ["| request | count | failures | req/s | p50 ms | p95 ms |", "|---|---:|---:|---:|---:|---:|"]
    failures = 0
    for row in rows:
        name = "**all**" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        lines.append(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} |"
        )
        if row["Name"] == "Aggregated":
            failures = int(row["Failure Count"])
    return failures, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--users", type=int, default=20, help="simulated visitors (default 20)")
    parser.add_argument("--soak", action="store_true", help="sample worker memory, fail on growth")
    args = parser.parse_args()
    name = "soak" if args.soak else "load"

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.base",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        # The certificate check's limit answers 429 (expected) and logs a warning for each.
        "LOG_LEVEL": "ERROR",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("seed_demo", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "iaar_qms.wsgi:application", "--workers", "2", "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    prefix = RESULTS / name
    samples: list = []
    stop = threading.Event()
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/ping", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        started = time.monotonic()
        sampler = threading.Thread(target=sample, args=(server.pid, stop, samples, started), daemon=True)
        if args.soak:
            sampler.start()
        locust = subprocess.run(
            [PY, "-m", "locust", "-f", str(ROOT / "bench/locustfile.py"), "--headless", "--host", base,
             "-u", str(args.users), "-r", str(max(args.users // 5, 1)), "-t", f"{args.time}s",
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        stop.set()
        if args.soak:
            sampler.join(timeout=5)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)

    failures, lines = summary(prefix)
    report = [
        f"`make {name}`: gunicorn 2 workers, demo data, {args.users} Locust users "
        f"(7 public : 3 staff), {args.time} s",
        "",
        *lines,
    ]
    ok = failures == 0 and locust.returncode == 0
    if args.soak:
        with (RESULTS / "soak_rss.csv").open("w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["seconds", "worker pid", "VmRSS KiB"])
            writer.writerows(samples)
        grew_ok, rss_lines = soak_verdict(samples)
        report += [
            "",
            f"Worker memory (MiB), sampled every {SAMPLE_EVERY} s; limit +{GROWTH_LIMIT:.0%} from 1 min:",
            "",
            "| worker | start | at 1 min | end | peak | growth | verdict |",
            "|---|---:|---:|---:|---:|---:|---|",
            *rss_lines,
        ]
        ok &= grew_ok and bool(samples)
    report += ["", f"Verdict: {'PASS' if ok else 'FAIL'} ({failures} failed requests)"]
    text = "\n".join(report)
    print(text)
    (RESULTS / f"{name}.md").write_text(text + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
