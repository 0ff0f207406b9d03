"""The web API under load on localhost: latency of POST /api/analyze, sequential and concurrent.

    python bench/web.py [--sequential 200] [--concurrent 20] [--per-client 10] [--threads 2]

Starts ``slant serve`` in its own process on a free port (the shipped fast model), waits for
``/api/health``, then sends:

* ``--sequential`` requests one after another;
* ``--concurrent`` clients at once, each sending ``--per-client`` requests back to back.

Bodies rotate over the repo's examples (a news page with comments, an article, an HTML page), or over the
files of ``--pages DIR`` (say ../shared/samples/seeds: real pages of 3,000-10,000 characters), as JSON
``{"text": ...}``. Prints errors (any status other than 200 counts), p50/p95/max latency, requests/s and the
server's peak RSS. Requests are served one at a time by the model (see slant.web.app.Analyzer), so concurrent
latency grows with the queue: that is the number to read.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "examples" / name for name in ("page.txt", "article.txt", "page.html")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, body: bytes) -> tuple[float, int]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    except OSError:
        status = -1
    return time.perf_counter() - start, status


def report(name: str, results: list[tuple[float, int]], wall: float) -> None:
    latencies = sorted(t for t, _ in results)
    errors = sum(1 for _, status in results if status != 200)
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))]
    p50 = statistics.median(latencies)
    print(f"{name:<28} {len(results)} requests, {errors} error(s); latency p50 {p50 * 1000:.0f} ms,"
          f" p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms; {len(results) / wall:.1f} requests/s")


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sequential", type=int, default=200)
    ap.add_argument("--concurrent", type=int, default=20)
    ap.add_argument("--per-client", type=int, default=10)
    ap.add_argument("--pages", metavar="DIR", help="send these files instead of the repo's examples")
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime threads in the server (SLANT_THREADS)")
    args = ap.parse_args()

    files = sorted(p for p in Path(args.pages).iterdir() if p.is_file()) if args.pages else EXAMPLES
    bodies = [json.dumps({"text": f.read_text(encoding="utf-8", errors="replace")}).encode("utf-8") for f in files]
    what = f"{len(files)} files of {args.pages}" if args.pages else "the repo's 3 examples"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SLANT_THREADS=str(args.threads))
    server = subprocess.Popen([sys.executable, "-m", "slant", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(server.stderr.read().decode() if server.stderr else "", file=sys.stderr)
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        url = base + "/api/analyze"
        print(f"slant serve on localhost, model {health['model']}, {args.threads} onnxruntime thread(s); "
              f"bodies: {what} in turn ({min(map(len, bodies)):,} to {max(map(len, bodies)):,} bytes)")
        post(url, bodies[0])  # warm-up

        start = time.perf_counter()
        sequential = [post(url, bodies[i % len(bodies)]) for i in range(args.sequential)]
        report("sequential", sequential, time.perf_counter() - start)

        def client(k: int) -> list[tuple[float, int]]:
            return [post(url, bodies[(k + i) % len(bodies)]) for i in range(args.per_client)]

        start = time.perf_counter()
        with ThreadPoolExecutor(args.concurrent) as pool:
            concurrent = [r for rs in pool.map(client, range(args.concurrent)) for r in rs]
        report(f"{args.concurrent} concurrent clients", concurrent, time.perf_counter() - start)
        print(f"server peak memory (max RSS) {rss_mib(server.pid):.0f} MiB")
        failed = sum(1 for _, status in sequential + concurrent if status != 200)
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
