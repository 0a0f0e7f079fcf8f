"""Headless Chromium driven over its DevTools pipe, for the tests that open a report in a real browser (the `chromium` fixture)."""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

A4_CONTENT_WIDTH_PX = 703  # 210 mm − 2 × 12 mm page margins, at 96 px per inch

# Chromium's flags: headless, nothing in the background that could make a request of its own.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--remote-debugging-pipe")


def in_ci() -> bool:
    """Whether this runs in CI, where the browser tests must run rather than skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


class Chromium:
    """Headless Chromium driven over the DevTools protocol on --remote-debugging-pipe (fd 3 in, fd 4 out).

    No websocket, no third-party package: JSON messages separated by NUL bytes.
    Every event is kept, so a test can look at each request the page made and
    each console message, exception or log entry it produced.
    """

    TIMEOUT = 30.0

    def __init__(self, executable: str, profile: Path, log: Path):
        commands_r, self._commands = os.pipe()
        self._events, events_w = os.pipe()

        def wire() -> None:  # in the child: our pipes become its fds 3 and 4
            os.dup2(commands_r, 3)
            os.dup2(events_w, 4)

        with log.open("wb") as stderr:
            self.process = subprocess.Popen([executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                                            preexec_fn=wire, pass_fds=(3, 4))  # noqa: PLW1509 - only a child-side dup2 puts the pipes on fds 3 and 4
        os.close(commands_r)
        os.close(events_w)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.TIMEOUT
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self._read(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._events], [], [], left)
            if ready:
                chunk = os.read(self._events, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the DevTools pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log", "DOM", "CSS"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                  session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        self.send("Runtime.evaluate", {"expression": "new Promise(r => requestAnimationFrame(() => setTimeout(r, 200)))",
                                       "awaitPromise": True}, session=session)  # let late requests and messages arrive
        return Page(self, session, url)

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.process.wait(10)
        except Exception:
            self.process.kill()
            self.process.wait(10)
        finally:
            os.close(self._commands)
            os.close(self._events)


class Page:
    """One loaded page: what it requested and reported, its DOM, a screenshot, its print layout."""

    def __init__(self, browser: Chromium, session: str, url: str):
        self.browser, self.session, self.url = browser, session, url

    def _mine(self, method: str) -> list[dict[str, Any]]:
        return [e["params"] for e in self.browser.events if e.get("method") == method and e.get("sessionId") == self.session]

    def requests(self) -> list[str]:
        """URLs the page asked for, other than itself."""
        return [p["request"]["url"] for p in self._mine("Network.requestWillBeSent") if p["request"]["url"] != self.url]

    def errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and error log entries (CSP violations, failed loads)."""
        found = [f"console.{p['type']}: {p['args']}" for p in self._mine("Runtime.consoleAPICalled") if p["type"] in ("error", "warning", "assert")]
        found += [f"exception: {p['exceptionDetails'].get('text')}" for p in self._mine("Runtime.exceptionThrown")]
        found += [f"log {p['entry']['level']}: {p['entry']['text']}" for p in self._mine("Log.entryAdded") if p["entry"]["level"] in ("error", "warning")]
        return found

    def evaluate(self, expression: str) -> Any:
        reply = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=self.session)
        assert "exceptionDetails" not in reply, reply
        return reply["result"].get("value")

    def fonts(self, selector: str) -> list[str]:
        """The platform fonts Chromium actually drew the element's text with."""
        root = self.browser.send("DOM.getDocument", session=self.session)["root"]["nodeId"]
        node = self.browser.send("DOM.querySelector", {"nodeId": root, "selector": selector}, session=self.session)["nodeId"]
        fonts = self.browser.send("CSS.getPlatformFontsForNode", {"nodeId": node}, session=self.session)["fonts"]
        return [f["familyName"] for f in fonts]

    def screenshot(self) -> bytes:
        size = self.browser.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                                 session=self.session)
        return base64.b64decode(shot["data"])

    def print_layout(self) -> tuple[int, bytes]:
        """The page's width laid out for print on an A4 page's content width, and the page printed to an A4 PDF."""
        self.browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=self.session)
        self.browser.send("Emulation.setDeviceMetricsOverride",
                          {"width": A4_CONTENT_WIDTH_PX, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=self.session)
        width = self.evaluate("document.documentElement.scrollWidth")
        pdf = self.browser.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
                                                    "printBackground": True}, session=self.session)
        return width, base64.b64decode(pdf["data"])
