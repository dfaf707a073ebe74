"""The Milvus connection and the collections a corpus lives in: one for passages (dense vectors and the BM25
full-text index), one for documents, and one manifest row per corpus."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import CorruptIndexError, StoreConnectionError
from factcheck.store.manifest import Manifest

LITE_PREFIX = "milvus-lite:"
SERVER_PREFIXES = ("http://", "https://", "tcp://", "grpc://")
MANIFESTS = "factcheck_manifests"
# Milvus keeps strings up to 65,535 bytes; document texts are cut into parts of at most this many characters
# (4 bytes per character at worst in UTF-8).
TEXT_PART_CHARS = 16_000
MAX_VARCHAR = 65_535
# Milvus needs a vector in every collection; the manifest and document collections carry this small placeholder.
PLACEHOLDER_DIMENSION = 2
# The BM25 parameters of the FAISS store's bm25s index (Lucene variant), so both stores rank words alike.
BM25_K1 = 1.5
BM25_B = 0.75
# Milvus returns at most this many rows per query call; longer reads go through an iterator.
QUERY_PAGE = 1000


def connect(spec: str):
    """A `MilvusClient` for `milvus-lite:PATH.db` (Milvus's engine in this process, from a local file) or a server
    URL (`http://host:19530`: a Milvus standalone server or cluster, the same client code).

    Raises:
        StoreConnectionError: pymilvus is missing, or the file or server cannot be opened.
    """
    # gRPC's C core prints keep-alive notices ("too_many_pings") to standard error during long Milvus Lite runs;
    # failures still reach us as exceptions. A value the user set is kept.
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    try:
        from pymilvus import MilvusClient
    except ImportError as error:
        raise StoreConnectionError(
            f"The corpus store {spec} needs pymilvus (and milvus-lite for a local file): "
            "pip install pymilvus milvus-lite (both are in requirements.txt)."
        ) from error
    # pymilvus logs notices (an iterator's timestamp fallback) on standard error, and Milvus Lite's in-process gRPC
    # server logs the call it does not implement behind that fallback; the CLI keeps standard error for messages.
    logging.getLogger("pymilvus").setLevel(logging.ERROR)
    logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    # Milvus Lite logs a traceback when its file is locked by another process; the error below says it in one line.
    logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)
    if spec.startswith(LITE_PREFIX):
        path = Path(spec[len(LITE_PREFIX) :]).expanduser()
        if path.suffix != ".db":
            raise StoreConnectionError(
                f"A Milvus Lite store is a file ending in .db, e.g. milvus-lite:corpora.db; got {spec}."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        uri = str(path.resolve())
    else:
        uri = spec
    try:
        return MilvusClient(uri=uri)
    except Exception as error:  # pymilvus raises its own MilvusException and plain connection errors alike
        if spec.startswith(LITE_PREFIX):
            hint = (
                "Milvus Lite serves one process: if another factcheck command or app has this file open, close it "
                "first (or share the corpora through a Milvus server, see docs/deployment.md); otherwise check the "
                "path"
            )
        else:
            hint = "Check that the server is running and reachable at that address"
        raise StoreConnectionError(
            f"Cannot open the Milvus store {spec} ({_first_line(error)}). {hint}; nothing was changed."
        ) from error


@contextlib.contextmanager
def store_errors(spec: str, corpus: str | None = None) -> Iterator[None]:
    """Milvus's own errors during a call (on corpus `corpus`, if one) as the project's named errors, with what to do.

    Raises:
        CorruptIndexError: a collection of the corpus is missing (dropped by another program or half removed).
        StoreConnectionError: any other failure of the store (the server went away, a request was refused).
    """
    from pymilvus.exceptions import MilvusException

    try:
        yield
    except MilvusException as error:
        text = _first_line(error)
        if corpus is not None and ("not found" in text.lower() or "not exist" in text.lower()):
            raise CorruptIndexError(
                f"Corpus '{corpus}' in {spec} is missing a collection ({text}): it was dropped outside factcheck or "
                f"its removal was interrupted. Remove it with `factcheck --store {spec} index remove {corpus}` and "
                "add its files again, or copy it back from a folder store with `factcheck index migrate`."
            ) from error
        where = f" on corpus '{corpus}'" if corpus is not None else ""
        raise StoreConnectionError(
            f"The Milvus store {spec} failed{where} ({text}). Check that the server is running; an "
            "interrupted `index add` is completed by running the same command again (nothing is stored twice)."
        ) from error


# The fields this version writes, by collection kind; a collection without them is foreign or from an older version.
PASSAGE_FIELDS = frozenset(
    {
        "passage_id",
        "doc_id",
        "text",
        "words",
        "bm25",
        "dense",
        "start",
        "end",
        "title",
        "url",
        "date",
        "source",
        "extra",
    }
)
DOCUMENT_FIELDS = frozenset({"key", "doc_id", "part", "content_hash", "text", "meta", "placeholder"})


def check_corpus_collections(client, spec: str, manifest: Manifest) -> None:
    """Refuse a corpus whose collections are missing, another program's, or of another layout or dimension.

    Raises:
        CorruptIndexError: what is wrong, and how to repair it.
    """
    problems = []
    for kind, wanted in (("passages", PASSAGE_FIELDS), ("documents", DOCUMENT_FIELDS)):
        name = collection_name(manifest.name, kind)
        if not client.has_collection(name):
            problems.append(f"its {kind} collection {name} is missing")
            continue
        fields = {field["name"]: field for field in client.describe_collection(name)["fields"]}
        missing = sorted(wanted - set(fields))
        if missing:
            problems.append(f"its {kind} collection {name} lacks the fields {', '.join(missing)}")
        elif kind == "passages":
            dimension = int(fields["dense"].get("params", {}).get("dim", -1))
            if dimension != manifest.dimension:
                problems.append(f"its vectors have {dimension} dimensions, the manifest says {manifest.dimension}")
    if problems:
        repair = (
            f"Run `factcheck --store {spec} index rebuild {manifest.name}` to rebuild it from its stored documents"
            if not any("documents" in problem for problem in problems)
            else f"Remove it with `factcheck --store {spec} index remove {manifest.name}` and add its files again"
        )
        raise CorruptIndexError(
            f"Corpus '{manifest.name}' in {spec} cannot be used: {'; '.join(problems)} (written by another program "
            f"or an older factcheck, or damaged). {repair}."
        )


def collection_name(corpus: str, kind: str) -> str:
    """The collection of a corpus's `kind` ('passages' or 'documents'). Corpus names may hold '-' and '.', which
    collection names may not: they are spelled out, and '_' doubled, so two corpora never share a collection."""
    escaped = re.sub(r"[_.-]", lambda m: {"_": "__", ".": "_d", "-": "_h"}[m.group()], corpus)
    return f"factcheck_{kind}_{escaped}"


_CREATING = threading.Lock()


def ensure_manifest_collection(client) -> None:
    """The collection of manifests, created on first use; two threads (the app's warm-up and its first page) or two
    processes asking at once end with one collection."""
    from pymilvus import DataType, MilvusClient
    from pymilvus.exceptions import MilvusException

    if client.has_collection(MANIFESTS):
        ensure_loaded(client, MANIFESTS)
        return
    with _CREATING:
        if client.has_collection(MANIFESTS):
            return
        try:
            _create_manifests(client, DataType, MilvusClient)
        except MilvusException:
            if not client.has_collection(MANIFESTS):  # created meanwhile by another process: fine
                raise


_LOADED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def ensure_loaded(client, collection: str) -> None:
    """Load `collection` into memory for search and query if it is not (once per client and collection).

    A collection created in this process is loaded, but one reopened from a Milvus Lite file by a new process starts
    released (a server may have released it too), and Milvus refuses to query it until it is loaded again.
    """
    from pymilvus.client.types import LoadState

    loaded = _LOADED.setdefault(client, set())
    if collection in loaded:
        return
    if client.get_load_state(collection).get("state") != LoadState.Loaded:
        client.load_collection(collection)
    loaded.add(collection)


def _create_manifests(client, DataType, MilvusClient) -> None:  # noqa: N803 - pymilvus's names, imported lazily
    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("name", DataType.VARCHAR, is_primary=True, max_length=128)
    schema.add_field("manifest", DataType.VARCHAR, max_length=MAX_VARCHAR)
    schema.add_field("placeholder", DataType.FLOAT_VECTOR, dim=PLACEHOLDER_DIMENSION)
    index = client.prepare_index_params()
    index.add_index(field_name="placeholder", index_type="FLAT", metric_type="L2")
    client.create_collection(MANIFESTS, schema=schema, index_params=index)


def read_manifests(client) -> dict[str, Manifest | str]:
    """Corpus name -> its manifest, or the problem of a manifest row that cannot be read (damaged, foreign)."""
    ensure_manifest_collection(client)
    rows = client.query(MANIFESTS, filter='name != ""', output_fields=["name", "manifest"], limit=QUERY_PAGE)
    found: dict[str, Manifest | str] = {}
    for row in rows:
        try:
            record = json.loads(row["manifest"])
            found[row["name"]] = Manifest(**record)
        except (ValueError, TypeError) as error:  # bad JSON, not an object, unknown or missing fields
            found[row["name"]] = f"its manifest row is not a factcheck manifest ({_first_line(error)})"
    return found


def write_manifest(client, manifest: Manifest) -> None:
    """The commit point of a change, as on the FAISS store: counts and model are read from here."""
    ensure_manifest_collection(client)
    record = {"name": manifest.name, "manifest": json.dumps(manifest.to_dict()), "placeholder": [0.0, 0.0]}
    client.upsert(MANIFESTS, [record])
    client.flush(MANIFESTS)


def delete_manifest(client, name: str) -> None:
    ensure_manifest_collection(client)
    client.delete(MANIFESTS, filter=f"name == {json.dumps(name)}")
    client.flush(MANIFESTS)


def create_corpus_collections(client, corpus: str, dimension: int) -> None:
    """The passage and document collections of a new corpus (existing ones are left as they are)."""
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    passages = collection_name(corpus, "passages")
    if not client.has_collection(passages):
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("passage_id", DataType.VARCHAR, is_primary=True, max_length=512)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_VARCHAR)
        # The FAISS store's own tokens (figures whole, stop words out, stemmed) joined by spaces: Milvus's BM25
        # function splits them on whitespace, so both stores score the same words.
        schema.add_field(
            "words",
            DataType.VARCHAR,
            max_length=MAX_VARCHAR,
            enable_analyzer=True,
            analyzer_params={"tokenizer": "standard"},
        )
        schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
        schema.add_field("start", DataType.INT64)
        schema.add_field("end", DataType.INT64)
        for name in ("title", "url", "date", "source", "extra"):
            schema.add_field(name, DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_function(
            Function(
                name="bm25", function_type=FunctionType.BM25, input_field_names=["words"], output_field_names=["bm25"]
            )
        )
        index = client.prepare_index_params()
        index.add_index(field_name="dense", index_type="FLAT", metric_type="IP")
        index.add_index(
            field_name="bm25",
            index_type="SPARSE_INVERTED_INDEX",
            metric_type="BM25",
            params={"bm25_k1": BM25_K1, "bm25_b": BM25_B},
        )
        client.create_collection(passages, schema=schema, index_params=index)
    documents = collection_name(corpus, "documents")
    if not client.has_collection(documents):
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=MAX_VARCHAR)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("part", DataType.INT64)
        schema.add_field("content_hash", DataType.VARCHAR, max_length=128)
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("meta", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("placeholder", DataType.FLOAT_VECTOR, dim=PLACEHOLDER_DIMENSION)
        index = client.prepare_index_params()
        index.add_index(field_name="placeholder", index_type="FLAT", metric_type="L2")
        client.create_collection(documents, schema=schema, index_params=index)


def drop_corpus_collections(client, corpus: str, kinds: tuple[str, ...] = ("passages", "documents")) -> None:
    for kind in kinds:
        name = collection_name(corpus, kind)
        if client.has_collection(name):
            client.drop_collection(name)
        _LOADED.get(client, set()).discard(name)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
