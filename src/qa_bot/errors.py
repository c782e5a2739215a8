"""Exceptions that reach the user. The CLI, API and UI catch only :class:`QaBotError`.

QaBotError
 ├── ConfigError          a setting has an invalid value
 ├── IndexMissingError    no index yet: run ``qa-bot index``
 ├── IndexMismatchError   index built with another model or settings
 ├── IndexBusyError       another indexing run holds the lock
 ├── InvalidQuestionError empty or over-long question
 └── DocumentError        one file could not be read (reported and skipped)
"""


class QaBotError(Exception):
    """Base class: the message is meant for the user, in Dutch."""


class ConfigError(QaBotError):
    pass


class IndexMissingError(QaBotError):
    pass


class IndexMismatchError(QaBotError):
    pass


class IndexBusyError(QaBotError):
    pass


class InvalidQuestionError(QaBotError):
    pass


class DocumentError(QaBotError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
