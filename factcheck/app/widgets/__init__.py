"""Streamlit pieces shared by the pages in `factcheck/app/pages/`: cached resources, the verdict form, evidence
cards, and keeping what the user typed across pages. Only layout lives here; every decision is a
`factcheck.workbench` call."""
