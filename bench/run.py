"""Serve the portal with gunicorn (2 workers, DEBUG off) and load each page with wrk.

Every figure is printed next to the bare Django view (/ping) measured in the same run, so
the table says how close each page comes to this machine's ceiling. See bench/README.md.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def read_urls(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            *name, path, who = line.split()
            rows.append((" ".join(name), path, who))
    return rows


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--scale", type=int, default=0, help="first run seed_demo --scale N")
    parser.add_argument("--user", default="qms", help="demo login for signed-in pages (default qms)")
    parser.add_argument("--urls", default=str(ROOT / "bench/urls.txt"))
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
    manage("seed_demo", *(["--scale", str(args.scale)] if args.scale else []), env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    cookie = session_for(args.user, env)
    counts = manage(
        "shell",
        "-c",
        "from documents.models import Document; from accreditation.models import Organization, Decision, "
        "Programme; from django.db import connection; "
        "p = Programme.objects.filter(organization__iaar_id='B-0004713').order_by('pk').first(); "
        "print(connection.vendor, Document.objects.count(), Organization.objects.count(), "
        "Decision.objects.count(), Organization.objects.filter(iaar_id__startswith='B-').count(), "
        "p.pk if p else 0)",
        env=env,
    ).split()[-6:]
    env["BENCH_MAX"] = str(max(int(counts[4]), 1))
    placeholders = {"{programme}": counts[5]}

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
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/ping", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        results = []
        for name, path, who in read_urls(Path(args.urls)):
            for key, value in placeholders.items():
                path = path.replace(key, value)
            probe = path.replace("__N7__", "0000001").replace("__N__", "1")
            request = urllib.request.Request(base + probe)
            if who == "auth":
                request.add_header("Cookie", f"sessionid={cookie}")
            status = urllib.request.urlopen(request, timeout=30).status
            if status != 200:
                sys.exit(f"{path} answered {status}, not 200")
            results.append(
                (name, path, wrk(base + path, args.duration, cookie if who == "auth" else None, env))
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)

    ceiling = results[0][2]["rps"]
    lines = [
        f"Database: {counts[0]} · documents: {counts[1]} · organizations: {counts[2]} · "
        f"council decisions: {counts[3]} · "
        f"gunicorn 2 workers · wrk 2 threads, 8 connections, {args.duration} s per page",
        "",
        "| page | path | req/s | p50 ms | p95 ms | share of bare view |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, path, r in results:
        flag = f" ({r['errors']} non-2xx)" if r["errors"] else ""
        lines.append(
            f"| {name} | `{path}` | {r['rps']:.0f}{flag} | {r['p50']:.1f} | {r['p95']:.1f} | {r['rps'] / ceiling:.2f} |"
        )
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench/results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
