"""The `corroborate` command line. Every command has --help; listing commands take --json."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .brief import DEFAULT_WORDS, build_brief
from .engine import (
    adhoc_story,
    build_stories,
    ingest,
    listed_stories,
    load_story,
    refresh_briefs,
    story_brief,
)
from .ingest import IngestError, iter_documents, to_article
from .options import Options, OptionsError
from .pipeline import process_article
from .render import index_html, to_html, to_json, to_markdown
from .storage import StoreError, default_db_path, open_store

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_NOT_FOUND = 0, 1, 2, 3


def _progress(desc: str, quiet: bool, total: int | None = None):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="item", disable=quiet, file=sys.stderr, leave=False)


def _options(args: argparse.Namespace) -> Options:
    opts = Options(db=getattr(args, "db", None), quiet=getattr(args, "quiet", False))
    for name in ("executor", "workers", "batch_size", "max_bytes", "allow_private", "min_articles", "min_outlets",
                 "embeddings"):
        if getattr(args, name, None) is not None:
            setattr(opts, name, getattr(args, name))
    opts.check()
    return opts


def _report_errors(errors: list[IngestError]) -> None:
    for err in errors:
        print(f"error: {err.source}: {err.reason}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} input(s) could not be read and were skipped; everything else was stored. "
              "Fix or remove them and run the same command again (nothing is stored twice).", file=sys.stderr)


def _ingest_and_cluster(args: argparse.Namespace, opts: Options, store) -> tuple[Any, Any]:
    with _progress("ingest", opts.quiet) as bar:
        report = ingest(args.paths, store, opts, progress=bar.update)
    _report_errors(report.errors)
    with _progress("stories", opts.quiet) as bar:
        stories = build_stories(store, opts, progress=bar.update)
    with _progress("briefs", opts.quiet, total=len(stories.touched)) as bar:
        refresh_briefs(store, stories.touched, getattr(args, "words", DEFAULT_WORDS), progress=bar.update)
    return report, stories


def cmd_ingest(args: argparse.Namespace) -> int:
    opts = _options(args)
    with open_store(opts.db) as store:
        report, stories = _ingest_and_cluster(args, opts, store)
        total = store.count_articles()
    result = {"seen": report.seen, "added": report.added, "duplicates": report.duplicates,
              "errors": [{"source": e.source, "reason": e.reason} for e in report.errors],
              "stored_articles": total, "assigned_to_stories": stories.assigned}
    if args.json:
        print(json.dumps(result, indent=2))
    elif not opts.quiet:
        print(f"{report.added} new article(s) stored, {report.duplicates} already stored, "
              f"{len(report.errors)} failed; {total} article(s) in {store.url}")
    return EXIT_INPUT_ERRORS if report.errors else EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    opts = _options(args)
    with open_store(opts.db) as store:
        listed = listed_stories(store, opts, args.all)
        if args.json:
            rows = []
            for meta in listed:
                record = store.get_story(meta.id)
                rows.append({"id": meta.id, "title": meta.title,
                             "articles": [a.summary_dict() for a in store.get_articles(record.article_ids)]})
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return EXIT_OK
    if not listed:
        print("No stories yet. Ingest articles first: corroborate ingest PATH...", file=sys.stderr)
    for meta in listed:
        dates = meta.first_published or "?"
        if meta.last_published and meta.last_published != meta.first_published:
            dates += f" to {meta.last_published}"
        print(f"{meta.id}  {meta.article_count:4d} articles  {meta.independent_count:4d} independent  {dates}  "
              f"{meta.title}" + (f"  [{', '.join(meta.outlets)}]" if meta.outlets else ""))
    return EXIT_OK


def _emit(brief: dict[str, Any], fmt: str) -> str:
    return {"json": to_json, "md": to_markdown, "html": to_html}[fmt](brief)


def cmd_brief(args: argparse.Namespace) -> int:
    opts = _options(args)
    with open_store(opts.db) as store:
        brief = story_brief(store, args.story_id, args.words)
        if brief is None:
            print(f"error: no story '{args.story_id}' in {store.url}. List them with: corroborate stories", file=sys.stderr)
            return EXIT_NOT_FOUND
    print(_emit(brief, args.format), end="")
    return EXIT_OK


def cmd_summarize(args: argparse.Namespace) -> int:
    articles, errors = [], []
    seen: set[str] = set()
    for item in iter_documents(args.paths, max_bytes=Options.max_bytes):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        article = to_article(item)
        if article.id not in seen:
            seen.add(article.id)
            articles.append(process_article(article))
    _report_errors(errors)
    if not articles:
        print("error: no readable article among the inputs", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    print(_emit(build_brief(adhoc_story(articles), words=args.words), args.format), end="")
    return EXIT_INPUT_ERRORS if errors else EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    opts = _options(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    with open_store(opts.db) as store:
        report, _ = _ingest_and_cluster(args, opts, store)
        listed = listed_stories(store, opts)
        with _progress("reports", opts.quiet, total=len(listed)) as bar:
            for meta in listed:
                brief = story_brief(store, meta.id, args.words)
                (out / f"story-{meta.id}.html").write_text(to_html(brief), encoding="utf-8")
                (out / f"story-{meta.id}.md").write_text(to_markdown(brief), encoding="utf-8")
                (out / f"story-{meta.id}.json").write_text(to_json(brief), encoding="utf-8")
                entries.append({"id": meta.id, "title": meta.title, "articles": meta.article_count,
                                "independent": meta.independent_count, "outlets": meta.outlets,
                                "html": f"story-{meta.id}.html", "md": f"story-{meta.id}.md"})
                bar.update(1)
        (out / "index.html").write_text(index_html(entries), encoding="utf-8")
        db_url = store.url
    if not opts.quiet:
        print(f"{report.added} new article(s), {len(report.errors)} failed; {len(entries)} stories "
              f"written to {out / 'index.html'} (database: {db_url})")
    return EXIT_INPUT_ERRORS if report.errors else EXIT_OK


def cmd_timex(args: argparse.Namespace) -> int:
    from .timex import timex_command

    items = timex_command(args.file, args.anchor)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for t in items:
            print(f"{t['start']}\t{t['end']}\t{t['value']}\t{t['text']}")
    return EXIT_OK


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"error: {path}: line {n} is not valid JSON ({exc.msg})") from exc
    return rows


def cmd_resolve_mentions(args: argparse.Namespace) -> int:
    from .entities import resolve_mentions_command

    for row in resolve_mentions_command(_read_jsonl(args.file)):
        print(json.dumps(row, ensure_ascii=False))
    return EXIT_OK


def cmd_stance(args: argparse.Namespace) -> int:
    from .stance import stance_command

    for row in stance_command(_read_jsonl(args.file), use_embeddings=args.embeddings):
        print(json.dumps(row, ensure_ascii=False))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_claim

    opts = _options(args)
    with open_store(opts.db) as store:
        story = None
        if args.story:
            record = store.get_story(args.story)
            if record is None:
                print(f"error: no story '{args.story}' in {store.url}", file=sys.stderr)
                return EXIT_NOT_FOUND
            story = load_story(store, record)
            articles = story.articles
        else:
            articles = list(store.iter_articles())
    result = check_claim(args.claim, articles, story)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{result['verdict']}: {result['claim']}")
        for row in result["articles"]:
            if row["stance"] == "unrelated":
                continue
            print(f"  {row['stance']:10s} {row.get('outlet') or row['article']}")
            for ev in row["evidence"][:2]:
                print(f"    \"{ev['text']}\"")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.server import serve

    return serve(args.db, args.host, args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corroborate", description=(
        "Group news articles into stories and write cited briefs: what sources agree on, what rests on one "
        f"source, where they conflict. Default database: {default_db_path()}"))
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str, db: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if db:
            p.add_argument("--db", help="database: file path, sqlite:///PATH or postgresql://... (default: %(default)s)",
                           default=None)
        p.add_argument("--quiet", "-q", action="store_true", help="no progress bars or chatter")
        return p

    def ingest_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive), URLs or feed URLs")
        p.add_argument("--executor", choices=["local", "serial", "ray"], help="where per-article stages run")
        p.add_argument("--workers", type=int, help="worker processes for the local executor")
        p.add_argument("--batch-size", type=int, help="articles processed and committed together (default 64)")
        p.add_argument("--max-bytes", type=int, help="largest input file accepted (default 20 MB)")
        p.add_argument("--allow-private", action="store_true", default=None,
                       help="allow fetching URLs on private or loopback addresses")
        p.add_argument("--min-articles", type=int, help="articles needed before a group is listed as a story")
        p.add_argument("--min-outlets", type=int, help="outlets needed before a group is listed as a story")
        p.add_argument("--embeddings", action="store_true", default=None,
                       help="add the MiniLM similarity of titles and leads to story clustering (needs the "
                            "'embeddings' extra; about 100 articles/s on 2 cores instead of 300)")

    p = add("ingest", cmd_ingest, "Read articles into the database and group them into stories.")
    ingest_flags(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = add("stories", cmd_stories, "List the stories in the database.")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument("--all", action="store_true", help="also list groups below the minimum-evidence rule")
    p.add_argument("--min-articles", type=int, help="articles needed before a group is listed")
    p.add_argument("--min-outlets", type=int, help="outlets needed before a group is listed")

    p = add("brief", cmd_brief, "Print the cited brief of one story.")
    p.add_argument("story_id", metavar="STORY_ID")
    p.add_argument("--format", choices=["md", "json", "html"], default="md")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS, help="summary length in words")

    p = add("summarize", cmd_summarize, "Treat exactly the given articles as one story and print its brief.", db=False)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS)
    p.add_argument("--format", choices=["md", "json", "html"], default="md")

    p = add("run", cmd_run, "The main job: ingest, build stories, write HTML and Markdown reports and an index.")
    ingest_flags(p)
    p.add_argument("--out", default="corroborate-out", help="folder for the reports (default: %(default)s)")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS)

    p = add("timex", cmd_timex, "Find and normalise the dates and times in a text file (TimeML values).", db=False)
    p.add_argument("file")
    p.add_argument("--anchor", help="publication date YYYY-MM-DD that relative expressions resolve against")
    p.add_argument("--json", action="store_true")

    p = add("resolve-mentions", cmd_resolve_mentions,
            "Group entity mentions (JSONL: id, doc, text, sentence, start, end) into entities.", db=False)
    p.add_argument("file")

    p = add("stance", cmd_stance, "Stance of article bodies toward claims (JSONL: id, claim, body).", db=False)
    p.add_argument("file")
    p.add_argument("--embeddings", action=argparse.BooleanOptionalAction, default=None,
                   help="use the MiniLM variant of the model (default: when the 'embeddings' extra is installed "
                        "and CORROBORATE_STANCE_EMBEDDINGS is not 0; about 70 body sentences/s on one core)")

    p = add("check", cmd_check, "Which stored articles support, contradict or discuss a claim.")
    p.add_argument("claim")
    p.add_argument("--story", help="only this story's articles")
    p.add_argument("--json", action="store_true")

    p = add("serve", cmd_serve, "Start the web UI and REST API.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (StoreError, OptionsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: no such file", file=sys.stderr)
        return EXIT_NOT_FOUND
    except KeyboardInterrupt:
        print("interrupted; everything committed so far is kept. Run the same command again to resume.",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
