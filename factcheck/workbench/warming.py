"""Loading the embedding model and preparing the demo corpus in the background, so the app's pages render at once."""

from __future__ import annotations

import logging
import threading

from factcheck.embed import Embedder
from factcheck.workbench.settings import Settings, prepare_demo

# Seconds the warm-up waits before loading the model, unless a page asks for the model sooner: importing torch holds
# the interpreter for a second or two, and begun as the first page's script ends it held up the server sending that
# page to the browser (docs/benchmarks.md, session 7: first page usable in 3.9-4.4 s against 4.6-6.2 s).
FIRST_PAGE_DELAY = 1.5


class Warming:
    """The embedder of `settings`, warmed up (model loaded, demo corpus ready) in a background thread.

    `ready` says whether that is done; `wait()` blocks until it is and returns the embedder, or raises what went
    wrong (a FactcheckError such as a missing model, shown by the page like any other).
    """

    def __init__(self, settings: Settings, delay: float = FIRST_PAGE_DELAY) -> None:
        self.settings = settings
        self.embedder: Embedder = settings.cached_embedder()
        self._delay = delay
        self._hurry = threading.Event()  # set by `wait`: a page needs the model now
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="factcheck-warm-up", daemon=True)
        self._thread.start()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> Embedder:
        """The warmed-up embedder; raises the loading error, or TimeoutError after `timeout` seconds."""
        self._hurry.set()
        if not self._done.wait(timeout):
            raise TimeoutError(f"the embedding model was not ready after {timeout} s")
        if self._error is not None:
            raise self._error
        return self.embedder

    def _run(self) -> None:
        self._hurry.wait(self._delay)  # the first page reaches the browser first
        try:
            warm_up = getattr(self.embedder, "warm_up", None)
            if warm_up is not None:
                warm_up()
            prepare_demo(self.settings, self.embedder)
            # The first page is drawn without the checking code (pages/check.py imports it where it is used):
            # importing it now spares the first check that wait.
            import factcheck.workbench.checking  # noqa: F401
            import factcheck.workbench.merging  # noqa: F401
        except BaseException as error:  # noqa: BLE001 - handed to whoever waits, who shows or raises it
            logging.getLogger("factcheck").debug("warm-up failed", exc_info=True)
            self._error = error
        finally:
            self._done.set()
