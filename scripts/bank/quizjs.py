"""Changes to mkdocs-quiz's browser script (quiz.js), applied to the copy it inlines in each page.

mkdocs-quiz 1.7 keys a page's stored answers by `location.pathname` and each
answer by the quiz's position (`quiz-0` …), and compares fill-in-the-blank
answers after `trim().toLowerCase()` only. The build therefore

1. gives every quiz the id `q-<question id>` (done in the HTML by the hook), and
   here makes the storage key the page's stable key (`data-quiz-page`, set by the
   hook to `xinfang:<src path>`), so a sub-path, another host or the offline copy
   never changes it;
2. folds full-width characters and drops all spaces before comparing blanks
   (`６０日`, `Ａ Ｂ` typed with a Chinese IME count as `60日`, `ab`);
3. stamps each stored answer with the time (`at`, from `window.xinfangNow()` when a
   test sets that clock, else `Date.now()`), so the 学习进度 page can take the latest
   answer of a question shown on several pages;
4. counts only stored answers whose question is on the page, so a question
   removed from a page does not inflate its "answered" count;
5. announces every answer as a `quizAnswer` event (`{id, correct, at}`), which
   `assets/records.js` adds to the answer history the 错题本 schedules from.

Every replacement must find its exact source text the expected number of times;
otherwise `QuizJsPatchError` stops the build, so a plugin upgrade cannot
silently undo these fixes.
"""

from __future__ import annotations

from scripts.upstream_text import mismatch

#: (what the plugin's quiz.js contains, what it becomes, how many times it occurs)
PATCHES: list[tuple[str, str, int]] = [
    (
        'const STORAGE_KEY_PREFIX = "quiz_progress_";',
        'const STORAGE_KEY_PREFIX = "quiz_progress_";\n'
        "  // Course patch: stable page key from data-quiz-page (set at build time).\n"
        "  function quizPageKey() {\n"
        '    var marker = document.querySelector("[data-quiz-page]");\n'
        '    return marker ? marker.getAttribute("data-quiz-page") : window.location.pathname;\n'
        "  }\n"
        "  // Course patch: one clock for answer times; tests may set window.xinfangNow.\n"
        "  function quizNow() {\n"
        '    return typeof window.xinfangNow === "function" ? window.xinfangNow() : Date.now();\n'
        "  }",
        1,
    ),
    ("STORAGE_KEY_PREFIX + window.location.pathname", "STORAGE_KEY_PREFIX + quizPageKey()", 3),
    (
        "return answer.trim().toLowerCase();",
        'return String(answer).normalize("NFKC").replace(/\\s+/g, "").toLowerCase();',
        1,
    ),
    (
        "        selectedValues: selectedValues,\n      };",
        "        selectedValues: selectedValues,\n        at: quizNow(),\n      };",
        1,
    ),
    (
        "      this.saveToStorage();\n      this.updateDisplay();\n    },\n\n    wasPreviouslyCorrect",
        "      this.saveToStorage();\n      this.updateDisplay();\n"
        '      window.dispatchEvent(new CustomEvent("quizAnswer", {\n'
        "        detail: { id: quizId, correct: isCorrect, at: this.quizzes[quizId].at },\n"
        "      }));\n    },\n\n    wasPreviouslyCorrect",
        1,
    ),
    (
        "            if (quiz.answered) {\n              this.answeredQuizzes++;",
        "            if (!document.getElementById(key)) {\n              continue;\n            }\n"
        "            if (quiz.answered) {\n              this.answeredQuizzes++;",
        1,
    ),
]
#: Marker proving a script has been patched.
PATCHED_MARKER = "function quizPageKey()"


class QuizJsPatchError(RuntimeError):
    """The plugin's quiz.js no longer contains a text the course patches."""


def patch_quiz_js(js: str) -> str:
    """Apply PATCHES to quiz.js text; raise QuizJsPatchError naming the first text not found as expected."""
    problem = mismatch(js, [(old, count) for old, _, count in PATCHES], "mkdocs-quiz 的 quiz.js ", "scripts/bank/quizjs.py")
    if problem:
        raise QuizJsPatchError(problem)
    for old, new, _ in PATCHES:
        js = js.replace(old, new)
    return js


def plugin_script() -> str:
    """The `<script>…quiz.js…</script>` block mkdocs-quiz inlines into quiz pages."""
    from mkdocs_quiz import plugin

    if not plugin.js_script:
        raise QuizJsPatchError("mkdocs-quiz 没有加载 quiz.js：无法应用课程补丁")
    return plugin.js_script


def patched_plugin_script() -> str:
    return patch_quiz_js(plugin_script())
