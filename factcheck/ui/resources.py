"""The app's shared, cached resources (one embedder per process, the demo corpus built once), for every page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.corroborate.nli import NliModel
from factcheck.embed import Embedder, make_embedder
from factcheck.errors import FactcheckError
from factcheck.reviews import ReviewStore
from factcheck.store.backends import CorpusLike
from factcheck.workbench import Settings, corpus_version, escape_markdown, prepare_demo, store_at


@st.cache_resource(show_spinner="Loading the embedding model…")
def _embedder(kind: str, model: str | None) -> Embedder:
    embedder = make_embedder(kind, model)
    if hasattr(embedder, "warm_up"):
        embedder.warm_up()
    return embedder


@st.cache_resource(show_spinner="Preparing the demo corpus…")
def _demo(store: str, embedder_name: str, _embedder: Embedder) -> bool:
    prepare_demo(Settings.from_environment(), _embedder)
    return True


@st.cache_resource(show_spinner="Opening the corpus…", max_entries=16)
def _corpus(store: str, name: str, version: str, embedder_name: str, _embedder: Embedder) -> CorpusLike:
    return store_at(store).open(name, _embedder)


def open_corpora_kept(settings: Settings, names: Sequence[str], embedder: Embedder) -> list[CorpusLike]:
    """The named corpora, opened once per version and kept open across reruns and sessions (a big index takes
    seconds to load); a corpus changed since it was opened is opened again."""
    return [
        _corpus(settings.store_spec, name, corpus_version(settings, name), embedder.name, embedder)
        for name in names
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


def load(settings: Settings) -> Embedder:
    """The embedder for `settings`, with the demo corpus ready (built from seeds/ the first time)."""
    embedder = _embedder(settings.embedder, settings.model)
    _demo(settings.store_spec, embedder.name, embedder)
    return embedder


def embedder_or_stop(settings: Settings) -> Embedder:
    """`load(settings)`, or a readable error on the page and nothing more."""
    try:
        return load(settings)
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
