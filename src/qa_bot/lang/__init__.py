"""Language knowledge, one module per language (as spaCy keeps ``lang/nl/``).

Everything a Dutch or English word list, cue or message decides lives in
:mod:`qa_bot.lang.nl` and :mod:`qa_bot.lang.en`; the code that uses it lives elsewhere.
Adding a cue is one edit here. ``LANGUAGES`` maps a language code to its module.
"""

from __future__ import annotations

from types import ModuleType

from qa_bot.lang import en, nl

LANGUAGES: dict[str, ModuleType] = {"nl": nl, "en": en}


def get(language: str) -> ModuleType:
    """The module for ``language`` ("nl" or "en"); Dutch for anything else."""
    return LANGUAGES.get(language, nl)


def union(name: str) -> frozenset[str]:
    """A word list taken from every language (documents mix Dutch and English)."""
    out: set[str] = set()
    for module in LANGUAGES.values():
        out |= set(getattr(module, name, ()))
    return frozenset(out)
