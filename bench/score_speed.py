"""Speed of reading label files and of the official metrics on the PTC training set.

    python bench/score_speed.py [--shared ../shared]

Prints seconds (median of 5 runs) and peak memory. Needs ../shared/corpora.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from slant.formats import SpanLabel, read_labels
from slant.score import score


def timed(func, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args()
    corpora = Path(args.shared) / "corpora"
    if not corpora.is_dir():
        print(f"no corpora at {corpora}", file=sys.stderr)
        return 2
    folder = corpora / "ptc" / "train-labels-flc"
    gold = read_labels(folder, "flc")
    rng = random.Random(0)
    pred = [SpanLabel(g.article_id, g.start + rng.randint(0, 3), g.end + rng.randint(1, 9), g.technique)
            for g in gold if rng.random() < 0.8]
    n_articles = len({g.article_id for g in gold})
    read_s = timed(lambda: read_labels(folder, "flc"))
    flc_s = timed(lambda: score("flc", gold, pred, "ptc2020"))
    si_s = timed(lambda: score("si", gold, pred))
    tc_s = timed(lambda: score("tc", gold, pred, "ptc2020"))
    tracemalloc.start()  # memory measured apart: tracing slows everything down
    score("flc", read_labels(folder, "flc"), pred, "ptc2020")
    peak = tracemalloc.get_traced_memory()[1]
    print(f"gold spans {len(gold)}, predicted {len(pred)}, articles {n_articles}")
    n_files = len(list(folder.iterdir()))
    print(f"read {n_files} FLC files: {read_s * 1000:.1f} ms ({n_articles / read_s:,.0f} articles/s)")
    print(f"score flc: {flc_s * 1000:.1f} ms ({n_articles / flc_s:,.0f} articles/s)")
    print(f"score si:  {si_s * 1000:.1f} ms")
    print(f"score tc:  {tc_s * 1000:.1f} ms")
    print(f"peak traced memory: {peak / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
