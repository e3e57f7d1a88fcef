"""The colour palette toggle with Material's page script as the course patches it
(scripts/material_bundle.py): a page opens in the reader's scheme, the toggle switches it,
and the choice holds on the next page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"


def test_the_toggle_switches_the_scheme_and_the_next_page_keeps_it(served_site, open_page):
    page = open_page(served_site + "modules/banli/")
    light = page.evaluate(BACKGROUND)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    dark = page.evaluate(BACKGROUND)
    assert dark != light
    page.locator("label[for='__palette_0']").wait_for(state="visible")
    # The next page opens dark, and its script leaves it so.
    page.goto(served_site + "roadmap/")
    page.wait_for_load_state("load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate(BACKGROUND) == dark
    page.locator("label[for='__palette_0']").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.evaluate(BACKGROUND) == light
    assert page.console_errors == []


def test_a_dark_system_opens_the_dark_scheme(served_site, open_page):
    page = open_page(served_site + "modules/banli/", color_scheme="dark")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    assert page.locator("label[for='__palette_0']").is_visible()
    assert page.console_errors == []
