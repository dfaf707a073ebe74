import time, streamlit
s = time.perf_counter()
import factcheck.app.widgets.resources, factcheck.app.widgets.state, factcheck.errors
from factcheck.workbench import Settings, escape_markdown
a = time.perf_counter()
from factcheck.app.widgets.navigation import claim_from_address, claim_picker
from factcheck.corroborate.types import Stance
from factcheck.reviews import ReviewStatus
from factcheck.workbench import Settings, corpus_names, default_corpora, escape_markdown, sample_choices
b = time.perf_counter()
print(f"app.py imports {a - s:.2f} s, check page imports before its buttons {b - a:.2f} s")
