"""Indexing throughput of the whole pipeline vs the raw encoding throughput of the model on
the same chunks, in the same run. Their ratio is the pipeline's efficiency.

    .venv/bin/python benchmarks/bench_index.py [--docs 600] [--device cpu]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from common import machine, timed
from synth import generate

from qa_bot.config import Settings, force_offline
from qa_bot.index.build import build_index
from qa_bot.index.embedding import make_embedder
from qa_bot.index.reader import IndexReader
from qa_bot.index.vectors import embedding_text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--model", default="e5", help="QA_BOT_MODEL: e5 (default), minilm or a local folder")
    args = parser.parse_args()
    force_offline()
    base = Path(tempfile.mkdtemp(prefix="qa-bench-index-"))
    try:
        generate(base / "corpus", args.docs, seed=11)
        settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index", device=args.device, model=args.model)
        embedder = make_embedder(settings)
        embedder.encode(["opwarmen"] * 32)  # load the model before timing anything
        report, pipeline_s = timed(build_index, settings, embedder)
        # the texts the pipeline embeds (a chunk with its document's title), for a like-for-like ratio
        texts = [embedding_text(c) for c in IndexReader(settings, embedder).chunks]
        _, raw_a = timed(embedder.encode, texts, 32)
        _, raw_b = timed(embedder.encode, texts, 32)
        raw_s = (raw_a + raw_b) / 2
        n = report.chunks
        print(f"machine: {machine()}; model: {embedder.name}; device: {args.device}; {time.strftime('%Y-%m-%d')}")
        print(f"corpus: {args.docs} synthetic documents -> {n} chunks")
        print(f"pipeline index: {pipeline_s:.1f} s = {n / pipeline_s:.1f} chunks/s (read, split, chunk, embed, "
              f"Chroma, BM25, manifest)")  # fmt: skip
        print(f"raw encode:     {raw_s:.1f} s = {n / raw_s:.1f} chunks/s (model.encode on the same texts, batch 32; "
              f"runs {raw_a:.1f} s and {raw_b:.1f} s)")  # fmt: skip
        print("pipeline stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.phases.items()))
        print(f"efficiency: {raw_s / pipeline_s * 100:.1f}% of raw encoding throughput "
              f"(overhead {(pipeline_s - raw_s) / pipeline_s * 100:.1f}%)")  # fmt: skip
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
