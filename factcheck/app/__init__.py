"""The reviewer app's Streamlit home: the only package that imports streamlit (with the entry point `app.py`).

`pages/` holds one script per page (run by `st.navigation` in `app.py`, never imported); `widgets/` the pieces the
pages share (cached resources, the verdict form, evidence cards, state kept across pages). Every decision they show
is a call into `factcheck.workbench`, which holds the decisions and never imports streamlit.
"""
