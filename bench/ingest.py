"""Ingest throughput and error count per input format, on the shared dev corpora.

Plain text: the stories-dev folders; JSON: the timelines-dev articles.json files;
HTML: the 181 gzipped pages of the extraction corpus; WARC: the same pages
written into a temporary .warc.gz (one response record each, plus a request
record each to skip).  The baseline row reads the same text files with a bare
`open().read()` to show what the checks and dispatch cost.

Throughput is per CPU second: wall time on a shared machine says more about the
neighbours than about the code.

Usage: /work/venv/bin/python bench/ingest.py
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.ingest import IngestError, iter_documents, to_article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def run(label: str, paths: list[str]) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    docs = errors = chars = 0
    for item in iter_documents(paths):
        if isinstance(item, IngestError):
            errors += 1
        else:
            docs += 1
            chars += len(to_article(item).raw_text)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"| {label} | {docs} | {errors} | {chars / 1e6:.2f} | {elapsed:.2f} | {cpu:.2f} | {docs / cpu:.0f} |",
          flush=True)


def baseline_read(label: str, folders: list[Path]) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    files = sorted(p for folder in folders for p in folder.rglob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"| {label} | {len(files)} | - | {chars / 1e6:.2f} | {elapsed:.2f} | {cpu:.2f} | {len(files) / cpu:.0f} |")


def write_warc(path: Path, pages: list[Path], truth: dict[str, dict[str, str]]) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for page in pages:
            page_id = page.name.split(".")[0]
            url = truth.get(page_id, {}).get("url", f"https://example.org/{page_id}")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(gzip.open(page).read()),
                                                          http_headers=headers))
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))


def main() -> int:
    if not DATA.exists():
        print(f"shared corpora not found at {DATA}", file=sys.stderr)
        return 2
    text_folders = [DATA / "stories-dev" / name / "docs" for name in ("basil", "newswcl50", "ecbplus-dev")]
    json_files = sorted(str(p) for p in (DATA / "timelines-dev").glob("*/articles.json"))
    html_pages = sorted((DATA / "extraction" / "html").glob("*.html.gz"))
    truth = json.loads((DATA / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    print("Ingest throughput (single process; docs per CPU second, including to_article)\n")
    print("| input | docs | errors | M chars | wall s | CPU s | docs/CPU s |")
    print("|---|---|---|---|---|---|---|")
    baseline_read("baseline: open().read() of the stories-dev .txt files", text_folders)
    run("plain text: stories-dev/{basil,newswcl50,ecbplus-dev}/docs", [str(f) for f in text_folders])
    run("JSON: timelines-dev/*/articles.json", json_files)
    run("HTML (.html.gz): extraction/html", [str(p) for p in html_pages])
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        write_warc(warc, html_pages, truth)
        run(f"WARC (.warc.gz, {warc.stat().st_size / 1e6:.1f} MB, {2 * len(html_pages)} records)", [str(warc)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
