"""The HTML report in a real browser (headless Chromium): highlights, details, filters, no network."""
import json
from pathlib import Path

import pytest

from report_util import MINI, corpus, run_cli, session_cache

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="headless Chromium is not installed (Debian packages chromium and chromium-driver; .ci/run installs them)")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--host-resolver-rules=MAP * ~NOTFOUND"):  # no name resolves
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)  # no Selenium Manager
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    from selenium.webdriver.support.ui import WebDriverWait

    root = tmp_path_factory.mktemp("browser")
    report = root / "report.html"
    with session_cache(tmp_path_factory):
        r = run_cli("report", corpus(root / "corpus"), "-o", report, "-g", MINI, "--select", "T,C,N")
    assert r.exit_code == 0, r.stderr
    browser.get(report.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
    return browser, root


def js(driver, script):
    return driver.execute_script(script)


def test_the_page_loads_nothing_but_itself_and_runs_no_article_script(page):
    driver, _ = page
    requested = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = [m["params"]["request"]["url"] for m in requested if m["method"] == "Network.requestWillBeSent"]
    assert urls and all(u.startswith(("file://", "data:", "about:")) for u in urls), urls
    assert js(driver, "return window.__pwned") is None
    text = js(driver, "return document.body.innerText")
    assert '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">' in text


def test_highlights_show_their_message_and_suggestion_on_click(page):
    from selenium.webdriver.common.by import By

    driver, _ = page
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.hl")
    assert len(marks) >= 6 and all("off" not in m.get_attribute("class") for m in marks)
    wang = next(m for m in marks if m.text == "王涛")
    assert wang.get_attribute("data-sev") == "error" and "T001 [error]" in wang.get_attribute("title")
    assert js(driver, "return getComputedStyle(document.querySelector('mark.hl[data-sev=error]')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", wang)
    wang.click()
    detail = driver.find_element(By.ID, "detail")
    assert detail.is_displayed()
    assert "T001 [error] '王涛' is a deprecated rendering" in detail.text and "suggestion: 亚历山大·王" in detail.text
    driver.find_element(By.CSS_SELECTOR, "#detail .close").click()
    assert not detail.is_displayed()


def test_filters_hide_findings_and_their_highlights(page):
    from selenium.webdriver.common.by import By

    driver, root = page
    items = driver.find_elements(By.CSS_SELECTOR, "li.finding")
    t001 = [li for li in items if li.get_attribute("data-rule") == "T001"]
    status = driver.find_element(By.ID, "filter-status")
    assert status.text == f"{len(items)} of {len(items)} findings shown" and t001
    driver.find_element(By.CSS_SELECTOR, "input.flt-rule[value=T001]").click()
    assert status.text == f"{len(items) - len(t001)} of {len(items)} findings shown"
    assert not any(li.is_displayed() for li in t001)
    wang = next(m for m in driver.find_elements(By.CSS_SELECTOR, "mark.hl") if m.text == "王涛")
    assert "off" in wang.get_attribute("class")
    assert driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", wang) == "rgba(0, 0, 0, 0)"
    driver.find_element(By.CSS_SELECTOR, "input.flt-sev[value=info]").click()
    infos = [li for li in items if li.get_attribute("data-severity") == "info"]
    assert infos and not any(li.is_displayed() for li in infos)
    shot = root / "report.png"
    driver.find_element(By.CSS_SELECTOR, "input.flt-rule[value=T001]").click()  # back on for the picture
    driver.execute_script("document.getElementById('documents').scrollIntoView()")
    assert driver.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # kept in pytest's tmp folder
