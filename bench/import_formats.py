"""Import throughput per format on real data, peak memory, and exact article counts.

    python bench/import_formats.py [--pages N]

Each measurement runs in its own process so its peak RSS is its own. Real data:
../shared/corpora/jawharafm (TREC SGML in .txt files) and ../shared/corpora/saudinewsnet
(JSON arrays in zips). HTML, RSS and WARC inputs are generated from jawharafm articles
(pages with menus, a "read also" list and a footer around the article). Baselines in the
same run: reading the files' bytes, and json.loads of the zipped JSON, with nothing else.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpora"
JAWHARA = SHARED / "jawharafm"
SAUDI = SHARED / "saudinewsnet"

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title} | جوهرة</title>
<link rel="canonical" href="{url}"><meta property="article:published_time" content="{date}">
</head><body><header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside></main>
<footer><p>جميع الحقوق محفوظة</p><ul>{menu}</ul></footer></body></html>"""
MENU = "".join(f'<li><a href="/c/{i}">قسم {i}</a></li>' for i in range(12))


def peak_rss_mb() -> float:
    """This process's peak RSS since exec (VmHWM; ru_maxrss would include the parent's at fork)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- phases (each runs in a child process) ------------------------------------------------------


def phase_read_bytes(paths: list[str]) -> dict:
    files = [p for folder in paths for p in sorted(Path(folder).rglob("*")) if p.is_file()]
    size = sum(len(p.read_bytes()) for p in files)
    return {"items": len(files), "bytes": size}


def phase_json_loads(paths: list[str]) -> dict:
    records = size = 0
    for zpath in sorted(Path(paths[0]).glob("*.zip")):
        with zipfile.ZipFile(zpath) as archive:
            for info in archive.infolist():
                data = archive.read(info)
                size += len(data)
                records += len(json.loads(data))
    return {"items": records, "bytes": size}


def phase_read(paths: list[str]) -> dict:
    from store.importers import ImportFailure, read_paths

    records = failures = numbered = 0
    for item in read_paths(paths):
        if isinstance(item, ImportFailure):
            failures += 1
        else:
            records += 1
            numbered += "#" in item.origin  # 'file#N': read by a multi-record reader (not as plain text)
    return {"items": records, "failures": failures, "numbered": numbered}


def phase_import(paths: list[str], facts: bool = True) -> dict:
    from store import Archive

    with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "bench.db") as archive:
        archive.extract_facts = facts
        report = archive.import_paths(paths)
        return {
            "items": report.imported + report.duplicates,
            "imported": report.imported,
            "duplicates": report.duplicates,
            "failures": len(report.failures),
            "reasons": sorted({f.reason for f in report.failures})[:3],
        }


PHASES = {
    "bytes": phase_read_bytes,
    "json": phase_json_loads,
    "read": phase_read,
    "import": phase_import,
    "import-nofacts": lambda paths: phase_import(paths, facts=False),
}


def child(phase: str, paths: list[str]) -> None:
    started = time.perf_counter()
    result = PHASES[phase](paths)
    result["seconds"] = time.perf_counter() - started
    result["rss_mb"] = peak_rss_mb()
    print(json.dumps(result, ensure_ascii=False))


def run(phase: str, paths: list[Path]) -> dict:
    command = [sys.executable, __file__, "--phase", phase, *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{phase} {paths}: {done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


# -- generated inputs ---------------------------------------------------------------------------


def generate(folder: Path, pages: int) -> dict[str, Path]:
    """HTML pages, RSS feeds and a WARC file made from the first ``pages`` jawharafm articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from store.importers import read_paths

    records = []
    for record in read_paths([JAWHARA]):
        records.append(record)
        if len(records) >= pages:
            break
    html_dir, feed_dir = folder / "html", folder / "feeds"
    html_dir.mkdir()
    feed_dir.mkdir()
    bodies = []
    for n, r in enumerate(records):
        paragraphs = "".join(f"<p>{line}</p>" for line in r.body.splitlines() if line.strip())
        related = "".join(
            f'<li><a href="/a/{n + i}">{records[(n + i) % len(records)].title}</a></li>' for i in (1, 2, 3)
        )
        page = PAGE.format(
            title=r.title, url=r.url, date=r.date, menu=MENU, paragraphs=paragraphs, related=related
        )
        (html_dir / f"{n:05d}.html").write_text(page, encoding="utf-8")
        bodies.append(page.encode("utf-8"))
    for start in range(0, len(records), 100):
        items = "".join(
            f"<item><title>{r.title}</title><link>{r.url}</link><guid>{r.key}</guid><pubDate>{r.date}</pubDate>"
            f"<description><![CDATA[{r.body}]]></description></item>"
            for r in records[start : start + 100]
        )
        feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>جوهرة</title>{items}</channel></rss>'
        (feed_dir / f"feed{start // 100:03d}.xml").write_text(feed, encoding="utf-8")
    warc = folder / "crawl.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for r, body in zip(records, bodies, strict=True):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(r.url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return {"html": html_dir, "feed": feed_dir, "warc": warc}


def write_flat(folder: Path) -> dict[str, Path]:
    """saudinewsnet's records as one .jsonl and one .csv file."""
    import csv

    paths = {"jsonl": folder / "saudi.jsonl", "csv": folder / "saudi.csv"}
    fields = ["source", "url", "date_extracted", "title", "author", "content"]
    with (
        open(paths["jsonl"], "w", encoding="utf-8") as lines,
        open(paths["csv"], "w", encoding="utf-8", newline="") as table,
    ):
        writer = csv.DictWriter(table, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for zpath in sorted(SAUDI.glob("*.zip")):
            with zipfile.ZipFile(zpath) as archive:
                for info in archive.infolist():
                    for item in json.loads(archive.read(info)):
                        lines.write(json.dumps(item, ensure_ascii=False) + "\n")
                        writer.writerow(item)
    return paths


# -- report -------------------------------------------------------------------------------------


def line(label: str, result: dict, unit: str = "articles") -> None:
    rate = result["items"] / result["seconds"] if result["seconds"] else 0
    extra = ""
    if "bytes" in result:
        extra = f", {result['bytes'] / result['seconds'] / 1e6:,.0f} MB/s"
    if "imported" in result:
        extra = f"; imported {result['imported']:,}, duplicates {result['duplicates']:,}, failed {result['failures']:,}"
    elif "failures" in result:
        extra = f"; failed {result['failures']:,}"
    print(
        f"  {label:<38} {result['items']:>7,} {unit} in {result['seconds']:6.2f} s = {rate:>8,.0f}/s"
        f"   peak RSS {result['rss_mb']:5.0f} MB{extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=PHASES)
    parser.add_argument(
        "--pages", type=int, default=1000, help="generated HTML pages / feed items / WARC records"
    )
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.phase:
        child(args.phase, args.paths)
        return
    if not JAWHARA.exists() or not SAUDI.exists():
        raise SystemExit(f"needs {JAWHARA} and {SAUDI}")
    zips = sorted(SAUDI.glob("*.zip"))

    print("Baselines (no parsing into records, no database):")
    line("read bytes of jawharafm files", run("bytes", [JAWHARA]), "files")
    line("json.loads of saudinewsnet zips", run("json", [SAUDI]), "records")

    print("Readers only (bytes → Records):")
    sgml = run("read", [JAWHARA])
    line("SGML  jawharafm (.txt, sniffed)", sgml)
    print(f"    ({sgml['numbered']:,} of {sgml['items']:,} records read as <DOC>s, not as plain text)")
    line(f"JSON  saudinewsnet, {len(zips) // 2} of {len(zips)} zips", run("read", zips[: len(zips) // 2]))
    line(f"JSON  saudinewsnet, all {len(zips)} zips", run("read", [SAUDI]))

    print("Full import (read + analyse + index + facts, one transaction per batch):")
    jaw = run("import", [JAWHARA])
    line("SGML  jawharafm", jaw)
    line("SGML  jawharafm, facts extraction off", run("import-nofacts", [JAWHARA]))
    half = run("import", zips[: len(zips) // 2])
    line(f"JSON  saudinewsnet, {len(zips) // 2} of {len(zips)} zips", half)
    saudi = run("import", [SAUDI])
    line(f"JSON  saudinewsnet, all {len(zips)} zips", saudi)

    with tempfile.TemporaryDirectory() as tmp:
        made = generate(Path(tmp), args.pages)
        print(f"Generated from {args.pages:,} jawharafm articles (pages with menus, 'read also', footer):")
        line("HTML  read (trafilatura)", run("read", [made["html"]]))
        line("HTML  import", run("import", [made["html"]]))
        line("RSS   import (feedparser)", run("import", [made["feed"]]))
        line("WARC  import (warcio + trafilatura)", run("import", [made["warc"]]))
        print("saudinewsnet re-written as JSON Lines and CSV (readers only):")
        flat = write_flat(Path(tmp))
        line("JSONL read", run("read", [flat["jsonl"]]))
        line("CSV   read", run("read", [flat["csv"]]))

    print("Exact counts:")
    print(
        f"  jawharafm: 10,161 files → {jaw['imported']:,} articles + {jaw['duplicates']:,} duplicates "
        f"+ {jaw['failures']:,} failed"
    )
    print(
        f"  saudinewsnet: 31,030 records → {saudi['imported']:,} articles + {saudi['duplicates']:,} duplicates "
        f"+ {saudi['failures']:,} failed {saudi['reasons']}"
    )


if __name__ == "__main__":
    main()
