"""Articles page: every checked article with its title, source URL, when and by whom it was checked, its claim counts
and the share reviewed; rename one, give it its source URL, archive it, or delete it (reviewed claims only after
confirmation)."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.messages import announce, show_announcement
from factcheck.app.widgets.resources import reviews_or_stop
from factcheck.articles import delete_article, get_article, rename_article, set_archived, set_source_url
from factcheck.errors import FactcheckError
from factcheck.workbench import Settings, articles_table, escape_markdown

settings = Settings.from_environment()
reviews = reviews_or_stop(settings)
st.title("Articles")
show_announcement("articles")

show_archived = st.toggle("Include archived articles", key="articles_archived")
table = articles_table(reviews, include_archived=show_archived)
if table.empty:
    st.info("No articles yet: check one on the Check page." if not show_archived else "No articles at all yet.")
    st.stop()
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    key="articles_list",
    column_order=["title", "source URL", "checked", "checked by", "claims", "in progress", "done", "reviewed"]
    + (["archived"] if show_archived else []),
    column_config={
        "title": st.column_config.TextColumn(width="medium"),
        "source URL": st.column_config.LinkColumn(),
        "reviewed": st.column_config.ProgressColumn("reviewed", format="percent", min_value=0, max_value=1),
    },
)

titles = dict(zip(table["doc_hash"], table["title"], strict=True))
if st.session_state.get("articles_pick") not in titles:
    st.session_state.pop("articles_pick", None)
doc_hash = st.selectbox("Article", list(titles), format_func=lambda h: titles[h], key="articles_pick")
article = get_article(reviews, doc_hash)
scope = f"{doc_hash}-{st.session_state.get('articles_round', 0)}"  # edits belong to one article and one round
st.caption(
    escape_markdown(
        f"{article.claims} claims: {article.done} done, {article.in_progress} in progress · checked"
        f" {article.checked_at} by {article.checked_by or 'an unnamed reviewer'} · file or paste: {article.doc}"
    )
)
if st.button("Open its claims in Verdicts", key="articles_open"):
    st.switch_page("factcheck/app/pages/verdicts.py", query_params={"article": doc_hash})

with st.form(f"article-edit-{scope}"):
    title = st.text_input("Title", value=article.title, key=f"article-title-{scope}")
    url = st.text_input(
        "Source URL",
        value=article.url,
        key=f"article-url-{scope}",
        placeholder="https://… where the article was published (ClaimReview's appearance)",
    )
    if st.form_submit_button("Save title and source URL", type="primary"):
        try:
            rename_article(reviews, doc_hash, title)
            set_source_url(reviews, doc_hash, url)
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            announce("articles", "success", f"Saved: {' '.join(title.split())}.")

archive_column, delete_column = st.columns(2)
with archive_column:
    st.markdown("**Archive**")
    st.caption("An archived article's claims leave the queue, the verdicts list and the exports; nothing is deleted.")
    if article.archived:
        if st.button("Bring back from the archive", key="article_unarchive"):
            set_archived(reviews, doc_hash, False)
            announce("articles", "success", f"{article.title} is back in the queue.")
    elif st.button("Archive this article", key="article_archive"):
        set_archived(reviews, doc_hash, True)
        announce("articles", "success", f"Archived {article.title}.")
with delete_column:
    st.markdown("**Delete**")
    st.caption("Deletes its claims that nobody has saved a verdict for; claims with verdicts only when ticked below.")
    include_reviewed = False
    if article.saved:
        include_reviewed = st.checkbox(
            f"Also delete the {article.saved} claim{'' if article.saved == 1 else 's'} with a saved verdict (and"
            " their history)",
            key=f"article-delete-reviewed-{scope}",
        )
    if st.button("Delete this article", key="article_delete"):
        try:
            deletion = delete_article(reviews, doc_hash, include_reviewed=include_reviewed)
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            if deletion.article_deleted:
                announce("articles", "success", f"Deleted {article.title} and its {deletion.deleted_claims} claims.")
            announce(
                "articles",
                "warning",
                f"Deleted {deletion.deleted_claims} unreviewed claims of {article.title}; its"
                f" {deletion.kept_reviewed} claims with verdicts were kept. Tick the box to delete them too.",
            )
