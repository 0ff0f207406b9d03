"""Write a page and its gold file from an annotated source, so nobody counts line numbers by hand.

    python tests/data/pages/annotate.py my_page.src tests/data/pages/dev/

Each line of the source starts with a tag and a bar; the rest of the line is the page's line, kept as it is
(leading spaces included). An empty source line is an empty page line.

    T|  the title            P|  a body paragraph          X|  boilerplate (ads, prompts, controls)
    H|  a comment header     C|  a line of a comment's text
    #c author="Ann Lee" date="May 2, 2024" reply=0      opens a comment (author "" for none); not a page line

Writes ``NAME.txt`` and ``NAME.gold.json`` into the target folder. For an HTML page, annotate the text slant
should extract (title, then paragraphs and comments separated by blank lines) and keep only the gold file.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and int(out[-1].split("-")[-1]) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ",".join(out)


def annotate(source: str) -> tuple[str, dict[str, Any]]:
    lines: list[str] = []
    title: int | None = None
    body: list[int] = []
    comments: list[dict[str, Any]] = []
    for raw in source.split("\n"):
        if raw.startswith("#c"):
            fields = dict(part.split("=", 1) for part in shlex.split(raw[2:]))
            comments.append({"author": fields.get("author") or None, "date": fields.get("date"),
                             "reply_to": int(fields["reply"]) if "reply" in fields else None,
                             "text": [], "headers": []})
            continue
        if not raw.strip():
            lines.append("")
            continue
        tag, bar, text = raw.partition("|")
        if not bar or tag not in "TPXHC" or (tag in "HC" and not comments):
            raise ValueError(f"bad annotated line: {raw!r}")
        lines.append(text)
        number = len(lines)
        if tag == "T":
            title = number
        elif tag == "P":
            body.append(number)
        elif tag in "HC":
            comments[-1]["headers" if tag == "H" else "text"].append(number)
    while lines and not lines[-1]:
        lines.pop()
    gold_comments = []
    for c in comments:
        first, last = (c["text"][0], c["text"][-1]) if c["text"] else (None, None)
        span = str(first) if first == last else f"{first}-{last}"
        where = {"lines": span} if c["text"] else {"header": c["headers"][-1]}
        extra = {k: c[k] for k in ("date", "reply_to") if c[k] is not None}
        gold_comments.append({**where, "author": c["author"], **extra})
    return "\n".join(lines) + "\n", {"title": title, "body": _ranges(body), "comments": gold_comments}


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    text, gold = annotate(source.read_text(encoding="utf-8"))
    (target / f"{source.stem}.txt").write_text(text, encoding="utf-8")
    (target / f"{source.stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                      encoding="utf-8")


if __name__ == "__main__":
    main()
