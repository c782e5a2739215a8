"""qa-bot: cited answers over parliamentary questions, ministerial answers and reports — offline.

    from qa_bot import QaBot, load_settings

    bot = QaBot(load_settings())
    bot.index()                                   # the corpus/ folder, incrementally
    answer = bot.ask("Hoeveel mobiliteiten kregen in 2025 een beurs?")
    print(answer.text, [c.title for c in answer.citations])

The names below are imported on first use, so ``import qa_bot.config`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "Answer",
    "Citation",
    "ConfigError",
    "DocumentError",
    "Figure",
    "Filters",
    "IndexBusyError",
    "IndexMismatchError",
    "IndexMissingError",
    "InvalidQuestionError",
    "QaBot",
    "QaBotError",
    "Settings",
    "__version__",
    "load_settings",
]

_WHERE = {
    "Answer": "qa_bot.types", "Citation": "qa_bot.types", "Figure": "qa_bot.types",
    "Settings": "qa_bot.config", "load_settings": "qa_bot.config",
    "QaBot": "qa_bot.qa", "Filters": "qa_bot.retrieve",
    "QaBotError": "qa_bot.errors", "ConfigError": "qa_bot.errors", "DocumentError": "qa_bot.errors",
    "IndexBusyError": "qa_bot.errors", "IndexMismatchError": "qa_bot.errors", "IndexMissingError": "qa_bot.errors",
    "InvalidQuestionError": "qa_bot.errors",
}  # fmt: skip

if TYPE_CHECKING:
    from qa_bot.config import Settings, load_settings
    from qa_bot.errors import (
        ConfigError,
        DocumentError,
        IndexBusyError,
        IndexMismatchError,
        IndexMissingError,
        InvalidQuestionError,
        QaBotError,
    )
    from qa_bot.qa import QaBot
    from qa_bot.retrieve import Filters
    from qa_bot.types import Answer, Citation, Figure


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'qa_bot' has no attribute {name!r}")
