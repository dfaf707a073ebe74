"""Export page: claims with verdicts as CSV (flattened ClaimReview columns), and the claims marked done as
publishable ClaimReview JSON-LD under the newsroom's publication settings (kept in the review database)."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.resources import reviews_or_stop
from factcheck.errors import FactcheckError
from factcheck.publication import Publication, load_publication, save_publication
from factcheck.workbench import Settings, escape_markdown, export_reviews_csv, export_reviews_jsonld, queue_table

st.title("Export")
settings = Settings.from_environment()
reviews = reviews_or_stop(settings)

table = queue_table(reviews)
rated = int((table["rating"] != "").sum()) if len(table) else 0
published = int(((table["rating"] != "") & (table["status"] == "done")).sum()) if len(table) else 0
st.caption(
    f"{len(table)} claims recorded (archived articles left out), {rated} with a rating, {published} of them marked"
    " done: only those are published as ClaimReview."
)
st.session_state.setdefault("export_excel", True)
excel = st.checkbox("Excel-friendly CSV (UTF-8 with a byte-order mark)", key="export_excel")
st.download_button(
    "Download CSV",
    data=export_reviews_csv(reviews, excel=excel, ratings=settings.ratings),
    file_name="factcheck-claims.csv",
    mime="text/csv",
    key="export_csv",
)
st.caption("Spreadsheet formulas in cells (starting with =, +, - or @) are neutralised with a leading apostrophe.")

st.subheader("ClaimReview for publishing")
saved = load_publication(reviews)
with st.form("publication"):
    st.caption("Saved for every reviewer of this review database.")
    publisher = st.text_input("Publisher (the ClaimReview author)", value=saved.publisher, key="export_publisher")
    publisher_url = st.text_input("Publisher's site", value=saved.publisher_url, placeholder="https://news.example")
    pattern = st.text_input(
        "Review URL pattern",
        value=saved.review_url_pattern,
        placeholder="https://news.example/fact-checks/{claim_id}",
        help="Where each fact-check is published; {claim_id} is replaced by the claim's id, {article} by the"
        " article's.",
    )
    if st.form_submit_button("Save publication settings"):
        try:
            save_publication(reviews, Publication(publisher.strip(), publisher_url.strip(), pattern.strip()))
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            st.success("Publication settings saved.")
            saved = load_publication(reviews)
try:
    jsonld = export_reviews_jsonld(reviews, saved, settings.ratings)
except FactcheckError as error:
    st.info(escape_markdown(str(error)))
else:
    st.download_button(
        "Download ClaimReview JSON-LD",
        data=jsonld,
        file_name="factcheck-claimreview.json",
        mime="application/ld+json",
        key="export_jsonld",
    )
    st.caption("Each article's source URL (its ClaimReview appearance) is set on the Articles page.")
