"""Re-indexing a 10k-document archive: a no-op run, and a run after 1% of the documents changed.

    .venv/bin/python benchmarks/bench_reindex.py [--docs 10000]

The initial build uses random vectors (see common.RandomEmbedder); the 1% re-index embeds
the changed documents with the real model, as in use.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RandomEmbedder, machine, timed
from synth import generate

from qa_bot.config import Settings, force_offline
from qa_bot.index.build import build_index
from qa_bot.index.embedding import E5Embedder
from qa_bot.read.chunking import approx_tokens


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    force_offline()
    base = Path(tempfile.mkdtemp(prefix="qa-bench-reindex-"))
    try:
        paths = generate(base / "corpus", args.docs, seed=3)
        real = E5Embedder()
        settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index")
        first, build_s = timed(build_index, settings, RandomEmbedder(real.name, real.dim, approx_tokens))
        noop, noop_s = timed(build_index, settings, real)
        assert noop.noop
        env = {**os.environ, "QA_BOT_CORPUS": str(settings.corpus_dir), "QA_BOT_INDEX": str(settings.index_dir)}
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qa_bot.cli", "index", "--quiet"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        cli_s = time.perf_counter() - t
        changed = paths[:: max(1, len(paths) // (args.docs // 100))][: args.docs // 100]
        for path in changed:
            path.write_text(path.read_text(encoding="utf-8") + "\nEen bijkomende alinea met 42 nieuwe gegevens.\n",
                            encoding="utf-8")  # fmt: skip
        real.encode(["opwarmen"])
        update, update_s = timed(build_index, settings, real)
        print(f"machine: {machine()}; {time.strftime('%Y-%m-%d')}")
        print(f"archive: {first.documents} synthetic documents, {first.chunks} chunks (first build {build_s:.0f} s, "
              f"random vectors)")  # fmt: skip
        print(f"no-op re-index: {noop_s:.2f} s in-process; {cli_s:.2f} s as a `qa-bot index` command "
              f"(incl. Python start-up)")  # fmt: skip
        print(f"1% changed ({len(update.changed)} documents): {update_s:.1f} s, {update.embedded} chunks embedded, "
              f"{update.reused_vectors} vectors reused; stages: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in update.phases.items()))  # fmt: skip
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
