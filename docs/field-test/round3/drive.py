"""Field test in a real browser: paste an unseen article into the Check page, open every claim, save screenshots
and the text of every candidate card (stance + passage) for counting by hand against the article's gold labels."""
import json, os, sys, time
from pathlib import Path
from playwright.sync_api import sync_playwright
from factcheck.app.serving import CHROMIUM, running_app

article, index_dir, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
env = {**os.environ, "FACTCHECK_INDEX_DIR": str(index_dir), "FACTCHECK_REVIEWS": str(out / "reviews.sqlite3")}
t0 = time.time()
with running_app(env) as url, sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=CHROMIUM)
    page = browser.new_page(viewport={"width": 1500, "height": 2000})
    page.goto(url)
    corpus = sys.argv[4]
    box = page.get_by_role("combobox", name="Corpora to search")
    box.click(timeout=120_000)
    page.keyboard.press("Backspace")  # drop the demo corpus chosen by default
    page.keyboard.type(corpus)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1000)
    page.screenshot(path=str(out / "corpus-chosen.png"))
    page.get_by_role("tab", name="Paste text").click(timeout=120_000)
    page.get_by_label("Article text").fill(article.read_text(encoding="utf-8"))
    page.get_by_label("Article text").press("Tab")
    page.get_by_role("button", name="Check pasted text").click()
    page.get_by_text("Candidate evidence").wait_for(timeout=600_000)
    page.get_by_role("button", name="Save verdict").wait_for(timeout=120_000)
    print(f"checked in {time.time() - t0:.0f} s (app start included)")
    page.screenshot(path=str(out / "check-first-claim.png"))
    picker = page.get_by_role("combobox", name="Open a claim")
    picker.click()
    options = [o.inner_text() for o in page.get_by_role("option").all()]
    page.keyboard.press("Escape")
    print(len(options), "claims")
    records = []
    for i, label in enumerate(options):
        picker.click()
        page.get_by_role("option").nth(i).click()
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Save verdict").wait_for(timeout=120_000)
        main = page.get_by_test_id("stMain").inner_text()
        records.append({"claim": label, "page": main})
        if i < 6:
            page.screenshot(path=str(out / f"claim-{i:02d}.png"), full_page=True)
    (out / "pages.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    browser.close()
