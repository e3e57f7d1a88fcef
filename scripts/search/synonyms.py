"""The reviewed list of colloquial words and the statutory words they stand for.

`scripts/data/search-synonyms.yml` maps what trainees type (上访, 闹访 …) to the
words the 条例 and the course use (信访, 走访, 缠访闹访 …). Each entry carries a
one-line reason, so a reviewer can check it against the law text. A search for
the colloquial word also looks for the statutory words (weighted a little lower
than a word that was typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SYNONYMS_FILE = ROOT / "scripts" / "data" / "search-synonyms.yml"


@dataclass(frozen=True)
class Synonym:
    word: str
    to: tuple[str, ...]
    why: str
    line: int


class SynonymError(ValueError):
    """The synonym file is malformed; the message reads `path:line: problem`."""


def _line_numbers(text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.startswith((" ", "#", "-")) and ":" in line:
            lines.setdefault(line.split(":", 1)[0].strip().strip("\"'"), number)
    return lines


def load_synonyms(path: Path = SYNONYMS_FILE) -> list[Synonym]:
    """Every entry of the file; raise SynonymError naming the line of the first problem."""
    rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SynonymError(f"{rel}:{mark.line + 1 if mark else 1}: 不是有效的 YAML：{problem}") from None
    if not isinstance(data, dict):
        raise SynonymError(f"{rel}:1: 应为“口语词: {{to: [条文用语], why: 理由}}”的映射")
    lines = _line_numbers(text)
    out = []
    for word, entry in data.items():
        line = lines.get(str(word), 1)
        if not isinstance(entry, dict) or set(entry) != {"to", "why"}:
            raise SynonymError(f"{rel}:{line}: “{word}”应写成 {{to: [条文用语…], why: 一句理由}}")
        to, why = entry["to"], entry["why"]
        if not isinstance(to, list) or not to or not all(isinstance(t, str) and t.strip() for t in to):
            raise SynonymError(f"{rel}:{line}: “{word}”的 to 应是非空的词语列表")
        if not isinstance(why, str) or not why.strip():
            raise SynonymError(f"{rel}:{line}: “{word}”缺少一句理由（why）")
        if word in to:
            raise SynonymError(f"{rel}:{line}: “{word}”不应映射到它自己")
        out.append(Synonym(str(word), tuple(t.strip() for t in to), why.strip(), line))
    return out
