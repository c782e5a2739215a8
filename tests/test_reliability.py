"""Crash safety, concurrent runs, bad files, and a real `chroma run` server.

Real processes and real SIGKILLs; they load the test embedder (``QA_BOT_MODEL=hash``,
recorded in the manifest like any model) instead of the real model, which
``test_index_ask_eval_against_a_chroma_server`` keeps using.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DEV_COPY, EVAL_CORPUS, ROOT, FakeEmbedder
from qa_bot.config import Settings
from qa_bot.index.build import build_index
from qa_bot.index.embedding import HashEmbedder
from qa_bot.index.reader import IndexReader

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate  # noqa: E402

pytestmark = pytest.mark.integration
QUESTION = "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?"


def cli_env(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_BOT_")}
    env.update({"QA_BOT_CORPUS": str(corpus), "QA_BOT_INDEX": str(index), "QA_BOT_MODEL": "hash", **extra})
    return env


def qa_bot(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qa_bot.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip


@pytest.fixture(scope="module")
def base_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus with an index built once; each test copies it."""
    base = tmp_path_factory.mktemp("kill")
    corpus = base / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus, symlinks=False)
    done = qa_bot("index", "--quiet", env=cli_env(corpus, base / "index"))
    assert done.returncode == 0, done.stderr
    return corpus, base / "index"


@pytest.fixture
def work(base_index: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(base_index[0], corpus)
    shutil.copytree(base_index[1], index)
    generate(corpus, 70, seed=7)  # new work for the next run: enough batches to be killed mid-way
    return corpus, index


def assert_usable(corpus: Path, index: Path) -> None:
    done = qa_bot("ask", QUESTION, env=cli_env(corpus, index))
    assert done.returncode == 0, done.stderr
    assert "63,4%" in done.stdout


def assert_consistent(index: Path) -> None:
    reader = IndexReader(Settings(index_dir=index, model="hash"), HashEmbedder())
    assert reader.collection.count() == len(reader.chunks)
    assert len(list(index.glob("gen-*"))) == 1 and not list(index.glob(".gen-*"))


@pytest.mark.parametrize("phase", ["mid-embedding", "vectors-stored", "generation-written", "switched"])
def test_sigkill_at_each_phase_loses_nothing(work: tuple[Path, Path], phase: str) -> None:
    corpus, index = work
    killed = qa_bot("index", "--quiet", env=cli_env(corpus, index, QA_BOT_CRASH_AT=phase))
    assert killed.returncode == -signal.SIGKILL
    assert_usable(corpus, index)
    done = qa_bot("index", "--quiet", env=cli_env(corpus, index))
    assert done.returncode == 0, done.stderr
    assert "75 documenten" in done.stdout
    assert_usable(corpus, index)
    assert_consistent(index)


def test_sigkill_at_random_moments(work: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, index = work
    # How long a whole run takes here, on a copy: the kills land inside that span.
    shutil.copytree(index, tmp_path / "probe")
    started = time.perf_counter()
    assert qa_bot("index", "--quiet", env=cli_env(corpus, tmp_path / "probe")).returncode == 0
    duration = time.perf_counter() - started
    rng = random.Random(3)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "qa_bot.cli", "index", "--quiet"], env=cli_env(corpus, index),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.3, 0.9) * duration)
        assert proc.poll() is None, "the run ended before the kill"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        assert_usable(corpus, index)
    done = qa_bot("index", "--quiet", env=cli_env(corpus, index))
    assert done.returncode == 0, done.stderr
    assert_usable(corpus, index)
    assert_consistent(index)


def wait_until_locked(lock: Path, holder: subprocess.Popen[str]) -> None:
    """Return once another process holds the index lock (so the test does not race it)."""
    import fcntl

    deadline = time.time() + 60
    while time.time() < deadline and holder.poll() is None:
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(handle, fcntl.LOCK_UN)
        time.sleep(0.05)
    pytest.fail("the first indexing run never took the lock")


def test_second_indexing_process_is_refused(work: tuple[Path, Path]) -> None:
    corpus, index = work
    first = subprocess.Popen([sys.executable, "-m", "qa_bot.cli", "index", "--quiet"], env=cli_env(corpus, index),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        wait_until_locked(index / ".lock", first)
        second = qa_bot("index", "--quiet", env=cli_env(corpus, index))
        assert second.returncode == 2, second
        assert "al een indexering" in second.stderr
    finally:
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    waited = qa_bot("index", "--quiet", "--wait", env=cli_env(corpus, index))
    assert waited.returncode == 0 and "Niets gewijzigd" in waited.stdout
    assert_usable(corpus, index)


def test_bad_files_are_named_and_skipped(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus, symlinks=False)
    with (corpus / "archief-200mb.pdf").open("wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.truncate(200 * 1024 * 1024)
    (corpus / "nul.txt").write_bytes(b"")
    (corpus / "cp1252.txt").write_bytes("Caf\xe9 en cr\xe8che".encode("latin-1"))
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    report = build_index(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), fake_embedder)
    reasons = {p.split(":")[0]: p for p in report.problems}
    assert set(reasons) == {"archief-200mb.pdf", "nul.txt", "cp1252.txt", "kapot.pdf"}
    assert "te groot" in reasons["archief-200mb.pdf"] and "0 bytes" in reasons["nul.txt"]
    assert "UTF-8" in reasons["cp1252.txt"] and "onleesbaar" in reasons["kapot.pdf"]
    assert report.documents == 5


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import httpx

    chroma = Path(sys.executable).parent / "chroma"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma")), "--host",
                             "127.0.0.1", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start")
    yield url
    proc.terminate()
    proc.wait(10)


def test_index_ask_eval_against_a_chroma_server(chroma_server: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus, symlinks=False)
    env = cli_env(corpus, tmp_path / "index", QA_BOT_CHROMA_URL=chroma_server)
    del env["QA_BOT_MODEL"]  # the real model, end to end
    assert qa_bot("index", "--quiet", env=env).returncode == 0
    assert not (tmp_path / "index" / "chroma").exists()  # vectors live on the server
    asked = qa_bot("ask", QUESTION, env=env)
    assert asked.returncode == 0 and "63,4%" in asked.stdout
    evaluated = qa_bot("eval", str(DEV_COPY), "--json", "--min", "hit@k=0.95", "--min", "figure_accuracy=1",
                       "--max", "false_abstention_rate=0.05", env=env)  # fmt: skip
    assert evaluated.returncode == 0, evaluated.stdout + evaluated.stderr
    # the embedded index does not silently serve a server-built index
    local = cli_env(corpus, tmp_path / "index")
    del local["QA_BOT_MODEL"]
    embedded = qa_bot("ask", QUESTION, env=local)
    assert embedded.returncode == 2 and "QA_BOT_CHROMA_URL" in embedded.stderr
