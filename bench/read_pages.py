"""How well and how fast slant reads pages: segmentation accuracy, comment F1, author accuracy, pages/s.

    python bench/read_pages.py            # every gold set, one row each, then speed
    python bench/read_pages.py --pages    # also one row per page

Gold sets (tests/data/pages/): ``seeds`` (the five real pages in ../shared/samples/seeds, developed on),
``dev`` (our pages the rules were tuned on), ``heldout`` (our pages written after the rules were frozen and
never tuned on) and ``html`` (our HTML pages; gold over the extracted text). Speed is measured on all pages
read together, repeated until at least two seconds have passed; peak memory with tracemalloc.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from slant.read import read_file  # noqa: E402
from slant.read.gold import PageScore, load_gold, score_page  # noqa: E402

PAGES = ROOT / "tests" / "data" / "pages"
SEEDS = ROOT.parent / "shared" / "samples" / "seeds"


def page_sets() -> dict[str, list[tuple[Path, Path]]]:
    """``{set name: [(page, gold), ...]}``; the seeds only when ../shared is present."""
    sets: dict[str, list[tuple[Path, Path]]] = {}
    for folder in sorted(p for p in PAGES.iterdir() if p.is_dir()):
        pairs = []
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name.removesuffix(".gold.json")
            home = SEEDS if folder.name == "seeds" else folder
            page = next((p for p in home.glob(stem + ".*") if not p.name.endswith(".gold.json")), None)
            if page is not None:
                pairs.append((page, gold))
        if pairs:
            sets[folder.name] = pairs
    return sets


def _row(name: str, score: PageScore, pages: int) -> str:
    d = score.to_dict()
    return (f"{name:<34} {pages:>5} {d['char_accuracy']:>8.4f} {d['comment_precision']:>6.3f} "
            f"{d['comment_recall']:>6.3f} {d['comment_f1']:>6.3f} {d['author_accuracy']:>7.3f} "
            f"{d['date_accuracy']:>6.3f} {d['reply_accuracy']:>6.3f} {score.gold_comments:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", action="store_true", help="one row per page too")
    args = parser.parse_args()
    sets = page_sets()
    print(f"{'set':<34} {'pages':>5} {'char_acc':>8} {'cP':>6} {'cR':>6} {'cF1':>6} {'author':>7} "
          f"{'date':>6} {'reply':>6} {'gold_c':>5}")
    everything = PageScore()
    for name, pairs in sets.items():
        total = PageScore()
        for page, gold in pairs:
            score = score_page(read_file(page), load_gold(gold))
            total += score
            if args.pages:
                print(_row("  " + page.name[:32], score, 1))
        everything += total
        print(_row(name, total, len(pairs)))
    print(_row("all", everything, sum(len(p) for p in sets.values())))
    _speed([page for pairs in sets.values() for page, _ in pairs])


def _speed(pages: list[Path]) -> None:
    for page in pages:  # warm-up: imports (trafilatura, lxml) and caches
        read_file(page)
    tracemalloc.start()
    for page in pages:
        read_file(page)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2.0:
        for page in pages:
            read_file(page)
        count += len(pages)
    elapsed = time.perf_counter() - started
    html = [p for p in pages if p.suffix == ".html"]
    text = [p for p in pages if p.suffix != ".html"]
    print(f"\nspeed: {count / elapsed:,.1f} pages/s over {len(pages)} pages ({len(text)} text, {len(html)} HTML), "
          f"peak traced memory {peak / 2**20:.1f} MiB")
    _big_page()
    for label, group in (("text", text), ("html", html)):
        if group:
            started = time.perf_counter()
            rounds = max(1, int(200 / len(group)))
            for _ in range(rounds):
                for page in group:
                    read_file(page)
            rate = rounds * len(group) / (time.perf_counter() - started)
            print(f"  {label}: {rate:,.1f} pages/s")


def _big_page() -> None:
    """A page near the 5 MB default limit: 13,000 body paragraphs and 40,000 threaded comments (synthetic)."""
    from slant.read import read_page

    body = "\n\n".join(f"Paragraph {i} of the article reports what the council said on Monday about the plan."
                       for i in range(13_000))
    thread = "\n\n".join(f"{'  ' * (1 + i % 3)}• reader{i}\n\n{'  ' * (2 + i % 3)}I think comment {i} is right, "
                          f"don't you?" for i in range(40_000))
    page = "A long page title for the benchmark\n\n" + body + "\n\nComments (40000)\n\n" + thread + "\n"
    started = time.perf_counter()
    doc = read_page(page)
    elapsed = time.perf_counter() - started
    print(f"  one {len(page.encode()) / 1e6:.1f} MB page ({len(doc.comments):,} comments): {elapsed:.1f} s, "
          f"{len(page.encode()) / 1e6 / elapsed:.2f} MB/s")


if __name__ == "__main__":
    main()
