"""The guard of every change the course makes to a third-party file (quiz.js, mkdocs-quiz's
plugin.py, mkdocstrings' Markdown extension, Material's page script): each text a change relies on must occur in the
installed file the expected number of times, or the build stops and names it, so an upgrade
is looked at rather than silently mis-patched.
"""

from __future__ import annotations


def mismatch(source: str, texts: list[tuple[str, int]], what: str, guide: str) -> str | None:
    """None when each (text, count) of `texts` occurs `count` times in `source`; else the message for
    the first that does not: `what` names the file (“mkdocs-quiz 的 quiz.js”), `guide` the course module
    that explains the change."""
    for text, count in texts:
        found = source.count(text)
        if found != count:
            return (f"{what}中应有 {count} 处“{text.strip()[:60]}”，实际 {found} 处："
                    f"版本变了，请按 {guide} 的说明重新核对后再发布")
    return None
