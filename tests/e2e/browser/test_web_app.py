"""A student and a teacher using the web app in Chromium, against `serve run`.

Elements are found by role and accessible name (the labels and headings users see, which
serve_app/web's views keep as a contract). Every
test saves full-page screenshots in tmp/screenshots/. No sleeps: Playwright's expect waits.
"""

import json
import re
import uuid
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from serve_app.domain.exercises.bank import load_bank
from serve_app.domain.exercises.variants import render_variant
from tests.e2e.browser.conftest import Tabs

pytestmark = pytest.mark.e2e

# An off-by-one loop: IndexError on line 3, and a correction Debug verifies in the sandbox.
BROKEN = "names = ['ana', 'bo']\nfor i in range(len(names) + 1):\n    print(names[i])\n"
FIXED_LOOP = "for i in range(len(names)):"


def _student(prefix: str) -> str:
    # Each test is its own student: alerts and progress of one never show in another.
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _sign_in(page: Page, student_id: str) -> None:
    who = page.get_by_role("form", name="Who is learning")
    who.get_by_label("Student ID").fill(student_id)
    who.get_by_role("button", name="Save").click()
    expect(who.get_by_label("Student ID")).to_have_value(student_id)


def _paste(editor: Locator, code: str) -> None:
    """Replace the editor's text the way a student pastes (no auto-indent on typed newlines)."""
    editor.click()
    editor.press("Control+a")
    editor.evaluate(
        """(element, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            element.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }));
        }""",
        code,
    )


def _editor_text(editor: Locator) -> str:
    # CodeMirror renders one .cm-line per line of the document.
    lines: list[str] = editor.locator(".cm-line").all_inner_texts()
    return "\n".join(line.replace("\u200b", "") for line in lines)


def _answers(page: Page) -> Locator:
    return page.get_by_role("log", name="Conversation").get_by_role("article")


def test_the_app_loads_with_its_navigation(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    responses: list[tuple[str, dict[str, str]]] = []
    page.on("response", lambda r: responses.append((r.url, r.headers)))
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    for name in ("Learn", "Practice", "Progress", "Teacher"):
        expect(nav.get_by_role("link", name=name)).to_be_visible()
    expect(page.get_by_label("Your question")).to_be_visible()
    expect(page.get_by_label("Code editor")).to_be_visible()
    tab.shot("learn")
    assets = [headers for url, headers in responses if "/assets/" in url]
    assert assets, "the app loaded no hashed assets"
    assert all("immutable" in headers.get("cache-control", "") for headers in assets)
    # A reload on a deep link still opens the app.
    page.goto("/#/progress")
    expect(page.get_by_role("heading", name="Progress", exact=True)).to_be_visible()


def test_a_concept_question_gets_a_streamed_answer(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/learn")
    _sign_in(page, _student("concepts"))
    page.get_by_label("Your question").fill("What is a list comprehension in Python?")
    tab.shot("question")
    with page.expect_response(re.compile(r"/v1/ask$")) as asked:
        page.get_by_role("button", name="Ask").click()
    response = asked.value
    # Streamed: the browser asked for and read Server-Sent Events, not one JSON body.
    assert response.request.headers.get("accept", "").startswith("text/event-stream")
    assert response.headers["content-type"].startswith("text/event-stream")
    answer = _answers(page).last
    expect(answer).to_have_attribute("data-state", "done")
    expect(answer).not_to_have_attribute("aria-busy", "true")
    expect(answer).to_contain_text("Route: concepts")
    expect(answer).to_contain_text(re.compile("comprehension", re.IGNORECASE))
    tab.shot("answer")


def test_broken_code_gets_a_hint_ladder_up_to_the_solution(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/learn")
    _sign_in(page, _student("debug"))
    _paste(page.get_by_label("Code editor"), BROKEN)
    expect(page.get_by_label("Code editor")).to_contain_text("print(names[i])")
    page.get_by_label("Your question").fill(
        "I get IndexError: list index out of range. Why does my code crash?"
    )
    page.get_by_role("button", name="Ask").click()
    expect(_answers(page).last).to_contain_text("Route: debug")
    panel = page.get_by_role("region", name="Debugging")
    first = panel.get_by_role("heading", name=re.compile(r"^Hint 1 of \d+$"))
    expect(first).to_be_visible()
    heading = first.inner_text()
    # The ladder's last step is the solution, not a hint: "Hint n of <hints>".
    hints = int(heading.rsplit(" ", 1)[1])
    assert hints >= 2, heading
    expect(panel).to_contain_text("IndexError")
    expect(panel).to_contain_text("line 3")
    tab.shot("hint-1")
    next_hint = panel.get_by_role("button", name="Next hint")
    # The API's ladder: hints, then a last step with the solution (or why there is none).
    while True:
        with page.expect_response(re.compile(r"/v1/debug/[^/]+/hints$")) as stepped:
            next_hint.click()
        step = stepped.value.json()
        if step["hints_remaining"] == 0:
            break
        level = step["hint_level"]
        expect(panel.get_by_role("heading", name=f"Hint {level} of {hints}")).to_be_visible()
        tab.shot(f"hint-{level}")
    assert step["hint_level"] == hints + 1
    expect(panel.get_by_role("heading", name="Solution")).to_be_visible()
    expect(next_hint).to_have_count(0)
    assert FIXED_LOOP in step["solution"]
    expect(panel).to_contain_text(FIXED_LOOP)
    tab.shot("solution")


def _solution_for(issued: dict[str, Any]) -> str:
    """The bank's reference solution of the exercise (and variant) the page was given."""
    spec = next(s for s in load_bank() if s.exercise_id == issued["exercise_id"])
    return render_variant(spec, issued.get("variant") or 0).solution


def test_a_student_solves_an_exercise(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/practice")
    _sign_in(page, _student("practice"))
    page.get_by_label("Topic").select_option("loops")
    page.get_by_label("Difficulty").select_option("easy")
    with page.expect_response(re.compile(r"/v1/exercises$")) as issued_response:
        page.get_by_role("button", name="New exercise").click()
    issued = issued_response.value.json()
    assert issued["topic"] == "loops"
    expect(page.get_by_role("heading", level=2, name=issued["title"])).to_be_visible()
    editor = page.get_by_label("Code editor")
    first_starter_line = issued["starter_code"].strip().splitlines()[0]
    expect(editor).to_contain_text(first_starter_line)
    tab.shot("exercise")
    solution = _solution_for(issued)
    _paste(editor, solution)
    assert _editor_text(editor).strip() == solution.strip()
    with page.expect_response(re.compile(r"/submissions$")) as graded_response:
        page.get_by_role("button", name="Submit").click()
    graded = graded_response.value.json()
    assert graded["status"] == "passed", json.dumps(graded)[:2000]
    total = graded["total"]
    result = page.get_by_role("region", name="Result")
    expect(result).to_contain_text(f"Passed {total} of {total}")
    expect(result).to_contain_text("passed")
    table = result.get_by_role("table", name="Test results")
    # A header row and one row per test.
    expect(table.get_by_role("row")).to_have_count(total + 1)
    expect(table.get_by_role("row").filter(has_text="failed")).to_have_count(0)
    tab.shot("passed")
    # The grade moved the student's mastery: the progress page shows the topic.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(page.get_by_role("img", name="Mastery per topic")).to_be_visible()
    progress = page.get_by_role("table", name="Mastery per topic")
    expect(progress.get_by_role("row").filter(has_text="loops")).to_have_count(1)
    expect(page.get_by_text(re.compile(r"Streak: \d+ days?"))).to_be_visible()
    tab.shot("progress")


def test_a_teacher_sees_a_struggle_alert_arrive_live(tabs: Tabs, web_url: str) -> None:
    student = _student("stuck")
    teacher_tab = tabs.open(name="teacher")
    teacher = teacher_tab.page
    teacher.goto("/#/teacher")
    expect(teacher.get_by_role("heading", name="Teacher", exact=True)).to_be_visible()
    expect(teacher.get_by_text("Live", exact=True)).to_be_visible()
    alerts = teacher.get_by_role("list", name="Struggle alerts")
    expect(alerts.get_by_role("listitem").filter(has_text=student)).to_have_count(0)
    # Marks this document: a reload or navigation would drop the mark.
    teacher.evaluate("window.__sameDocument = true")
    teacher_tab.shot("before")

    learner = tabs.open(name="student")
    learner.page.goto("/#/learn")
    _sign_in(learner.page, student)
    learner.page.get_by_label("Your question").fill("I'm stuck, I don't get it at all")
    learner.page.get_by_role("button", name="Ask").click()
    expect(_answers(learner.page).last).to_have_attribute("data-state", "done")
    learner.shot("asked")

    alert = alerts.get_by_role("listitem").filter(has_text=student)
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text(re.compile("stuck", re.IGNORECASE))
    assert teacher.evaluate("window.__sameDocument === true"), "the teacher page was reloaded"
    # The same alert is what the API reports.
    api_alerts = httpx.get(f"{web_url}/v1/teacher/alerts", timeout=10).json()["alerts"]
    assert [a["kind"] for a in api_alerts if a["student_id"] == student] == ["says_stuck"]
    teacher_tab.shot("alert")

    alert.get_by_role("link", name=f"History of {student}").click()
    expect(teacher.get_by_role("heading", name=f"History of {student}")).to_be_visible()
    expect(teacher.get_by_text("I'm stuck, I don't get it at all")).to_be_visible()
    teacher_tab.shot("history")
    teacher.get_by_role("link", name="Back to alerts").click()
    klass = teacher.get_by_role("region", name="Class progress")
    row = (
        klass.get_by_role("table", name="Class progress")
        .get_by_role("row")
        .filter(has_text=student)
    )
    expect(row).to_have_count(1)
    teacher_tab.shot("class-progress")


def _has_horizontal_scroll(page: Page) -> bool:
    overflow: bool = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    return overflow


def test_a_phone_width_needs_no_horizontal_scrolling(tabs: Tabs) -> None:
    tab = tabs.open(width=360, height=740)
    page = tab.page
    page.goto("/#/learn")
    _sign_in(page, _student("phone"))
    expect(page.get_by_label("Your question")).to_be_visible()
    _paste(page.get_by_label("Code editor"), BROKEN)
    # "Find the bug" sends the editor's code straight to Debug.
    with page.expect_response(re.compile(r"/v1/debug$")) as diagnosed:
        page.get_by_role("button", name="Find the bug").click()
    assert diagnosed.value.json()["error_type"] == "IndexError"
    panel = page.get_by_role("region", name="Debugging")
    expect(panel.get_by_role("heading", name=re.compile(r"^Hint 1 of \d+$"))).to_be_visible()
    assert not _has_horizontal_scroll(page)
    tab.shot("learn")
    for route, heading in (
        ("practice", "Practice"),
        ("progress", "Progress"),
        ("teacher", "Teacher"),
    ):
        page.goto(f"/#/{route}")
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        assert not _has_horizontal_scroll(page), route
        tab.shot(route)


def _focus_with_keys(
    page: Page, target: Locator, keys: tuple[str, ...], *, tries: int, what: str
) -> None:
    """Press `keys` in turn until `target` has the focus, as a keyboard-only user would."""
    for _ in range(tries):
        if target.evaluate("element => element === document.activeElement"):
            return
        for key in keys:
            page.keyboard.press(key)
    pytest.fail(f"Tab never reached {what}")


def test_the_question_can_be_asked_with_the_keyboard_only(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/learn")
    question = page.get_by_label("Your question")
    expect(question).to_be_visible()
    _focus_with_keys(page, question, ("Tab",), tries=40, what="the question field")
    page.keyboard.type("What is a dictionary?")
    tab.shot("typed")
    # On to the Ask button (Escape lets Tab leave the code editor), and Enter presses it.
    ask = page.get_by_role("button", name="Ask")
    _focus_with_keys(page, ask, ("Escape", "Tab"), tries=20, what="the Ask button")
    page.keyboard.press("Enter")
    answer = _answers(page).last
    expect(answer).to_have_attribute("data-state", "done")
    expect(answer).to_contain_text("Route: concepts")
    expect(answer).to_contain_text(re.compile("dict", re.IGNORECASE))
    tab.shot("answered")


def test_a_teacher_authors_an_exercise_with_its_tests(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/teacher")
    form = page.get_by_role("form", name="New exercise")
    title = f"Triple it {uuid.uuid4().hex[:6]}"
    form.get_by_label("Title").fill(title)
    form.get_by_label("Prompt").fill("Write triple(n) that returns 3 * n.")
    form.get_by_label("Topic").select_option("functions")
    form.get_by_label("Difficulty").select_option("easy")
    form.get_by_label("Starter code").fill("def triple(n):\n    pass\n")
    first = form.get_by_role("group", name="Test 1")
    first.get_by_label("Test name").fill("triples 2")
    first.get_by_label("Test code").fill("assert triple(2) == 6")
    form.get_by_role("button", name="Add test").click()
    second = form.get_by_role("group", name="Test 2")
    expect(second.get_by_label("Test name")).to_be_focused()
    second.get_by_label("Test name").fill("zero stays zero")
    second.get_by_label("Test code").fill("assert triple(0) == 0")
    # A reference solution that fails its own tests is refused, and the form says why.
    solution = form.get_by_label("Reference solution (optional)")
    solution.fill("def triple(n):\n    return 2 * n\n")
    with page.expect_response(re.compile(r"/v1/teacher/exercises$")) as refused:
        form.get_by_role("button", name="Create exercise").click()
    assert refused.value.status == 422
    expect(form.get_by_role("alert")).to_be_visible()
    tab.shot("refused")
    solution.fill("def triple(n):\n    return 3 * n\n")
    with page.expect_response(re.compile(r"/v1/teacher/exercises$")) as created:
        form.get_by_role("button", name="Create exercise").click()
    assert created.value.status == 201
    exercise = created.value.json()
    assert exercise["title"] == title
    assert [t["name"] for t in exercise["tests"]] == ["triples 2", "zero stays zero"]
    expect(form.get_by_text(f"Created exercise {exercise['exercise_id']}")).to_be_visible()
    tab.shot("created")


def test_quota_and_outage_answers_are_explained(tabs: Tabs) -> None:
    tab = tabs.open()
    page = tab.page
    page.goto("/#/learn")
    _sign_in(page, _student("errors"))
    status = page.get_by_role("status")
    unavailable = status.filter(has_text="The tutor is unavailable")
    too_many = status.filter(has_text="Too many requests")
    page.get_by_label("Your question").fill("What is a tuple?")
    ask = page.get_by_role("button", name="Ask")
    # The tutor itself is up; these answers stand in for a network, quota or service failure.
    page.route("**/v1/ask", lambda route: route.abort("connectionrefused"))
    ask.click()
    expect(unavailable).to_be_visible()
    tab.shot("offline")
    page.unroute("**/v1/ask")
    page.route(
        "**/v1/ask",
        lambda route: route.fulfill(
            status=429,
            headers={"Retry-After": "17", "content-type": "application/json"},
            body=json.dumps({"detail": "rate limit exceeded"}),
        ),
    )
    ask.click()
    expect(too_many).to_contain_text("17")
    tab.shot("429")
    page.unroute("**/v1/ask")
    page.route(
        "**/v1/ask",
        lambda route: route.fulfill(
            status=503,
            headers={"Retry-After": "5", "content-type": "application/json"},
            body=json.dumps({"detail": "database unavailable"}),
        ),
    )
    ask.click()
    expect(too_many).to_have_count(0)
    expect(unavailable).to_be_visible()
    tab.shot("503")
    # Back to normal: the real answer arrives.
    page.unroute("**/v1/ask")
    ask.click()
    expect(_answers(page).last).to_contain_text("Route: concepts")
