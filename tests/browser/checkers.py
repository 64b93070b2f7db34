"""Validators nobody here wrote, run by the page survey (`budget_survey.py`) on every kind of page beside axe-core.

What runs where, on the same served demo and the same page visits as the budgets (no second demo load):

* **Nu HTML checker** (`vnu-jar`, npm): the HTML *as served* (the response body of the
  document, or of the form submission that shows a form's errors, not the DOM) of every
  kind of page is written to a temporary folder and all of them are checked by one
  `java -jar vnu.jar` run, after the survey. Errors fail the page; warnings are reported.
* **IBM Equal Access** (`accessibility-checker-engine`, npm): its `ace.js` (rules bundled,
  nothing fetched) is evaluated in the Playwright page the survey measures, and
  `ace.Checker().check(document, ["IBM_Accessibility"])` runs there; every result of level
  "violation" fails the page ("potential violations" and recommendations are left out).
* **pa11y** (`pa11y`, npm, HTML_CodeSniffer runner, standard WCAG2AA, errors only): on the
  pages an anonymous visitor reaches with a plain GET, pa11y itself runs, through its Node
  API in `pa11y_pages.cjs`, against the live server's URLs (one chromium, /usr/bin/chromium,
  for all of them, four pages at a time), in its own process while the survey measures the
  pages. On the others (logged-in pages, forms in their error states, forms whose
  page sets a cookie) the survey evaluates in its own Playwright page the script pa11y
  injects (pa11y's in-page runner, its HTML_CodeSniffer build and its htmlcs runner, printed
  by `pa11y_pages.cjs --in-page`) and calls `window.__pa11y.run` with pa11y's options: the
  same checks and the same filtering.

Each finding names the page, the checker's rule and the element (line for the Nu checker, CSS
path or snippet otherwise). A rule that misjudges one element of ours is excused in
`EXCEPTIONS`, narrowly (checker, rule, element) and with the reason; never globally.
"""

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACE_JS = NODE_MODULES / "accessibility-checker-engine" / "ace.js"
PA11Y_PAGES = Path(__file__).resolve().parent / "pa11y_pages.cjs"
JAVA = "java"
NODE = "node"
IBM_POLICY = "IBM_Accessibility"


@dataclass(frozen=True)
class Excused:
    """A checker's rule excused on one element of ours, and why (see `EXCEPTIONS`)."""

    checker: str
    rule: str
    element: str  # a substring of the finding's element (its CSS path, snippet or source line)
    reason: str


EXCEPTIONS: tuple[Excused, ...] = (
    Excused(
        "ibm", "element_tabbable_role_valid", 'class="table-scroll"',
        "A wide table scrolls sideways inside a `div.table-scroll` that is a labelled region with tabindex=0, so "
        "that keyboard users can scroll it (WCAG 2.1.1; axe-core's scrollable-region-focusable asks for exactly "
        "this, and it is the pattern of the ARIA authoring practices for scrollable regions). IBM's rule wants "
        "every tabbable element to be a widget; a scrollable region is not one, and has no widget role to take.",
    ),
)


def excused(checker, rule, element):
    return any(exception.checker == checker and exception.rule == rule and exception.element in element
               for exception in EXCEPTIONS)


def require_tools():
    """Fail at once, and say how to fix it, when the validators are not installed (`make node` installs them)."""
    missing = [str(path) for path in (VNU_JAR, ACE_JS, NODE_MODULES / "pa11y") if not path.exists()]
    if missing:
        raise RuntimeError(f"missing: {', '.join(missing)}; run `make node` (npm ci from package-lock.json)")


# The Nu HTML checker ---------------------------------------------------------------------------------------


def nu_html_check(documents):
    """{key: html} → {key: (errors, warnings)}, each a list of "line N: message" strings; one Java run."""
    results = {key: ([], []) for key in documents}
    with tempfile.TemporaryDirectory(prefix="interconnectes-vnu-") as folder:
        paths = []
        for key, html in documents.items():
            paths.append(Path(folder) / f"{key}.html")
            paths[-1].write_text(html, encoding="utf-8")
        completed = subprocess.run(
            [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *map(str, paths)],
            capture_output=True, text=True, check=True, timeout=300)
    for message in json.loads(completed.stdout)["messages"]:
        key = Path(urlsplit(message.get("url", "")).path).stem
        if key not in results:
            raise RuntimeError(f"the Nu HTML checker could not check a page: {message}")
        line = message.get("lastLine", "?")
        extract = message.get("extract", "").strip().replace("\n", " ")
        text = f"line {line}: {message['message']} [{extract[:120]}]"
        if message["type"] == "error" or message.get("subType") == "fatal":
            if not excused("vnu", message["message"], extract):
                results[key][0].append(text)
        elif message.get("subType") == "warning":
            results[key][1].append(text)
    return results


# IBM Equal Access, in the page -----------------------------------------------------------------------------

IBM_CHECK = """async (policy) => {
  const report = await new window.ace.Checker().check(document, [policy]);
  return report.results
    .filter(result => result.value[0] === 'VIOLATION' && result.value[1] === 'FAIL')
    .map(result => ({rule: result.ruleId, message: result.message, path: result.path.dom,
                     snippet: result.snippet}));
}"""


# pa11y (HTML_CodeSniffer), in the page or by pa11y itself -----------------------------------------------------

PA11Y_CHECK = """async (options) => (await window.__pa11y.run(options)).issues
  .map(issue => ({code: issue.code, message: issue.message, selector: issue.selector, context: issue.context}))"""


class InPageCheckers:
    """The IBM Equal Access engine and pa11y's in-page runner, loaded once and evaluated in each page."""

    def __init__(self):
        require_tools()
        self.ace = ACE_JS.read_text(encoding="utf-8") + "\n;window.ace = ace;"
        completed = subprocess.run([NODE, str(PA11Y_PAGES), "--in-page"],
                                   capture_output=True, text=True, check=True, timeout=120,
                                   cwd=settings.BASE_DIR)
        bundle = json.loads(completed.stdout)
        # Ending on a value that is not a function: Playwright calls a function an evaluated script returns.
        self.pa11y_script, self.pa11y_options = bundle["script"] + "\n;true;", bundle["options"]

    def ibm(self, page):
        """The IBM Equal Access violations of the page, as "rule: message at element" lines."""
        page.evaluate(self.ace)
        found = page.evaluate(IBM_CHECK, IBM_POLICY)
        return [f"{result['rule']}: {result['message']} at {result['path']} {result['snippet'][:160]}"
                for result in found if not excused("ibm", result["rule"], result["path"] + result["snippet"])]

    def pa11y(self, page):
        """pa11y's HTML_CodeSniffer errors on the page, evaluated as pa11y evaluates them."""
        page.evaluate(self.pa11y_script)
        return pa11y_lines(page.evaluate(PA11Y_CHECK, self.pa11y_options))


class Pa11yRun:
    """pa11y itself (Node API, one chromium) on pages a visitor reaches with a plain GET, started at once in its own
    process, so that its page loads overlap whatever its caller does meanwhile; `results()` waits for it."""

    def __init__(self, urls):
        self.process = subprocess.Popen([NODE, str(PA11Y_PAGES), *urls], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, cwd=settings.BASE_DIR) if urls else None

    def results(self, timeout=600):
        """{url: [line]}, once pa11y is done."""
        if self.process is None:
            return {}
        try:
            stdout, stderr = self.process.communicate(timeout=timeout)
        finally:
            self.stop()
        if self.process.returncode:
            raise subprocess.CalledProcessError(self.process.returncode, self.process.args, stdout, stderr)
        return {url: pa11y_lines(issues) for url, issues in json.loads(stdout).items()}

    def stop(self):
        """End pa11y if it still runs (its caller failed, or it took too long)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def pa11y_urls(urls):
    """pa11y on `urls`, waited for: {url: [line]}."""
    return Pa11yRun(urls).results()


def pa11y_lines(issues):
    return [f"{issue['code']}: {issue['message']} at {issue['selector']} {(issue['context'] or '')[:160]}"
            for issue in issues
            if not excused("pa11y", issue["code"], (issue["selector"] or "") + (issue["context"] or ""))]
