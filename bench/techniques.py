"""Speed of technique detection per tier: articles/s, peak memory, and pipeline time over a bare forward pass.

    python bench/techniques.py [--articles N] [--tier fast] [--threads 2]

Articles: the first N PTC training articles from ../shared/corpora (by id), or this repo's examples repeated
when the corpora are absent. Three timings over the same texts, each after one warm-up article:

* pipeline: ``slant.pipeline.analyze_texts(texts, layout="article", labels=False)`` (read, encode, model,
  decode, explain), and again with the article labels (language, genre, frames, persuasion score),
  16 articles' windows batched together, as ``slant analyze`` and ``slant predict`` do;
* pipeline, one by one: ``analyze_text`` per article (what a caller of the one-document API gets);
* model: ``TechniqueModel.tokens_many`` (encode + windows + forward + stitching), 16 articles at a time;
* bare forward: ``session.run`` alone on the very batches the model builds.

Peak memory is the process's maximum resident set size (it includes onnxruntime's native buffers).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(n: int) -> tuple[list[str], str]:
    corpus = ROOT.parent / "shared" / "corpora" / "ptc" / "train-articles"
    if corpus.is_dir():
        files = sorted(corpus.glob("article*.txt"))[:n]
        return [f.read_text(encoding="utf-8") for f in files], f"{len(files)} PTC training articles"
    base = [(ROOT / "examples" / name).read_text(encoding="utf-8") for name in ("article.txt", "page.txt")]
    return [base[i % 2] for i in range(n)], f"{n} copies of the repo's examples (../shared absent)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--tier", default="fast")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    os.environ["SLANT_THREADS"] = str(args.threads)
    sys.path.insert(0, str(ROOT / "src"))
    from slant.pipeline import analyze_text, analyze_texts
    from slant.techniques import load_model
    from slant.techniques.encode import encode
    from slant.techniques.windows import batch_items

    docs, what = texts(args.articles)
    model = load_model(args.tier)
    analyze_text(docs[0], layout="article", model=args.tier)  # warm-up

    t = time.perf_counter()
    n_spans = sum(len(d.spans) for d in analyze_texts(docs, layout="article", model=args.tier, labels=False))
    pipeline = time.perf_counter() - t

    analyze_texts(docs[:1], layout="article", model=args.tier)  # loads the article model
    t = time.perf_counter()
    analyze_texts(docs, layout="article", model=args.tier)
    labelled = time.perf_counter() - t

    t = time.perf_counter()
    for text in docs:
        analyze_text(text, layout="article", model=args.tier, labels=False)
    single = time.perf_counter() - t

    t = time.perf_counter()
    for first in range(0, len(docs), 16):
        model.tokens_many(docs[first : first + 16])
    tokens = time.perf_counter() - t

    batches = []
    n_pieces = 0
    for first in range(0, len(docs), 16):
        encs = [encode(model.tokenizer, text, size=model.window) for text in docs[first : first + 16]]
        n_pieces += sum(len(enc) for enc in encs)
        for enc in encs:  # as the model batches them: a text's windows together, never with another text's
            batches += [batch_items([(enc, s, e) for s, e in enc.windows[b : b + 16]])
                        for b in range(0, len(enc.windows), 16)]
    t = time.perf_counter()
    for ids, mask, feats in batches:
        model.forward(ids, mask, feats)
    bare = time.perf_counter() - t

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(docs)
    print(f"tier {args.tier} ({model.name}), {args.threads} threads, {what}, {n_pieces / n:.0f} word pieces each")
    print(f"  pipeline      {n / pipeline:7.1f} articles/s   ({pipeline:.2f} s, {n_spans} spans)")
    print(f"  + labels      {n / labelled:7.1f} articles/s   ({labelled:.2f} s: language, genre, frames, score)")
    print(f"  one by one    {n / single:7.1f} articles/s   ({single:.2f} s)")
    print(f"  model         {n / tokens:7.1f} articles/s   ({tokens:.2f} s)")
    print(f"  bare forward  {n / bare:7.1f} articles/s   ({bare:.2f} s, {n_pieces / bare:.0f} pieces/s)")
    print(f"  pipeline / bare forward = {pipeline / bare:.2f}")
    print(f"  peak memory (max RSS) {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
