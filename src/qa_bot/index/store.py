"""The index folder on disk: one writer at a time, immutable generations, an atomic switch.

Layout of ``index/``::

    CURRENT            name of the live generation (replaced atomically)
    gen-000007/        manifest.json, chunks.jsonl, bm25/  (never modified once live)
    chroma/            embedded Chroma (absent with QA_BOT_CHROMA_URL), see vectors.py
    .lock              held while indexing

A run writes a complete new generation folder and only then points ``CURRENT`` at it
with ``os.replace``; until that instant readers use the previous generation.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qa_bot.errors import IndexBusyError
from qa_bot.read.text import bm25_tokens
from qa_bot.types import Chunk

log = logging.getLogger(__name__)


def crash_point(name: str) -> None:
    """Fault injection for the kill tests: ``QA_BOT_CRASH_AT=name`` SIGKILLs the process here."""
    if os.environ.get("QA_BOT_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def index_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a") as handle:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise IndexBusyError(
                    f"Er loopt al een indexering op {index_dir}. Wacht tot die klaar is (of gebruik --wait)."
                ) from None
            raise
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    gen = index_dir / pointer.read_text().strip()
    return gen if (gen / "manifest.json").exists() else None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_chunks(gen: Path) -> list[Chunk]:
    with (gen / "chunks.jsonl").open(encoding="utf-8") as handle:
        return [Chunk.from_dict(json.loads(line)) for line in handle if line.strip()]


def read_manifest(gen: Path) -> dict[str, Any]:
    return dict(json.loads((gen / "manifest.json").read_text(encoding="utf-8")))


def update_manifest(gen: Path, manifest: dict[str, Any]) -> None:
    """Rewrite a live generation's manifest in place (only file stamps change: see build_index)."""
    write_file(gen / "manifest.json.tmp", json.dumps(manifest, ensure_ascii=False, indent=1))
    os.replace(gen / "manifest.json.tmp", gen / "manifest.json")


def metadata_text(meta: dict[str, Any]) -> str:
    """What the lexical side matches of a document's metadata: title, number, asked by,
    minister and type ('vraag nr. 521', 'volgens minister Crevits'). Never shown as passage text."""
    parts = [str(meta.get(k, "")) for k in ("title", "asked_by", "minister", "doc_type")]
    if meta.get("number"):
        parts.append(f"nr {meta['number']}")
    return " ".join(p for p in parts if p)


def commit_generation(index_dir: Path, manifest: dict[str, Any], chunks: list[Chunk]) -> str:
    """Write a complete generation (chunks, BM25, manifest) and switch ``CURRENT`` to it."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)

    number = int(time.time() * 1000)
    name = f"gen-{number}"
    tmp = index_dir / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    write_file(tmp / "chunks.jsonl", "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks))
    if chunks:
        meta_tokens = {d: bm25_tokens(metadata_text(f.get("meta", {}))) for d, f in manifest["files"].items()}
        bm25 = bm25s.BM25()
        bm25.index([(bm25_tokens(f"{c.text} {c.context}") + meta_tokens.get(c.doc_id, [])) or ["\u2205"] for c in chunks],
                   show_progress=False)  # fmt: skip
        bm25.save(str(tmp / "bm25"), show_progress=False)
    write_file(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    crash_point("generation-written")
    _fsync_dir(tmp)
    os.replace(tmp, index_dir / name)
    _fsync_dir(index_dir)
    pointer_tmp = index_dir / "CURRENT.tmp"
    write_file(pointer_tmp, name + "\n")
    os.replace(pointer_tmp, index_dir / "CURRENT")  # the switch: atomic on POSIX
    _fsync_dir(index_dir)
    return name


def stale_entries(index_dir: Path, keep: str | None) -> list[Path]:
    """Generations other than the live one, and half-written ones of killed runs."""
    return [
        path
        for path in index_dir.iterdir()
        if (path.name.startswith("gen-") and path.name != keep)
        or (path.name.startswith(".gen-") and path.name.endswith(".tmp"))
    ]


def remove_stale(index_dir: Path, keep: str | None) -> None:
    for path in stale_entries(index_dir, keep):
        shutil.rmtree(path, ignore_errors=True)
