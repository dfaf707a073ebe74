"""The background warm-up: it waits for the first page to reach the browser, unless a page needs the model sooner."""

from __future__ import annotations

import time

from factcheck.workbench import Settings
from factcheck.workbench.warming import Warming


def _settings(tmp_path) -> Settings:
    return Settings.from_environment({"FACTCHECK_INDEX_DIR": str(tmp_path / "indexes"), "FACTCHECK_EMBEDDER": "hash"})


def test_the_warm_up_waits_before_loading_when_nobody_asks(tmp_path, monkeypatch):
    from factcheck.workbench import warming as warming_module

    started: list[float] = []
    real_prepare = warming_module.prepare_demo
    monkeypatch.setattr(
        warming_module, "prepare_demo", lambda *args: started.append(time.monotonic()) or real_prepare(*args)
    )
    begun = time.monotonic()
    warming = Warming(_settings(tmp_path), delay=30.0)
    time.sleep(0.5)
    assert not started and not warming.ready  # still waiting: nothing loaded beside the first page
    warming.wait(timeout=60)  # asking hurries it
    assert warming.ready
    assert len(started) == 1 and started[0] - begun < 30  # it did not wait out the delay once asked


def test_a_page_that_needs_the_model_does_not_wait_out_the_delay(tmp_path):
    started = time.monotonic()
    embedder = Warming(_settings(tmp_path), delay=600.0).wait(timeout=30)
    assert time.monotonic() - started < 30
    assert embedder.encode_queries(["a claim"]).shape[0] == 1
    assert (tmp_path / "indexes" / "demo").is_dir()  # the demo corpus was prepared all the same
