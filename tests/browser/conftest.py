"""Browser test harness: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server, with the demo data loaded. Never `playwright install`: the browser is the
system's /usr/bin/chromium (apt package `chromium`).

Without that binary the browser tests are skipped, unless TREMPLIN_REQUIRE_BROWSER=1 (CI), in
which case they fail loudly. Every screen visited is saved to <repo>/screenshots/<name>.png
(git-ignored) so that a person can look at them."""

import contextlib
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "screenshots"
BROWSER_DIR = Path(__file__).resolve().parent
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
MFA_AUTHENTICATE_PATH = "/comptes/2fa/authenticate/"


def browser_required() -> bool:
    return os.environ.get("TREMPLIN_REQUIRE_BROWSER", "").strip() == "1"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Safety net: every test of this folder carries the `browser` marker (declared in
    pyproject.toml), even if a module forgets its `pytestmark`."""
    for item in items:
        if is_browser_test(item):
            item.add_marker(pytest.mark.browser)
            # One worker of pytest-xdist (--dist loadgroup) runs them all: one seeded demo, one Chromium.
            item.add_marker(pytest.mark.xdist_group("demo"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


_REPORTS = pytest.StashKey[dict]()


# --- The browser: one for the session, a new context per test -------------------------------


def is_browser_test(item) -> bool:
    return item is not None and BROWSER_DIR in Path(str(item.path)).resolve().parents


class SharedBrowser:
    """The one Chromium of the test session, started by the first browser test.

    While Playwright's sync API is up, an asyncio loop is marked as running in the main thread,
    and Django would refuse every ORM call ("You cannot call this from an async context"), in
    the browser tests and in any other test. So DJANGO_ALLOW_ASYNC_UNSAFE is set only while the
    browser is up, and the browser is stopped as soon as the run leaves this folder (see
    pytest_runtest_teardown below): the other tests keep Django's safety check, and the
    `check --deploy` test does not see the variable."""

    def __init__(self):
        self.playwright = None
        self.browser = None
        self.previous_env = None

    def get(self):
        if self.browser is None:
            from playwright.sync_api import sync_playwright

            self.previous_env = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            try:
                self.playwright = sync_playwright().start()
                self.browser = self.playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
            except BaseException:
                self.stop()
                raise
        return self.browser

    def stop(self):
        try:
            if self.browser is not None:
                self.browser.close()
            if self.playwright is not None:
                self.playwright.stop()
        finally:
            self.browser = self.playwright = None
            if self.previous_env is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = self.previous_env


_SHARED = SharedBrowser()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if is_browser_test(item) and not is_browser_test(nextitem):
        _SHARED.stop()


def pytest_sessionfinish(session, exitstatus):
    _SHARED.stop()


@pytest.fixture
def browser():
    """The session's Chromium (launched once, by the first browser test). Skips the test when
    /usr/bin/chromium is missing, or fails it when TREMPLIN_REQUIRE_BROWSER=1 (CI)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's `chromium` package (never `playwright install`)."
        if browser_required():
            pytest.fail(f"TREMPLIN_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    return _SHARED.get()


@dataclass
class BrowserPage:
    """A Playwright page plus what its console said. Other attributes are the page's own
    (browser_page.goto(...), .locator(...)); pass `.page` to playwright's `expect`."""

    page: object
    console_errors: list[str] = field(default_factory=list)

    def __getattr__(self, name):
        return getattr(self.page, name)

    def csp_violations(self) -> list[str]:
        return [text for text in self.console_errors if "Content Security Policy" in text]


@pytest.fixture
def new_page(browser, request):
    """new_page(viewport=...) -> BrowserPage in a fresh context (cookies, storage) of its own.
    On failure, each page opened by the test is saved as screenshots/FAILED-<test>-<n>.png."""
    contexts, pages = [], []

    def make(*, viewport=DESKTOP, is_mobile=False):
        context = browser.new_context(
            viewport=viewport,
            is_mobile=is_mobile,
            has_touch=is_mobile,
            locale="fr-FR",
            timezone_id="Europe/Paris",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        wrapped = BrowserPage(page)
        page.on("console", lambda message: message.type == "error" and wrapped.console_errors.append(message.text))
        page.on("pageerror", lambda error: wrapped.console_errors.append(f"Uncaught: {error}"))
        pages.append(wrapped)
        return wrapped

    yield make
    reports = request.node.stash.get(_REPORTS, {})
    if any(report.failed for report in reports.values()):
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        for index, wrapped in enumerate(pages):
            # The page may already be gone; the failure report matters more.
            with contextlib.suppress(Exception):
                save_screenshot(wrapped.page, f"FAILED-{name}-{index}")
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop-sized page (1280x900)."""
    return new_page()


# --- Screenshots ----------------------------------------------------------------------------


def save_screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot():
    """screenshot(page_or_browser_page, name) -> saves <repo>/screenshots/<name>.png (full page)."""

    def take(page, name: str) -> Path:
        return save_screenshot(getattr(page, "page", page), name)

    return take


# --- Demo data and second factors -----------------------------------------------------------


@dataclass
class Demo:
    base_url: str
    totp_secrets: dict[str, str]  # email -> TOTP secret, for the users given a second factor

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path


@pytest.fixture
def database_back_after_flush(django_db_setup, django_db_blocker):
    """A browser test runs against the live server outside a transaction, and pytest-django empties
    every table after it (reference data from the migrations included). These tests run on one
    worker, in the middle of its run (xdist_group "demo"), so the tables are put back as the
    migrations left them once the test is over: the next tests of that worker find the SMIC, the
    ROME codes and the content types. Requested by `transactional_db` below, so that it is set up
    before pytest-django's and torn down after its flush."""
    from tremplin.core.tests.snapshot import migrated_state

    with django_db_blocker.unblock():
        state = migrated_state()
    yield
    with django_db_blocker.unblock():
        state.restore()


@pytest.fixture
def transactional_db(database_back_after_flush, transactional_db):
    """pytest-django's, with the tables put back after its flush (database_back_after_flush)."""
    return transactional_db


@pytest.fixture
def demo_data(live_server, transactional_db):
    """The demo data (tremplin.core.demo.seed_demo) in the live server's database, no second factor
    yet: seeded by the first browser test of the process, restored from a copy of its rows for the
    next ones (tremplin/core/tests/snapshot.py)."""
    from django.core.cache import cache

    from tremplin.core.tests.snapshot import seed_demo_once

    cache.clear()  # allauth remembers used TOTP codes and rate limits in the cache
    seed_demo_once()
    return Demo(base_url=live_server.url, totp_secrets={})


@pytest.fixture
def demo(demo_data):
    """The demo data, with a TOTP authenticator for every user whose role requires a second
    factor (director, admin_staff), created through allauth's own API."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from tremplin.accounts.access import user_needs_second_factor
    from tremplin.accounts.models import User

    for user in User.objects.all():
        if user_needs_second_factor(user):
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            demo_data.totp_secrets[user.email] = secret
    return demo_data


def current_totp_code(secret: str) -> str:
    """The code an authenticator app would show now, computed with allauth's helpers. Waits for
    the next period when the current one is about to end (allauth's tolerance is 0 by default)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    if period - (time.time() % period) < 3:
        time.sleep(period - (time.time() % period) + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def log_in(browser_page, demo: Demo, email: str, password: str | None = None, *, shots: str | None = None):
    """Logs in through the real login form (and the TOTP stage when allauth asks for it).
    With `shots`, saves screenshots/<shots>-login.png (and -mfa.png) on the way."""
    from tremplin.core.demo import DEMO_PASSWORD

    page = getattr(browser_page, "page", browser_page)
    page.goto(demo.url("/comptes/login/"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password or DEMO_PASSWORD)
    if shots:
        save_screenshot(page, f"{shots}-login")
    with page.expect_navigation():
        page.locator("form").filter(has=page.locator("input[name=password]")).locator("[type=submit]").first.click()
    if page.url.startswith(demo.url(MFA_AUTHENTICATE_PATH)):
        secret = demo.totp_secrets.get(email)
        assert secret, f"{email} was asked for a second factor but has none in this test"
        if shots:
            save_screenshot(page, f"{shots}-mfa")
        page.locator("input[name=code]").fill(current_totp_code(secret))
        with page.expect_navigation():
            page.locator("form").filter(has=page.locator("input[name=code]")).locator("[type=submit]").first.click()
    return page


@pytest.fixture
def login(demo_data):
    """login(page, email, password=None, shots=None): log_in() against this test's demo data.
    Request the `demo` fixture too for the users who need their second factor."""

    def do(browser_page, email: str, password: str | None = None, *, shots: str | None = None):
        return log_in(browser_page, demo_data, email, password, shots=shots)

    return do


def nav_to(page, label: str) -> None:
    """Clicks the entry `label` of the main navigation, opening its menu first when the bar
    groups it in one (a role with many pages: "Pilotage", "Gestion"...)."""
    nav = page.get_by_role("navigation", name="Navigation principale")
    link = nav.get_by_role("link", name=label, exact=True)
    if not link.is_visible():
        menus = nav.locator("li.dropdown")
        for index in range(menus.count()):
            menu = menus.nth(index)
            if menu.locator("a.dropdown-item").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).count():
                menu.locator("button.dropdown-toggle").click()
                break
    link.click()
