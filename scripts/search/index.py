"""The course's search index: teaching text, the segmentation dictionary, synonyms.

Written at build time by scripts/hooks/search.py and read by the search worker
(docs/assets/javascripts/course-search.js):

    {"config": {lang, separator, pipeline, fields,        <- what Material's page script reads
                "course": {"dict": "word freq\\n…", "total": N, "stop": [...],
                           "synonyms": {word: [statutory words]}, "law": "law/"}},
     "docs": [{"location", "title", "text", "boost"}, …]}

The dictionary is jieba's (its main dictionary plus scripts/data/jieba-userdict.txt,
the one Material's search plugin loads), cut down to the words that occur in the
indexed text or in the query-side lists (stop words, synonyms), with their
frequencies: the worker segments a query with jieba's own algorithm over it, so a
query is cut the way jieba cuts the same words in the text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from scripts.build_cache import remember
from scripts.search.sections import split_sections
from scripts.search.synonyms import Synonym

#: Question and filler words a query may contain that never decide which page answers it.
STOPWORDS = [
    "怎么办", "怎么", "怎样", "什么", "哪些", "哪个", "哪里", "如何", "多少", "几个", "最多", "吗", "呢", "吧", "啊",
    "的", "了", "是", "有", "要", "会", "能", "能不能", "可以", "可不可以", "是否", "应该", "该", "谁", "找", "找谁",
    "请问", "一下", "关于", "和", "与", "或", "及", "被", "把", "对", "给", "由", "在", "为", "就", "都", "也", "还",
]
#: Pages of the maintainer's section rank far below course pages (multiplier of their score).
MAINTAINER_PRIOR = 0.2
#: Sections written for maintainers and instructors (维护手册, 教员的教学设计): found, but after the course.
LOW_PRIOR_FOLDERS = ("maintainer/", "teaching/")
#: A practice question restates what an article or module teaches: it ranks below them.
QUESTION_PRIOR = 0.25
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_QUESTION_PAGE = re.compile(r"^practice/bank/[^/]+\.md$")
_KEY_PAGE = re.compile(r"^practice/exams/paper-[a-z]-key\.md$")


def page_prior(src_path: str, meta: dict) -> float:
    """Score multiplier of a page's entries: its front matter `search: boost:`, lowered for maintainer and instructor pages."""
    search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
    boost = search.get("boost", 1)
    prior = float(boost) if isinstance(boost, (int, float)) and not isinstance(boost, bool) else 1.0
    if src_path.startswith(LOW_PRIOR_FOLDERS):
        prior *= MAINTAINER_PRIOR
    return prior


@remember  # an unchanged page is not parsed again (scripts.build_cache)
def page_entries(html: str, src_path: str, url: str, title: str, meta: dict) -> list[dict]:
    """The search entries of one rendered page (see scripts.search.sections)."""
    search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
    if search.get("exclude"):
        return []
    prior = page_prior(src_path, meta)
    out = []
    for section in split_sections(html, title, questions=bool(_QUESTION_PAGE.match(src_path)),
                                  skip_tables=bool(_KEY_PAGE.match(src_path))):
        entry = {"location": url + (f"#{section.anchor}" if section.anchor else ""), "title": section.title,
                 "text": section.text}
        boost = prior * (QUESTION_PRIOR if section.anchor.startswith("q-") else 1)
        if boost != 1:
            entry["boost"] = round(boost, 3)
        out.append(entry)
    return out


def dictionary(freq: dict[str, int], texts: Iterable[str], extra_words: Iterable[str], max_len: int = 16) -> dict[str, int]:
    """Words of `freq` (jieba's FREQ: word -> count, 0 for mere prefixes) that occur in `texts`
    or are among `extra_words`, with their counts."""
    out: dict[str, int] = {}
    for text in texts:
        for run in _HAN_RUN.findall(text):
            n = len(run)
            for i in range(n):
                for j in range(i + 1, min(n, i + max_len) + 1):
                    word = run[i:j]
                    count = freq.get(word)
                    if count is None:
                        break  # no longer word starts with this prefix
                    if count:
                        out[word] = count
    for word in extra_words:
        for run in _HAN_RUN.findall(word):
            for i in range(len(run)):
                for j in range(i + 1, len(run) + 1):
                    if freq.get(run[i:j]):
                        out[run[i:j]] = freq[run[i:j]]
    return out


_jieba_lock = threading.Lock()


def jieba_dictionary() -> tuple[dict[str, int], int]:
    """jieba's FREQ and total after the course's user dictionary is loaded (as Material's plugin loads it);
    loaded once per process."""
    global _loaded
    with _jieba_lock:
        if _loaded is None:
            import jieba

            from scripts.search.synonyms import ROOT

            jieba.initialize()
            jieba.load_userdict(str(ROOT / "scripts" / "data" / "jieba-userdict.txt"))
            _loaded = (jieba.dt.FREQ, jieba.dt.total)
        return _loaded


_loaded: tuple[dict[str, int], int] | None = None


def load_dictionary_in_background() -> None:
    """Under `mkdocs serve`: load jieba's dictionary (about a second) in a daemon thread, once per
    process, so the rebuild after an edit does not wait for it."""
    global _loading
    if _loading is None:
        _loading = threading.Thread(target=jieba_dictionary, name="jieba-dictionary", daemon=True)
        _loading.start()


_loading: threading.Thread | None = None


# Each kept (scripts.build_cache): jieba's dictionary is read only for a text not seen before,
# and an edit recomputes only the entries it changed.
@remember
def text_words(text: str) -> dict[str, int]:
    """The words of jieba's dictionary that `text` uses, with their counts."""
    return dictionary(jieba_dictionary()[0], [text], [])


@remember
def listed_words(words: list[str]) -> dict[str, int]:
    """The words of jieba's dictionary inside the query-side lists (stop words, synonyms), with their counts."""
    return dictionary(jieba_dictionary()[0], [], words)


@remember
def jieba_total() -> int:
    return jieba_dictionary()[1]


def course_words(texts: list[str], extra_words: list[str]) -> tuple[dict[str, int], int]:
    """The words of jieba's dictionary that `texts` and `extra_words` use, with their counts; jieba's total."""
    words: dict[str, int] = {}
    for text in texts:
        words.update(text_words(text))
    words.update(listed_words(extra_words))
    return words, jieba_total()


def build_index(docs: list[dict], search_config: dict, synonyms: list[Synonym], law_url: str) -> dict:
    """The whole index (see the module docstring)."""
    extra = STOPWORDS + [s.word for s in synonyms] + [t for s in synonyms for t in s.to]
    words, total = course_words([d["title"] + "\n" + d["text"] for d in docs], extra)
    course = {
        "dict": "\n".join(f"{w} {c}" for w, c in sorted(words.items())),
        "total": total,
        "stop": STOPWORDS,
        "synonyms": {s.word: list(s.to) for s in synonyms},
        "law": law_url,
    }
    return {"config": {**search_config, "course": course}, "docs": docs}
