"""Export page: claims with verdicts as CSV (flattened ClaimReview columns) and reviewed claims as ClaimReview."""

from __future__ import annotations

import streamlit as st

from factcheck.ui.resources import reviews_or_stop
from factcheck.workbench import Settings, export_reviews_csv, export_reviews_jsonld, queue_table

st.title("Export")
settings = Settings.from_environment()
reviews = reviews_or_stop(settings)

table = queue_table(reviews)
reviewed = int((table["rating"] != "").sum()) if len(table) else 0
st.caption(f"{len(table)} claims recorded, {reviewed} with a rating.")
st.session_state.setdefault("export_excel", True)
excel = st.checkbox("Excel-friendly CSV (UTF-8 with a byte-order mark)", key="export_excel")
st.download_button(
    "Download CSV",
    data=export_reviews_csv(reviews, excel=excel, ratings=settings.ratings),
    file_name="factcheck-claims.csv",
    mime="text/csv",
    key="export_csv",
)
st.session_state.setdefault("export_publisher", "factcheck")
publisher = st.text_input("Publisher (ClaimReview author)", key="export_publisher")
st.download_button(
    "Download ClaimReview JSON-LD",
    data=export_reviews_jsonld(reviews, publisher.strip() or "factcheck", settings.ratings),
    file_name="factcheck-claimreview.json",
    mime="application/ld+json",
    key="export_jsonld",
)
st.caption("Spreadsheet formulas in cells (starting with =, +, - or @) are neutralised with a leading apostrophe.")
