"""``qa-bot``: index, ask, eval, facts, serve. A thin layer over :mod:`qa_bot.qa`.

Errors of the :class:`QaBotError` family print as one clear line and exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

from qa_bot.config import Settings, force_offline, load_settings
from qa_bot.errors import QaBotError
from qa_bot.types import Answer


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, help="documentenmap (standaard corpus/ of QA_BOT_CORPUS)")
    parser.add_argument("--index", type=Path, help="indexmap (standaard index/ of QA_BOT_INDEX)")
    parser.add_argument("--device", help="cpu, cuda, cuda:N (standaard QA_BOT_DEVICE of cpu)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa-bot", description="Geciteerde antwoorden uit parlementaire documenten.")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="bouw of werk de index bij")
    _common(p)
    p.add_argument("--force", action="store_true", help="alles opnieuw embedden")
    p.add_argument("--wait", action="store_true", help="wacht als een andere indexering loopt")
    p.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")

    p = sub.add_parser("ask", help="stel een vraag")
    _common(p)
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.add_argument("--k", type=int, help="aantal passages (standaard 5)")
    p.add_argument("--doc-type", action="append", default=[], help="filter op documenttype")
    p.add_argument("--part", action="append", default=[], choices=["vraag", "antwoord", "rapport"])
    p.add_argument("--doc", action="append", default=[], help="filter op document (pad in het corpus)")
    p.add_argument("--date-from", default="")
    p.add_argument("--date-to", default="")
    p.add_argument("--previous", default="", help="de vorige vraag, voor een vervolgvraag ('En in 2018?')")

    p = sub.add_parser("eval", help="evalueer een vragenset (JSON Lines)")
    _common(p)
    p.add_argument("questions", type=Path)
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--out", type=Path, help="map voor results.jsonl, summary.json, report.md")
    p.add_argument("--json", action="store_true", help="totalen als JSON op de laatste regel")
    p.add_argument("--min", action="append", default=[], metavar="METRIC=VALUE")
    p.add_argument("--max", action="append", default=[], metavar="METRIC=VALUE")

    p = sub.add_parser("facts", help="toon wat uit een document gelezen wordt (delen, vraag/antwoord-paren, tabellen, getallen)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("serve", help="start de webchat en de API (indexeert eerst indien nodig)")
    _common(p)
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--open", action="store_true",
                   help="zonder login of token ook op een netwerkadres luisteren (zoals QA_BOT_OPEN=1)")  # fmt: skip
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    changes: dict[str, Any] = {}
    if getattr(args, "corpus", None):
        changes["corpus_dir"] = args.corpus
    if getattr(args, "index", None):
        changes["index_dir"] = args.index
    if getattr(args, "device", None):
        changes["device"] = args.device
    if getattr(args, "host", None):
        changes["host"] = args.host
    if getattr(args, "port", None):
        changes["port"] = args.port
    if getattr(args, "open", False):
        changes["open_access"] = True
    return settings.replace(**changes)


def main(argv: list[str] | None = None) -> int:
    force_offline()
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        return COMMANDS[args.command](args)
    except QaBotError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and friends
        return 0


def _bot(settings: Settings):  # type: ignore[no-untyped-def]
    from qa_bot.qa import QaBot

    return QaBot(settings)


def cmd_index(args: argparse.Namespace) -> int:
    bot = _bot(settings_from(args))
    report = bot.index(progress=not args.quiet, wait=args.wait, force=args.force)
    print(format_report(report))
    return 0


def format_report(report) -> str:  # type: ignore[no-untyped-def]
    lines = []
    if report.rebuilt:
        lines.append(f"Volledige herbouw ({report.rebuilt}).")
    if report.noop:
        lines.append("Niets gewijzigd.")
    else:
        for label, items in (("nieuw", report.added), ("gewijzigd", report.changed), ("verwijderd", report.removed)):
            if items:
                lines.append(
                    f"{label}: {', '.join(items[:10])}" + (f" … (+{len(items) - 10})" if len(items) > 10 else "")
                )
    for problem in report.problems:
        lines.append(f"Overgeslagen: {problem}")
    lines.append(
        f"{report.documents} documenten, {report.parts} delen, {report.tables} tabellen, {report.chunks} chunks "
        f"({report.embedded} nieuw ge-embed, {report.reused_vectors} hergebruikt) in {report.seconds:.2f} s."
    )
    if report.model:
        lines.append(f"Model: {report.model}.")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    bot = _bot(settings)
    filters = {"doc_types": args.doc_type, "parts": args.part, "doc_ids": args.doc,
               "date_from": args.date_from, "date_to": args.date_to}  # fmt: skip
    answer = bot.ask(args.question, filters, k=args.k, previous=args.previous or None)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer))
    return 0


def format_answer(answer: Answer) -> str:
    lines = [answer.text.replace("**", "")]
    for figure in answer.figures:
        lines.append("")
        lines.append(f"Figuur: {figure.label} = {figure.display}  ({figure.formula})")
    if answer.citations:
        lines.append("")
        lines.append("Bronnen:" if answer.language == "nl" else "Sources:")
        for c in answer.citations:
            where = ", ".join(x for x in (c.part, c.date, f"p. {c.page}" if c.page else "") if x)
            lines.append(f"[{c.number}] {c.title} ({where}) — {c.doc_id}")
            lines.append(f"    „{c.quote}”")
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    from qa_bot.evaluate import (
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER,
        evaluate,
        failed_thresholds,
        load_questions,
        parse_thresholds,
        write_outputs,
    )

    minimum = parse_thresholds(args.min, HIGHER_IS_BETTER)
    maximum = parse_thresholds(args.max, LOWER_IS_BETTER)
    questions = load_questions(args.questions)
    settings = settings_from(args)
    with tempfile.TemporaryDirectory(prefix="qa-bot-eval-") as tmp:
        if args.corpus and not args.index:
            settings = settings.replace(index_dir=Path(tmp) / "index")
        bot = _bot(settings)
        if args.corpus and not args.index:
            bot.index()
        records, summary = evaluate(bot, questions, k=args.k)
    for r in records:
        mark = "ok " if r["correct"] else "NOK"
        state = "abstain" if r["abstained"] else "answer "
        print(f"{mark} {r['id']:<8} {state} hit={r['hit']!s:<5} {r['latency_ms']:>7.1f} ms  {r['question'][:70]}")
    print()
    for key, value in summary.items():
        print(f"{key:<28} {value}")
    if args.out:
        write_outputs(args.out, records, summary)
    failed = failed_thresholds(summary, minimum, maximum)
    for line in failed:
        print(f"Drempel niet gehaald: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    return 1 if failed else 0


def cmd_facts(args: argparse.Namespace) -> int:
    from qa_bot.errors import ConfigError
    from qa_bot.read.facts import format_facts, read_facts

    if not args.file.is_file():
        raise ConfigError(f"Bestand {args.file} bestaat niet.")
    found = read_facts(args.file.resolve())
    if args.json:
        data = {"doc_id": found.document.doc_id, "title": found.document.title,
                "parts": [{"label": p.label, "numbers": list(p.numbers), "text": p.text, "context": p.context}
                          for p in found.parts],
                "tables": [{"caption": t.caption, "rows": len(t.rows), "columns": len(t.header)}
                           for t in found.document.tables],
                **found.facts.to_dict()}  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(format_facts(found))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from qa_bot.serve.guard import check_exposure
    from qa_bot.serve.web import serve

    settings = settings_from(args)
    check_exposure(settings)  # before indexing: an exposed server without a credential does not start
    bot = _bot(settings)
    print(format_report(bot.index(progress=True)), file=sys.stderr)
    serve(bot)
    return 0


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "eval": cmd_eval, "facts": cmd_facts, "serve": cmd_serve}


if __name__ == "__main__":
    sys.exit(main())
