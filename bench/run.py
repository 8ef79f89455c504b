"""Serve the portal with gunicorn (2 workers, DEBUG off) and load each page with wrk.

Each page is loaded right after the bare Django view (/ping), whose rate is this machine's
ceiling at that moment (a shared machine's speed drifts by 10x): the share of bare is the
figure. Every page is run ``--repeat`` times, round after round, and the table gives the
medians, with the warm server time and query count of each page in-process (queries.py).
Staff pages are loaded as their users (a signed-in session cookie). See bench/README.md.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagelist import fill, randomize, read_pages

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def session_for(username: str, env: dict) -> str:
    code = (
        "from django.contrib.auth import get_user_model; from importlib import import_module; "
        "from django.conf import settings; "
        f"u = get_user_model().objects.get(username={username!r}); "
        "s = import_module(settings.SESSION_ENGINE).SessionStore(); "
        "s['_auth_user_id'] = str(u.pk); "
        "s['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend'; "
        "s['_auth_user_hash'] = u.get_session_auth_hash(); s.create(); print('KEY', s.session_key)"
    )
    out = manage("shell", "-c", code, env=env)
    return re.search(r"KEY (\w+)", out).group(1)


def wrk(url: str, seconds: int, cookie: str | None, env: dict | None = None) -> dict:
    cmd = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s", "-s", str(ROOT / "bench/latency.lua")]
    if cookie:
        cmd += ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run(
        [*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=True, env=env
    ).stdout
    requests, duration_us, p50, p95, errors = map(
        int, re.search(r"BENCH (\d+) (\d+) (\d+) (\d+) (\d+)", out).groups()
    )
    return {"rps": requests / (duration_us / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "errors": errors}


def probe(base: str, path: str, cookie: str | None) -> None:
    """One request first: the page answers 200 as this person (not the sign-in page)."""
    request = urllib.request.Request(base + randomize(path, 1))
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    response = urllib.request.urlopen(request, timeout=120)
    if response.status != 200 or "/accounts/login/" in response.geturl():
        sys.exit(f"{path} answered {response.status} at {response.geturl()}, not 200")


def median(values: list[float]) -> float:
    return statistics.median(values)


def drained(base: str) -> None:
    """Wait until both workers are free again: a slow page's requests still queued when wrk
    stopped would otherwise fall into the next bare-view run."""
    for _ in range(60):
        began = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda _n: urllib.request.urlopen(f"{base}/ping", timeout=300).read(), range(2)))
        if time.perf_counter() - began < 0.5:
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page (default 5)")
    parser.add_argument("--bare", type=int, default=4, help="seconds of /ping before each page (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each page; medians are shown (3)")
    parser.add_argument("--scale", type=int, default=0, help="first run seed_demo --scale N")
    parser.add_argument("--user", default="qms", help="demo login for pages marked auth (default qms)")
    parser.add_argument("--urls", default=str(ROOT / "bench/pages.txt"), help="page list (bench/pages.txt)")
    parser.add_argument("--no-seed", action="store_true", help="skip seed_demo (the data is there)")
    parser.add_argument("--no-server-ms", action="store_true", help="skip the in-process timings")
    parser.add_argument("--server-runs", type=int, default=5, help="warm in-process renderings per page (5)")
    parser.add_argument("--out", default=str(ROOT / "bench/results/latest.md"), help="the table's file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.base",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "LOG_LEVEL": "WARNING",
        # The certificate check is limited per address; the benchmark is one address.
        "IAAR_VERIFY_LIMIT_PER_MINUTE": "1000000000",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    if not args.no_seed:
        manage("seed_demo", *(["--scale", str(args.scale)] if args.scale else []), env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    pages = read_pages(Path(args.urls))
    cookies = {}
    for _name, _path, who in pages:
        login = args.user if who == "auth" else who
        if login != "anon" and login not in cookies:
            cookies[login] = session_for(login, env)
    values = json.loads(
        manage(
            "shell",
            "-c",
            "import json, sys; sys.path.insert(0, 'bench'); from queries import _placeholders; "
            "from documents.models import Document; from accreditation.models import Organization, "
            "Decision, Certificate; from improvement.models import Nonconformity; "
            "from surveys.models import Response; from django.db import connection; "
            "v = {k: str(x) for k, x in _placeholders().items()}; "
            "v.update(vendor=connection.vendor, documents=Document.objects.count(), "
            "organizations=Organization.objects.count(), decisions=Decision.objects.count(), "
            "certificates=Certificate.objects.count(), nonconformities=Nonconformity.objects.count(), "
            "responses=Response.objects.count(), "
            "bench=Organization.objects.filter(iaar_id__startswith='B-').count()); print(json.dumps(v))",
            env=env,
        ).splitlines()[-1]
    )
    env["BENCH_MAX"] = str(max(int(values["bench"]), 1))

    port = free_port()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "iaar_qms.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    runs: dict[str, list[tuple[dict, dict]]] = {}
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/ping", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for _name, path, who in pages:
            login = args.user if who == "auth" else who
            probe(base, fill(path, values), cookies.get(login))
        # Round after round, so that a slow spell of the machine falls on every page alike;
        # the bare view right before each page gives the ceiling of that moment.
        for _round in range(args.repeat):
            for name, path, who in pages:
                if path == "/ping":
                    continue
                login = args.user if who == "auth" else who
                drained(base)
                bare = wrk(f"{base}/ping", args.bare, None, env)
                page = wrk(base + fill(path, values), args.duration, cookies.get(login), env)
                runs.setdefault(name, []).append((bare, page))
                print(
                    f"  {name}: {page['rps']:.1f} req/s, bare {bare['rps']:.0f} "
                    f"({page['rps'] / max(bare['rps'], 1e-9):.3f})",
                    file=sys.stderr,
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)

    server_ms: dict = {}
    if not args.no_server_ms:
        with tempfile.NamedTemporaryFile(suffix=".json") as handle:
            subprocess.run(
                [
                    PY,
                    "bench/queries.py",
                    "--pages",
                    args.urls,
                    "--json",
                    handle.name,
                    "--runs",
                    str(args.server_runs),
                ],
                cwd=ROOT,
                env={**env, "BENCH_USER": args.user},
                check=True,
            )
            server_ms = json.loads(Path(handle.name).read_text())

    lines = [
        f"Database: {values['vendor']} · documents {values['documents']} · organizations "
        f"{values['organizations']} · decisions {values['decisions']} · certificates "
        f"{values['certificates']} · nonconformities {values['nonconformities']} · survey responses "
        f"{values['responses']}",
        f"gunicorn 2 workers · wrk 2 threads × 8 connections · each page {args.duration} s right after "
        f"{args.bare} s of the bare view (/ping) · medians of {args.repeat} runs · server ms: median of "
        f"{args.server_runs} warm renderings in-process",
        "",
        "| page | who | req/s | p50 ms | p95 ms | bare req/s | share of bare | server ms (warm) | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, path, who in pages:
        if path == "/ping":
            continue
        measured = runs[name]
        errors = sum(page["errors"] for _bare, page in measured)
        flag = f" ({errors} non-2xx)" if errors else ""
        queries, ms = server_ms.get(name, (None, None))
        lines.append(
            f"| {name} | {args.user if who == 'auth' else who} "
            f"| {median([p['rps'] for _b, p in measured]):.1f}{flag} "
            f"| {median([p['p50'] for _b, p in measured]):.0f} "
            f"| {median([p['p95'] for _b, p in measured]):.0f} "
            f"| {median([b['rps'] for b, _p in measured]):.0f} "
            f"| {median([p['rps'] / max(b['rps'], 1e-9) for b, p in measured]):.3f} "
            f"| {'—' if ms is None else f'{ms:.0f}'} | {'—' if queries is None else queries} |"
        )
    if "KPI report PDF (yearly)" in server_ms:
        ms = server_ms["KPI report PDF (yearly)"][1]
        lines.append(f"| KPI report PDF (yearly) | in-process | — | — | — | — | — | {ms:.0f} | — |")
    report = "\n".join(lines)
    print(report)
    out = Path(args.out)
    out.parent.mkdir(exist_ok=True)
    out.write_text(report + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
