"""Language knowledge in one place: both languages know the same things."""

from __future__ import annotations

import re

import pytest

from qa_bot import lang
from qa_bot.answer import Reason, message
from qa_bot.answer.operations import Operation


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_reason_has_a_message_in_both_languages(reason: Reason, language: str) -> None:
    text = message(reason, language, "X")
    assert text and "{" not in text


def test_both_languages_define_the_same_knowledge() -> None:
    def names(module) -> set[str]:  # type: ignore[no-untyped-def]
        return {n for n in dir(module) if n.isupper()}

    assert names(lang.nl) == names(lang.en)
    for name in ("REASONS", "LABELS", "DETAILS"):
        assert set(getattr(lang.nl, name)) == set(getattr(lang.en, name)), name


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_operation_has_a_label_and_every_cue_compiles(language: str) -> None:
    module = lang.get(language)
    assert set(module.LABELS["operations"]) == {op.value for op in Operation}
    for name, patterns in module.OPERATION_CUES.items():
        assert Operation(name)
        for pattern in patterns:
            re.compile(pattern)
    assert set(module.OPERATION_ORDER) == set(module.OPERATION_CUES)
