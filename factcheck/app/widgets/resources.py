"""The app's shared, cached resources (one embedder per process, loaded in the background; the demo corpus built
once), for every page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.corroborate.nli import NliModel
from factcheck.demo import DEMO_CORPUS
from factcheck.embed import Embedder
from factcheck.errors import FactcheckError
from factcheck.reviews import ReviewStore
from factcheck.store import IndexStore
from factcheck.store.backends import CorpusLike
from factcheck.store.manifest import read_manifest
from factcheck.workbench import Settings, corpus_names, corpus_version, escape_markdown, store_at
from factcheck.workbench.warming import Warming


@st.cache_resource(show_spinner=False)
def _warming(kind: str, model: str | None, index_dir: str, precision: str, store: str, queries: str) -> Warming:
    return Warming(Settings.from_environment())


def start_loading(settings: Settings) -> Warming:
    """Start loading the model and preparing the demo corpus in the background (once per process); returns at once."""
    return _warming(
        settings.embedder,
        settings.model,
        str(settings.index_dir),
        settings.precision,
        settings.store_spec,
        settings.query_runtime,
    )


@st.cache_resource(show_spinner="Opening the corpus…", max_entries=16)
def _corpus(store: str, name: str, version: str, embedder_name: str, _embedder: Embedder) -> CorpusLike:
    return store_at(store).open(name, _embedder)


def open_corpora_kept(settings: Settings, names: Sequence[str], embedder: Embedder) -> list[CorpusLike]:
    """The named corpora, opened once per version and kept open across reruns and sessions (a big index takes
    seconds to load); a corpus changed since it was opened is opened again."""
    return [
        _corpus(settings.store_spec, name, corpus_version(settings, name), embedder.name, embedder) for name in names
    ]


@st.cache_resource(show_spinner="Loading the NLI model…")
def _nli(path: str) -> NliModel:
    model = NliModel(path)
    model.warm_up()
    return model


def nli_or_none(settings: Settings) -> NliModel | None:
    """The optional NLI model named by FACTCHECK_NLI_MODEL; if it cannot be loaded, a warning and None."""
    if settings.nli_model is None:
        return None
    try:
        return _nli(str(settings.nli_model))
    except FactcheckError as error:
        st.warning(escape_markdown(f"Checking without the NLI model: {error}"))
        return None


def load_embedder(settings: Settings) -> Embedder:
    """The embedder for `settings`, with the demo corpus ready (built from seeds/ the first time); waits, behind a
    spinner, for the background loading when it is not done yet."""
    warming = start_loading(settings)
    if warming.ready:
        return warming.wait()
    with st.spinner("Loading the embedding model…"):
        return warming.wait()


def demo_ready(settings: Settings) -> bool:
    """Whether the demo corpus is built already (on a warm install it is, and the first page need not wait). A demo
    being built holds no documents until its first commit, so the page waits for it then."""
    if DEMO_CORPUS not in corpus_names(settings):
        return False
    store = settings.corpus_store()
    try:
        if isinstance(store, IndexStore):
            return read_manifest(store.path(DEMO_CORPUS)).documents > 0
        return store.open(DEMO_CORPUS).manifest.documents > 0
    except FactcheckError:
        return False


def embedder_or_stop(settings: Settings) -> Embedder:
    """`load_embedder(settings)`, or a readable error on the page and nothing more."""
    try:
        return load_embedder(settings)
    except FactcheckError as error:
        st.error(escape_markdown(str(error)))
        st.stop()
        raise  # st.stop() ends the script run; this line only satisfies type checkers


def reviews_or_stop(settings: Settings) -> ReviewStore:
    """The review database, or a readable error on the page and nothing more (the file is left untouched)."""
    try:
        return ReviewStore(settings.reviews_path)
    except FactcheckError as error:
        st.error(escape_markdown(str(error)))
        st.stop()
        raise  # st.stop() ends the script run; this line only satisfies type checkers
