"""factcheck: find quotes and numeric claims in articles and check them against your own reference corpora."""

__version__ = "0.1.0"
