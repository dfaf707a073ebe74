"""The project's named errors: one base class, one subclass per kind of bad data or state."""


class FactcheckError(Exception):
    """Base class for errors caused by the user's data or the state on disk, not by a bug.

    Messages say what was expected, what was found and what to do; the CLI and the app show them as they are.
    """


class UnsupportedFormatError(FactcheckError):
    """A file whose extension or content no reader understands."""


class UnreadableFileError(FactcheckError):
    """A file that exists but cannot be read or decoded (binary, wrong encoding, truncated, empty)."""


class CorpusFormatError(FactcheckError):
    """A CSV or JSONL corpus whose rows do not have the expected columns or types."""


class CorpusNotFoundError(FactcheckError):
    """A corpus name with no index directory."""


class CorruptIndexError(FactcheckError):
    """An index directory whose files are missing, unreadable or disagree with its manifest."""


class IndexMismatchError(FactcheckError):
    """An index built with another embedding model or dimension than the one running."""


class ReviewStoreError(FactcheckError):
    """The review database cannot be opened or written."""


class ReviewConflictError(FactcheckError):
    """A verdict was changed by someone else since it was loaded; saving would overwrite their work."""


class ArticleError(FactcheckError):
    """An article that does not exist, or a title or source URL that cannot be used."""


class MissingReviewerError(FactcheckError):
    """A change that must be attributed (a bulk change, an undo) was asked for without a reviewer's name."""


class NothingToUndoError(FactcheckError):
    """An undo with nothing left to undo, or whose change was itself changed since by someone else."""


class PublicationError(FactcheckError):
    """Publication settings (publisher, review URL pattern) missing or unusable for a publishable ClaimReview."""
