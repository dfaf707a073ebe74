"""docs/benchmarks.md rendering: bars read in the right direction, missing and unmeasured figures shown as such."""

from factcheck.evaluate.bench_doc import markdown
from factcheck.evaluate.bench_scale import Figure


def test_bars_are_judged_in_their_direction():
    figures = [
        Figure("query", "p50 ms", 150.0, 12.5, "", "<= 20"),
        Figure("query", "p95 ms", 160.0, 61.0, "", "<= 50"),
        Figure("query", "recall", 1.0, 0.985, "", ">= 0.97"),
        Figure("memory", "peak MB", None, float("nan"), "not measured"),
    ]
    text = markdown(figures, "factcheck bench scale", {"CPU": "AMD EPYC"}, {"CPU": "AMD EPYC"})
    lines = {line.split(" | ")[1]: line for line in text.splitlines() if line.startswith("| query") or "peak" in line}
    assert "<= 20 met" in lines["p50 ms"]
    assert "<= 50 **not met**" in lines["p95 ms"]
    assert ">= 0.97 met" in lines["recall"]
    assert "| n/a |" in lines["peak MB"]
    assert "`factcheck bench scale`" in text and "| CPU | AMD EPYC | AMD EPYC |" in text
