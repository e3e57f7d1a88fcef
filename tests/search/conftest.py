"""Run the search worker's functions (docs/assets/javascripts/course-search.js) in Node."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORKER = ROOT / "docs" / "assets" / "javascripts" / "course-search.js"
_RUNNER = """
const worker = require(process.argv[1])
let input = ""
process.stdin.on("data", chunk => input += chunk)
process.stdin.on("end", () => {
  const {index, calls} = JSON.parse(input)
  const ix = index ? worker.prepare(index) : null
  const out = calls.map(([fn, arg]) => {
    if (fn === "cut") return worker.cut(arg, ix.dict, ix.logTotal, ix.maxLen)
    if (fn === "words") return worker.queryWords(arg, ix)
    if (fn === "label") return worker.articleLabel(arg)
    if (fn === "search") return worker.search(ix, arg).items.map(list => list.map(it => [it.location, it.text]))
    throw new Error("unknown " + fn)
  })
  process.stdout.write(JSON.stringify(out))
})
"""


def run_worker(calls: list[tuple[str, str]], index: dict | None = None) -> list:
    """Call worker functions in Node: ("cut", text), ("words", query), ("label", query), ("search", query)."""
    if not Path("/usr/bin/node").exists():
        pytest.fail("缺少 /usr/bin/node：请运行 make setup", pytrace=False)
    proc = subprocess.run(["node", "-e", _RUNNER, str(WORKER)], input=json.dumps({"index": index, "calls": calls}),
                          capture_output=True, text=True, timeout=120)
    if proc.returncode:
        pytest.fail(f"node 运行搜索 worker 失败：{proc.stderr}", pytrace=False)
    return json.loads(proc.stdout)


@pytest.fixture(scope="session")
def course_index(site_dir) -> dict:
    """The search index of the strict build (search/course-index.json)."""
    return json.loads((site_dir / "search" / "course-index.json").read_text(encoding="utf-8"))


@pytest.fixture
def worker():
    return run_worker
