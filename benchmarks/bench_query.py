"""Query latency of `ask` (retrieval + composition) at a given index size, peak memory of
the serving process, and a plain llama-index baseline over the same Chroma data.

    .venv/bin/python benchmarks/bench_query.py --chunks 10000
    .venv/bin/python benchmarks/bench_query.py --chunks 100000

The index is built in a child process (so its memory does not count) with random vectors
under the real model's name (see common.RandomEmbedder); every query is embedded by the
real model, and BM25, chunks and composition are real.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RandomEmbedder, machine, peak_rss_mb, summary
from synth import REGIONS, TOPICS, generate

CHUNKS_PER_DOC = 2.06  # measured on the synthetic generator


def build(directory: Path, docs: int) -> None:
    from qa_bot.config import Settings
    from qa_bot.index.build import build_index
    from qa_bot.index.embedding import E5Embedder
    from qa_bot.read.chunking import approx_tokens

    generate(directory / "corpus", docs, seed=5)
    real = E5Embedder()
    fake = RandomEmbedder(real.name, real.dim, approx_tokens)
    t = time.perf_counter()
    report = build_index(Settings(corpus_dir=directory / "corpus", index_dir=directory / "index"), fake)
    print(json.dumps({"chunks": report.chunks, "documents": report.documents, "build_s": time.perf_counter() - t}))


def questions(n: int) -> list[str]:
    rng = random.Random(9)
    out = []
    for i in range(n):
        topic, noun, _ = rng.choice(TOPICS)
        region, year = rng.choice(REGIONS), rng.randint(2016, 2025)
        out.append([
            f"Hoeveel {noun} waren er in {year} in {region}?",
            f"Hoeveel bedroeg het budget voor {topic} in {year}?",
            f"Met hoeveel procent steeg het aantal {noun} in {region} sinds {year - 3}?",
            f"Welk aandeel van de aanvragen werd in {year} goedgekeurd in {region}?",
            f"How many {noun} were there in {region} in {year}?",
        ][i % 5])  # fmt: skip
    return out


def serve(directory: Path, asks: int) -> dict:  # type: ignore[type-arg]
    from qa_bot.config import Settings, force_offline
    from qa_bot.qa import QaBot

    force_offline()
    bot = QaBot(Settings(corpus_dir=directory / "corpus", index_dir=directory / "index"))
    t = time.perf_counter()
    bot.warm_up()
    load_s = time.perf_counter() - t
    qs = questions(asks)
    for q in qs[:10]:
        bot.ask(q)
    ours, retrieve_ms, compose_ms = [], [], []
    for q in qs:
        a = bot.ask(q)
        ours.append(a.timings["total"] * 1000)
        retrieve_ms.append(a.timings["retrieve"] * 1000)
        compose_ms.append(a.timings["compose"] * 1000)
    rss = peak_rss_mb()

    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from qa_bot.llama import QaBotEmbedding

    index = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=bot.reader.collection),
                                               embed_model=QaBotEmbedding(bot.embedder))  # fmt: skip
    retriever = index.as_retriever(similarity_top_k=bot.settings.top_k)
    for q in qs[:10]:
        retriever.retrieve(q)
    base = []
    for q in qs:
        t = time.perf_counter()
        retriever.retrieve(q)
        base.append((time.perf_counter() - t) * 1000)
    return {"ours": ours, "retrieve": retrieve_ms, "compose": compose_ms, "baseline": base, "rss_mb": rss,
            "load_s": load_s, "chunks": len(bot.reader.chunks)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--asks", type=int, default=200)
    parser.add_argument("--phase", choices=["all", "build", "serve"], default="all")
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    if args.phase == "build":
        build(args.dir, int(args.chunks / CHUNKS_PER_DOC))
        return
    if args.phase == "serve":
        print(json.dumps(serve(args.dir, args.asks)))
        return
    directory = Path(tempfile.mkdtemp(prefix="qa-bench-query-"))
    try:
        me = [sys.executable, __file__, "--chunks", str(args.chunks), "--dir", str(directory)]
        built = json.loads(subprocess.run([*me, "--phase", "build"], check=True, capture_output=True, text=True)
                           .stdout.strip().splitlines()[-1])  # fmt: skip
        served = json.loads(subprocess.run([*me, "--phase", "serve", "--asks", str(args.asks)], check=True,
                                           capture_output=True, text=True).stdout.strip().splitlines()[-1])  # fmt: skip
        print(f"machine: {machine()}; {time.strftime('%Y-%m-%d')}")
        print(f"index: {built['documents']} synthetic documents, {built['chunks']} chunks "
              f"(built in {built['build_s']:.0f} s with random vectors)")  # fmt: skip
        print(f"qa-bot ask (hybrid retrieval + composition): {summary(served['ours'])}")
        print(f"  of which retrieval: {summary(served['retrieve'])}; composition: {summary(served['compose'])}")
        print(f"llama-index VectorStoreIndex over the same Chroma collection, default retriever, top_k=5: "
              f"{summary(served['baseline'])}")  # fmt: skip
        print(f"serving process: start-up (index + model) {served['load_s']:.1f} s, "
              f"peak RSS {served['rss_mb']:.0f} MB (before the baseline was loaded)")  # fmt: skip
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
