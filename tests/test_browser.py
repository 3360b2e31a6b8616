"""`kb serve` in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by Selenium.

The real server runs as `python -m kb serve --port 0` on 127.0.0.1 over the seed corpus.
Screenshots of the search, release and check pages go to each test's tmp_path; the check page
is also copied to docs/screenshot-check.png for the README. In CI (CI set) a missing browser
is a failure; elsewhere these tests skip with the reason.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED_ID

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000"]
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
WAIT = 20  # seconds for a page to show what it should
TRUE_AND_FALSE = ("NetClean's survey of police officers is out.\n\n"
                  "56 percent of police officers say live-streamed abuse is increasing.\n\n"
                  "65 percent of police officers say live-streamed abuse is increasing.\n")


def unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason}: CI must run the browser test (.ci/run installs chromium and chromium-driver)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(seed_corpus, seed_index):
    """The real `kb serve` on a free port of 127.0.0.1; its address. Stopped with Ctrl-C (SIGINT) at the end."""
    process = subprocess.Popen([sys.executable, "-m", "kb", "--corpus", str(seed_corpus), "--index", str(seed_index),
                                "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=REPO)
    line = process.stdout.readline()
    found = re.match(r"kb serve: (http://127\.0\.0\.1:\d+/)", line)
    if not found:
        process.kill()
        pytest.fail(f"kb serve did not start: {line!r} {process.communicate()[1][-2000:]}")
    yield found.group(1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 0 and "Traceback" not in err, err[-2000:]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        unavailable(f"no {CHROMIUM} or {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def wait_for(browser, css: str, count: int = 1):
    """The elements matching css, once there are at least count of them."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, WAIT).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, css)) >= count)
    return browser.find_elements(By.CSS_SELECTOR, css)


def in_view(browser, element) -> bool:
    return browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                  "return r.top >= 0 && r.top < window.innerHeight;", element)


def test_type_a_query_and_see_results(browser, server, tmp_path):
    browser.get(server)
    box = wait_for(browser, "input#q")[0]
    box.send_keys("encryption darknet")
    wait_for(browser, "form.search button[type=submit]")[0].click()
    results = wait_for(browser, "li.result")
    assert "q=encryption+darknet" in browser.current_url  # the search can be bookmarked
    assert [m.text for m in results[0].find_elements("css selector", ".snippet mark")] == ["encryption", "darknet"]
    assert results[0].find_element("css selector", "button.copy").is_displayed()  # the script shows the button
    browser.save_screenshot(str(tmp_path / "search.png"))


def test_follow_a_citation_to_the_release_at_its_paragraph(browser, server, tmp_path):
    browser.get(server + "?q=encryption")
    result = wait_for(browser, "li.result")[0]
    snippet = result.find_element("css selector", ".snippet").text.strip("… ")
    result.find_element("css selector", "a.cite-line").click()
    marked = wait_for(browser, "#p8 mark.cited")[0]
    assert browser.current_url.startswith(f"{server}release/{SEED_ID}?start=") and browser.current_url.endswith("#p8")
    assert marked.text == snippet and in_view(browser, marked)
    assert browser.find_element("css selector", "h1").text.startswith("New report on child sexual abuse crime")
    browser.save_screenshot(str(tmp_path / "release.png"))


def test_paste_a_draft_and_see_one_supported_and_one_contradicted_mark(browser, server, tmp_path):
    browser.get(server + "check")
    wait_for(browser, "textarea#text")[0].send_keys(TRUE_AND_FALSE)
    wait_for(browser, "#check-form button[type=submit]")[0].click()
    marks = wait_for(browser, "mark.claim", 2)
    verdicts = [(m.get_attribute("class"), m.find_element("css selector", "a.verdict").text.lower()) for m in marks]
    assert verdicts == [("claim v-supported", "supported"), ("claim v-contradicted", "contradicted")]
    assert marks[1].text.startswith("65 percent of police officers")
    summary = browser.find_element("css selector", ".summary").text
    assert "2 claims checked" in summary and "1 supported" in summary and "1 contradicted" in summary
    shot = tmp_path / "check.png"
    browser.save_screenshot(str(shot))
    (REPO / "docs").mkdir(exist_ok=True)
    shutil.copyfile(shot, REPO / "docs" / "screenshot-check.png")
    marks[1].find_element("css selector", "a.verdict").click()  # opening a mark shows its evidence beside it
    evidence = wait_for(browser, ".popover")[0]
    assert "The source gives 56 percent where the claim says 65 percent." in evidence.text
    assert "56 percent indicated that this type of crime is on the increase." in evidence.text
    assert "5 December 2019, ¶3" in evidence.text


def test_search_form_by_keyboard_alone(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    wait_for(browser, "input#q")
    for tabs in range(1, 16):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("id") == "q":
            break
    assert browser.switch_to.active_element.get_attribute("id") == "q", "Tab never reached the search box"
    assert tabs <= 10
    ActionChains(browser).send_keys("Borgström perception" + Keys.ENTER).perform()
    result = wait_for(browser, "li.result")[0]
    assert "q=Borgstr%C3%B6m+perception" in browser.current_url
    assert [m.text for m in result.find_elements("css selector", ".snippet mark")][:2] == ["perception", "Borgström"]
