"""The ``slant`` command: parse arguments, call the library, print. Nothing else lives here.

Data goes to stdout (or ``-o FILE``), messages to stderr. Exit status: 0 all went well, 1 some inputs of a
batch failed (each reported), 2 a usage or input error stopped the command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .document import Document
from .errors import SlantError
from .evaluate import score_paths, validate_path
from .pipeline import detect_documents
from .progress import Progress
from .read import LAYOUTS, read_file
from .render import document_summary, page_view, score_table, technique_table, validation_summary
from .score import TASKS
from .taxonomy import TAXONOMIES
from .techniques import load_model
from .techniques.tasks import PREDICT_TASKS
from .textio import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_SOME_FAILED, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors in slant's shape."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"slant: error: {message}\n")


def _fail(message: str) -> None:
    print(f"slant: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"slant: warning: {message}", file=sys.stderr)


def _emit(args: argparse.Namespace, text: str) -> None:
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- commands ------------------------------------------------------------------------------------------------

def _input_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given; a folder stands for its non-hidden files, sorted."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def _colour(args: argparse.Namespace) -> bool:
    if getattr(args, "color", "auto") != "auto":
        return bool(args.color == "always")
    return not args.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _documents(args: argparse.Namespace, step: Callable[..., Document],
               view: Callable[[Document], str],
               finish: Callable[[list[Document]], list[Document]] | None = None, chunk: int = 16) -> int:
    """Run one reading step over every input file: report each failure, go on, print, exit 1 if any failed.

    Files go ``chunk`` at a time through ``step`` and then ``finish`` (the technique model batches them), with
    a progress bar on stderr when it is a terminal.
    """
    paths = list(_input_files(args.files))
    docs: list[Document] = []
    failed = 0
    with Progress(len(paths)) as bar:
        for first in range(0, len(paths), chunk):
            read: list[Document] = []
            bad = 0
            for path in paths[first : first + chunk]:
                try:
                    read.append(step(path, max_bytes=args.max_bytes, layout=args.layout))
                except SlantError as err:
                    bad += 1
                    bar.note(f"slant: error: {err}")
            docs += finish(read) if finish and read else read
            failed += bad
            bar.advance(len(paths[first : first + chunk]), failed=bad)
    if args.format == "json":
        _emit(args, _dumps(docs[0].to_dict() if len(docs) == 1 and len(args.files) == 1 and failed == 0
                           else [d.to_dict() for d in docs]))
    elif args.format == "jsonl":
        _emit(args, "".join(d.to_json(indent=None) + "\n" for d in docs))
    elif args.format == "html":
        from .render.html import report_html

        _emit(args, report_html(docs))
    else:
        _emit(args, "\n".join(view(d) for d in docs))
    for doc in docs:
        for warning in doc.warnings:
            _warn(warning)
    if args.output and args.format == "html":
        print(f"slant: report of {len(docs)} document(s) -> {args.output}", file=sys.stderr)
    if failed:
        _warn(f"{failed} of {failed + len(docs)} input(s) failed")
        return EXIT_ERROR if not docs else EXIT_SOME_FAILED
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    colour = _colour(args)

    def summary(doc: Document) -> str:
        return document_summary(doc, colour=colour)

    techniques, labels = not args.no_techniques, not args.no_labels
    if techniques:
        load_model(args.model)  # an unknown model stops the command before any page is read
    if not techniques and not labels:
        return _documents(args, read_file, summary)
    return _documents(args, read_file, summary,
                      lambda docs: detect_documents(docs, args.model, techniques=techniques, labels=labels))


def cmd_read(args: argparse.Namespace) -> int:
    return _documents(args, read_file, page_view)


def cmd_score(args: argparse.Namespace) -> int:
    result = score_paths(args.task, args.gold, args.pred, articles=args.articles, taxonomy=args.taxonomy)
    _emit(args, _dumps(result.to_dict()) if args.format == "json" else score_table(result))
    if args.format == "json":
        for warning in result.warnings:
            _warn(warning)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    results, failed = [], 0
    for path in args.paths:
        try:
            results.append(validate_path(args.task, path, articles=args.articles, taxonomy=args.taxonomy))
        except SlantError as err:
            failed += 1
            _fail(str(err))
    if args.format == "json":
        _emit(args, _dumps([r.to_dict() for r in results]))
    else:
        _emit(args, "".join(validation_summary(r) for r in results))
    if failed:
        return EXIT_ERROR if not results else EXIT_SOME_FAILED
    return EXIT_OK


def cmd_predict(args: argparse.Namespace) -> int:
    from .formats.files import write_labels
    from .techniques.tasks import OUTPUT_KIND, predict_folder

    if args.task in ("st1", "st2"):
        from .article import load as load_article_model
        from .article.tasks import predict_articles

        result = predict_articles(args.articles, args.task, load_article_model(), max_bytes=args.max_bytes)
    else:
        result = predict_folder(args.articles, args.task, load_model(args.model), template=args.template,
                                max_bytes=args.max_bytes)
    for warning in result.warnings:
        _warn(warning)
    for failure in result.failures:
        _fail(failure)
    kind = OUTPUT_KIND[args.task]
    if args.output:
        write_labels(args.output, result.records, kind)
    else:
        from .formats.labels import dump_labels

        sys.stdout.write(dump_labels(result.records, kind))
    print(f"slant: {args.task}: {len(result.records)} label line(s) for {result.articles} article(s)"
          + (f" -> {args.output}" if args.output else ""), file=sys.stderr)
    if result.failures:
        return EXIT_SOME_FAILED if result.articles else EXIT_ERROR
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    if args.task == "article":
        try:
            from .training.article import build_article
        except ImportError as err:
            _fail(f"training needs the optional extra: pip install '.[train]' ({err.name} is missing)")
            return EXIT_ERROR
        build_article(args.corpora, args.out or "src/slant/models/article-linear", args.model)
        return EXIT_OK
    try:
        from .training.build import build
    except ImportError as err:
        _fail(f"training needs the optional extra: pip install '.[train]' ({err.name} is missing)")
        return EXIT_ERROR
    build(args.corpora, args.out or "src/slant/models/techniques-minilm", args.work, holdout=args.holdout,
          tune_on=args.tune_on, folds=args.folds, epochs=args.epochs, lr=args.lr, seed=args.seed)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .web.app import create_app, host_is_local

    app = create_app(args.model, max_bytes=args.max_bytes, allow_fetch=args.allow_fetch,
                     techniques=not args.no_techniques)  # loads the model now: errors before the port opens
    if not host_is_local(args.host):
        _warn(f"listening on {args.host}: other machines can reach this server; it has no authentication")
    print(f"slant: serving on http://{args.host}:{args.port}/ (API docs at /docs; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return EXIT_OK


def cmd_techniques(args: argparse.Namespace) -> int:
    names = [args.taxonomy] if args.taxonomy else list(TAXONOMIES)
    if args.format == "json":
        _emit(args, _dumps({n: [t.to_dict() for t in TAXONOMIES[n].values()] for n in names}))
    else:
        _emit(args, "\n\n".join(technique_table(n) for n in names) + "\n")
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------------------------

def _output_options(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    parser.add_argument("--format", choices=formats, default=formats[0],
                        help=f"output format (default: {formats[0]})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")


def _command(sub: Any, name: str, func: Callable[[argparse.Namespace], int], summary: str,
             example: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=summary, description=summary, epilog=f"Example:\n  {example}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=func)
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of bytes, got {value}")
    return number


def _page_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="text or HTML files (a folder stands for its files)")
    parser.add_argument("--layout", choices=LAYOUTS, default="auto",
                        help="page: a text copy of a web page; html: markup; article: the shared tasks' layout "
                             "(line 1 the title, every line a paragraph); auto (default): html when the file "
                             "looks like markup, else page")
    parser.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"refuse files larger than N bytes (default: {DEFAULT_MAX_BYTES})")


def _model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=None, metavar="NAME",
                        help="technique model: a tier (fast) or a model folder (default: fast)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="slant",
        description="Show how online news tries to persuade: technique spans, genre, frames, quotes.",
        epilog="Example:\n  slant analyze examples/article.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"slant {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _command(sub, "analyze", cmd_analyze,
                 "Analyse pages (text or HTML): a summary, the Document JSON, or a self-contained HTML report.",
                 "slant analyze examples/page.txt --format html -o report.html")
    _page_inputs(p)
    _model_option(p)
    p.add_argument("--no-techniques", action="store_true", help="find no technique spans")
    p.add_argument("--no-labels", action="store_true",
                   help="no article labels (language, genre, frames, persuasion score)")
    _output_options(p, ["text", "json", "jsonl", "html"])
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour in the text summary (default auto: on a terminal, unless NO_COLOR is set)")

    p = _command(sub, "read", cmd_read,
                 "Split pages into title, body, boilerplate and reader comments (author, date, reply-to).",
                 "slant read examples/page.txt examples/page.html --format json")
    _page_inputs(p)
    _output_options(p, ["text", "json", "jsonl"])

    p = _command(sub, "score", cmd_score,
                 "Score predictions against gold labels with the task's official metric.",
                 "slant score --task flc gold/train-labels-flc/ predictions.labels")
    p.add_argument("--task", required=True, choices=TASKS,
                   help="si, flc, tc (SemEval-2020 task 11); st1, st2, st3 (SemEval-2023 task 3)")
    p.add_argument("gold", metavar="GOLD", help="gold label file or folder of per-article files")
    p.add_argument("pred", metavar="PRED", help="prediction file or folder")
    p.add_argument("--articles", metavar="DIR", help="check ids, offsets and lines against article<ID>.txt files")
    p.add_argument("--taxonomy", choices=list(TAXONOMIES), help="span taxonomy (default: detected from labels)")
    _output_options(p, ["text", "json"])

    p = _command(sub, "validate", cmd_validate, "Check that label files are well formed for a task.",
                 "slant validate --task st3 predictions.txt --articles data/en/train-articles-subtask-3/")
    p.add_argument("--task", required=True, choices=TASKS, help="the task the files are for")
    p.add_argument("paths", nargs="+", metavar="PATH", help="label files or folders")
    p.add_argument("--articles", metavar="DIR", help="check ids, offsets and lines against article<ID>.txt files")
    p.add_argument("--taxonomy", choices=list(TAXONOMIES), help="span taxonomy (default: detected from labels)")
    _output_options(p, ["text", "json"])

    p = _command(sub, "predict", cmd_predict,
                 "Predict a shared task's labels for a folder of article<ID>.txt files.",
                 "slant predict articles/ --task flc -o predictions.labels")
    p.add_argument("articles", metavar="ARTICLES", help="folder of article<ID>.txt files (or one such file)")
    p.add_argument("--task", required=True, choices=("st1", "st2", *PREDICT_TASKS),
                   help="si, flc, tc (SemEval-2020 task 11); st1 (genre), st2 (frames), st3, st3-spans "
                        "(SemEval-2023 task 3)")
    p.add_argument("--template", metavar="FILE",
                   help="tc: the spans to label; st3: the paragraphs to label (default: every non-blank line)")
    p.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse articles larger than N bytes (default {DEFAULT_MAX_BYTES})")
    _model_option(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write the labels to FILE instead of stdout")

    p = _command(sub, "train", cmd_train,
                 "Train, tune, export and document a shipped model (needs the [train] extra).",
                 "slant train --task techniques --out src/slant/models/techniques-minilm")
    p.add_argument("--task", choices=["techniques", "article"], default="techniques",
                   help="techniques: the span model (~45 min); article: genre, frames and the persuasion "
                        "score's calibration (~5 min; uses the technique model given by --model)")
    p.add_argument("--corpora", default="../shared/corpora", metavar="DIR", help="the training corpora")
    p.add_argument("--out", metavar="DIR", help="model folder to write (default: the shipped model's folder)")
    _model_option(p)
    p.add_argument("--work", default="train-work", metavar="DIR",
                   help="weights and held-out predictions of each run (reused when present)")
    p.add_argument("--folds", type=_positive_int, default=5, help="article folds (default 5)")
    p.add_argument("--holdout", type=int, default=0, help="fold the shipped model never sees; its scores go "
                   "in the card (default 0)")
    p.add_argument("--tune-on", type=int, nargs="+", default=[1], metavar="FOLD",
                   help="folds whose own runs choose the decoding settings (default 1)")
    p.add_argument("--epochs", type=_positive_int, default=6)
    p.add_argument("--lr", type=float, default=8e-5, help="encoder learning rate (default 8e-5)")
    p.add_argument("--seed", type=int, default=13)

    p = _command(sub, "serve", cmd_serve,
                 "Run the local web app (paste or upload a page, see the report) and the REST API.",
                 "slant serve --port 8000   # then open http://127.0.0.1:8000/")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse requests larger than N bytes with 413 (default {DEFAULT_MAX_BYTES})")
    p.add_argument("--allow-fetch", action="store_true",
                   help="let POST /api/analyze fetch {\"url\": ...} from the network (off by default)")
    p.add_argument("--no-techniques", action="store_true", help="read pages only; load no technique model")
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    _model_option(p)

    p = _command(sub, "techniques", cmd_techniques, "List the techniques of both taxonomies with definitions.",
                 "slant techniques --taxonomy semeval2023 --format json")
    p.add_argument("--taxonomy", choices=list(TAXONOMIES), help="only this taxonomy")
    _output_options(p, ["text", "json"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except SlantError as err:
        _fail(str(err))
        return EXIT_ERROR
    except OSError as err:
        _fail(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
