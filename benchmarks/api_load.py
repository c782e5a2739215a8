"""Load on POST /api/ask over 127.0.0.1: sequential p50, a burst of concurrent questions,
and a sustained run of N concurrent clients for T seconds. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/api_load.py --url http://127.0.0.1:7860 [--clients 50 --seconds 60]
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

import httpx

QUESTIONS = [
    "Hoeveel mobiliteiten kregen in 2025 een Erasmus+-beurs in het beroepsonderwijs?",
    "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?",
    "Met hoeveel procent is het aantal Europass Mobiliteiten gestegen sinds 2018?",
    "How many mobilities were requested by schools in 2025?",
    "Wie won de Ronde van Vlaanderen in 2024?",
]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def sequential(client: httpx.Client, n: int) -> list[float]:
    times = []
    for i in range(n):
        t = time.perf_counter()
        r = client.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
        r.raise_for_status()
        times.append((time.perf_counter() - t) * 1000)
    return times


def burst(url: str, n: int) -> tuple[float, int, list[float]]:
    errors = 0
    times: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(n)

    def one(i: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=120) as c:
            start.wait()
            t = time.perf_counter()
            r = c.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
            with lock:
                times.append((time.perf_counter() - t) * 1000)
                errors += r.status_code != 200

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return (time.perf_counter() - t0) * 1000, errors, times


def sustained(url: str, clients: int, seconds: float) -> tuple[int, int, list[float]]:
    stop = time.perf_counter() + seconds
    times: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(i: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=120) as c:
            j = i
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    ok = c.post("/api/ask", json={"question": QUESTIONS[j % len(QUESTIONS)]}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    times.append((time.perf_counter() - t) * 1000)
                    errors += not ok
                j += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return len(times), errors, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7860")
    parser.add_argument("--sequential", type=int, default=50)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--clients", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with httpx.Client(base_url=args.url, timeout=120) as c:
        c.post("/api/ask", json={"question": QUESTIONS[0]}).raise_for_status()  # warm
        seq = sequential(c, args.sequential)
    print(f"sequential {args.sequential} calls: p50 {statistics.median(seq):.1f} ms, p95 {pct(seq, 95):.1f} ms")
    wall, errors, times = burst(args.url, args.burst)
    print(f"burst of {args.burst} concurrent questions: all answered in {wall:.0f} ms, errors {errors}, "
          f"p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms")  # fmt: skip
    if args.clients:
        n, errors, times = sustained(args.url, args.clients, args.seconds)
        print(f"sustained {args.clients} clients x {args.seconds:.0f} s: {n} requests ({n / args.seconds:.1f}/s), "
              f"errors {errors}, p50 {statistics.median(times):.1f} ms, p95 {pct(times, 95):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
