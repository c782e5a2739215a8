"""``qa-bot facts FILE``: what was read from a document, for the staff member who wonders
why a figure was not found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_bot.cli import main

OCR_PAGE = """Antwoord op Kamervragen over de winst van een energiebedrijf (1989)

Vragen van het lid X (Ingezonden 24 januari 1989)
1 Is afgesproken dat het bedrijf een vast winstbe-drag mag maken ter grootte van 45 miljoen gulden?
2 Hoeveel bedraagt de winst voor 1989?
Antwoord
Antwoord van minister Y (Ontvangen 24 februari 1989)
1 Ja. 2 Het bedrijf begroot de winst voor 1989 op f 58,3 min., waarvan f8,3 min. aan precariorechten (Kamerstuk 12 600, nr. 40).
"""


def test_facts_prints_pairs_quantities_and_identifiers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "winst.txt"
    path.write_text(OCR_PAGE, encoding="utf-8")
    assert main(["facts", str(path)]) == 0
    out = capsys.readouterr().out
    assert "antwoord 2: 2 Het bedrijf begroot" in out and "← vraag: 2 Hoeveel bedraagt de winst" in out
    assert "'f 58,3 min.'" in out and "5.83e+07" in out and "gulden" in out
    assert "identifier '12 600'" in out and "heading    '2'" in out and "date       '24 januari 1989'" in out


def test_facts_json_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "winst.txt"
    path.write_text(OCR_PAGE, encoding="utf-8")
    assert main(["facts", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    answers = [p for p in data["parts"] if p["label"] == "antwoord"]
    assert [p["numbers"] for p in answers] == [[], [1], [2]]
    assert "winstbedrag" in answers[1]["context"]  # the question, its OCR'd hyphen joined
    assert {q["value"] for q in data["quantities"]} >= {45e6, 58.3e6, 8.3e6}
    assert main(["facts", str(tmp_path / "nope.txt")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
