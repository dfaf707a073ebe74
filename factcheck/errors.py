"""The project's named errors: one base class, one subclass per kind of thing a user can get wrong.

    FactcheckError                  the user's arguments, data or the state on disk; never a bug
    ├── InputError                  an argument, option, name or setting that cannot be used as given
    │   ├── InvalidCorpusNameError  a corpus name that cannot be a folder name
    │   ├── RerankModelError        a re-rank model file (FACTCHECK_RERANK) missing, not JSON or not fitting
    │   ├── SameThingModelError     a same-thing model file (FACTCHECK_SAME_THING) missing, not JSON or not fitting
    │   └── QueryAdapterError       a query adapter file (FACTCHECK_QUERY_ADAPTER) missing, corrupt or not fitting
    ├── UnsupportedFormatError      a file whose extension or content no reader understands
    ├── UnreadableFileError         a file that exists but cannot be read or decoded
    │   └── InputTooLargeError      a file, archive member, document or field over a size limit
    ├── CorpusFormatError           CSV or JSONL rows without the expected columns or types
    ├── CorpusNotFoundError         a corpus name with no index directory
    ├── CorpusKindError             earlier fact-checks and evidence documents put into one corpus
    ├── CorruptIndexError           an index directory whose files are missing or disagree with its manifest
    ├── IndexMismatchError          an index built with another embedding model or dimension
    ├── ModelNotAvailableError      the embedding model cannot be found or loaded from local files
    ├── EmbeddingCacheError         an evaluation's embedding cache folder that cannot be read or written
    ├── NliModelError               an NLI model directory that is missing, unreadable or of the wrong kind
    ├── ReviewStoreError            the review database cannot be opened or written
    │   └── ForeignDatabaseError    a file given as the review database that is another program's (or empty)
    ├── ReviewConflictError         a verdict changed by someone else since it was loaded
    ├── ArticleError                an article that does not exist, or a title or source URL that cannot be used
    ├── MissingReviewerError        a change that must be attributed, asked for without a reviewer's name
    ├── NothingToUndoError          an undo with nothing left to undo, or whose change was changed since
    ├── PublicationError            publication settings missing or unusable for a publishable ClaimReview
    ├── BackupError                 a backup that cannot be written, or an archive that is not a safe backup
    ├── ArticleSetError             an article-set split that is missing files, not final, or mislabelled
    ├── StoreConnectionError        a corpus store (a Milvus file or server) that cannot be opened or reached
    └── CorpusExistsError           a corpus name already taken in the store a corpus is copied to

Only `FactcheckError` is turned into a message by the CLI and the app. A programming mistake raises `ValueError` or
`TypeError` (or whatever Python raises) and stays a traceback, so a bug is never shown as the user's fault.
"""


class FactcheckError(Exception):
    """Base class for errors caused by the user's data or the state on disk, not by a bug.

    Messages say what was expected, what was found and what to do; the CLI and the app show them as they are.
    """


class InputError(FactcheckError, ValueError):
    """An argument, option, name or setting the user gave that cannot be used as given.

    Also a `ValueError`, so a library caller validating its own values with `except ValueError` still sees it.
    """


class InvalidCorpusNameError(InputError):
    """A corpus name that cannot be a folder name on every system."""


class RerankModelError(InputError):
    """A re-rank model file named by the `rerank` setting that is missing, not JSON, or whose values do not fit."""


class SameThingModelError(InputError):
    """A same-thing model file named by FACTCHECK_SAME_THING that is missing, not JSON, or whose values do not fit."""


class QueryAdapterError(InputError):
    """A query adapter file named by the `query_adapter` setting that is missing, corrupt or of another format."""


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


class ModelNotAvailableError(FactcheckError):
    """The embedding model cannot be found or loaded from local files."""


class NliModelError(FactcheckError):
    """An NLI model directory that is missing, unreadable or not a three-way entailment classifier."""


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


class EmbeddingCacheError(FactcheckError):
    """The embedding cache folder of an evaluation (`--embedding-cache`) cannot be created, read or written."""


class PublicationError(FactcheckError):
    """Publication settings (publisher, review URL pattern) missing or unusable for a publishable ClaimReview."""


class InputTooLargeError(UnreadableFileError):
    """A file, archive member, document or field over a configured size limit (see `factcheck.limits`)."""


class ForeignDatabaseError(ReviewStoreError):
    """A file given as the review database that is another program's SQLite database (or not one at all)."""


class BackupError(FactcheckError):
    """A backup that cannot be written, or an archive that is not a backup this version can restore safely."""


class ArticleSetError(FactcheckError):
    """An article-set split (the held-out articles, their corpora and hand labels) that is missing files, is not
    final, or has a malformed label line."""


class CorpusKindError(FactcheckError):
    """Earlier fact-checks and evidence documents put into one corpus (they are searched for different ends)."""


class StoreConnectionError(FactcheckError):
    """A corpus store (a Milvus file or server) that cannot be opened or reached."""


class CorpusExistsError(FactcheckError):
    """A corpus name already taken in the store a corpus is being copied to."""
