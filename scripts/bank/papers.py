"""The fixed mock exam papers (模拟试卷 A/B/C), picked from the bank at build time.

A paper has `PAPER_SIZE` questions. Its mix of types is fixed (`TYPE_SHARES`:
单选20、多选10、判断10、填空10 when the bank has enough of each) and each module
gets a share proportional to its number of questions (at least one). Within
those quotas questions are taken in the order of a hash of (paper letter,
question id): the selection depends on nothing else, so two builds of the same
bank give the same papers, and adding, editing or removing a question changes a
paper only where that question (or a quota) is involved. Later papers prefer
questions earlier papers did not use, so A, B and C overlap as little as the
bank allows.

Questions are listed by type (单选、多选、判断、填空), then by module in course
order, then by id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from scripts.bank.model import FILL, MULTIPLE, SINGLE, TRUE_FALSE, TYPE_NAMES, Bank, Question

PAPERS = ("A", "B", "C")
PAPER_SIZE = 50
#: points per question: 50 questions x 2 = 100.
POINTS = 2
PASS_MARK = 60
TYPE_SHARES = {SINGLE: 20, MULTIPLE: 10, TRUE_FALSE: 10, FILL: 10}
TYPE_ORDER = (SINGLE, MULTIPLE, TRUE_FALSE, FILL)


@dataclass
class Paper:
    letter: str
    questions: list[Question]

    @property
    def title(self) -> str:
        return f"模拟试卷{self.letter}"

    @property
    def slug(self) -> str:
        return f"paper-{self.letter.lower()}"

    def sections(self) -> list[tuple[str, list[tuple[int, Question]]]]:
        """[(type, [(number, question) …]) …] in paper order, numbered from 1."""
        out: list[tuple[str, list[tuple[int, Question]]]] = []
        number = 0
        for qtype in TYPE_ORDER:
            items = []
            for q in self.questions:
                if q.type == qtype:
                    number += 1
                    items.append((number, q))
            if items:
                out.append((qtype, items))
        return out


def rank(letter: str, qid: str) -> str:
    return hashlib.sha256(f"{letter}:{qid}".encode()).hexdigest()


def _natural(qid: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", qid)]


def _largest_remainder(weights: dict[str, float], total: int, caps: dict[str, int] | None = None) -> dict[str, int]:
    """Split `total` in proportion to `weights` (integers, largest remainder), not above `caps`."""
    caps = caps or {k: total for k in weights}
    quota = {k: 0 for k in weights}
    remaining = total
    active = {k for k, w in weights.items() if w > 0 and caps[k] > 0}
    while remaining > 0 and active:
        weight_sum = sum(weights[k] for k in active)
        exact = {k: remaining * weights[k] / weight_sum for k in active}
        add = {k: min(int(exact[k]), caps[k] - quota[k]) for k in active}
        left = remaining - sum(add.values())
        for k in sorted(active, key=lambda k: (-(exact[k] - int(exact[k])), k)):
            if left <= 0:
                break
            if quota[k] + add[k] < caps[k]:
                add[k] += 1
                left -= 1
        if sum(add.values()) == 0:
            break
        for k, v in add.items():
            quota[k] += v
        remaining = total - sum(quota.values())
        active = {k for k in active if quota[k] < caps[k]}
    return quota


def type_quotas(pool: list[Question], size: int = PAPER_SIZE) -> dict[str, int]:
    available = {t: sum(1 for q in pool if q.type == t) for t in TYPE_ORDER}
    return _largest_remainder({t: float(TYPE_SHARES[t]) for t in TYPE_ORDER}, min(size, len(pool)), available)


def module_quotas(pool: list[Question], modules: list[str], size: int = PAPER_SIZE) -> dict[str, int]:
    counts = {m: sum(1 for q in pool if q.module == m) for m in modules}
    present = [m for m in modules if counts[m]]
    size = min(size, len(pool))
    base = {m: 1 for m in present} if len(present) <= size else {}
    rest = _largest_remainder({m: float(counts[m]) for m in present}, size - sum(base.values()),
                              {m: counts[m] - base.get(m, 0) for m in present})
    return {m: base.get(m, 0) + rest.get(m, 0) for m in present}


def select_paper(bank: Bank, letter: str, used: set[str] | frozenset = frozenset(), size: int = PAPER_SIZE) -> Paper:
    """Pick paper `letter`; questions in `used` (earlier papers) are taken only when needed."""
    pool = list(bank.by_id().values())
    modules = bank.modules
    tq = type_quotas(pool, size)
    mq = module_quotas(pool, modules, size)
    ordered = sorted(pool, key=lambda q: (q.id in used, rank(letter, q.id)))
    chosen: list[Question] = []
    taken: set[str] = set()
    by_type = {t: 0 for t in TYPE_ORDER}
    by_module = {m: 0 for m in mq}
    target = min(size, len(pool))
    passes = (
        lambda q: by_type[q.type] < tq[q.type] and by_module[q.module] < mq[q.module],
        lambda q: by_type[q.type] < tq[q.type],
        lambda q: by_module[q.module] < mq[q.module],
        lambda q: True,
    )
    for fits in passes:
        for q in ordered:
            if len(chosen) >= target:
                break
            if q.id in taken or not fits(q):
                continue
            chosen.append(q)
            taken.add(q.id)
            by_type[q.type] += 1
            by_module[q.module] = by_module.get(q.module, 0) + 1
    module_pos = {m: i for i, m in enumerate(modules)}
    type_pos = {t: i for i, t in enumerate(TYPE_ORDER)}
    chosen.sort(key=lambda q: (type_pos[q.type], module_pos.get(q.module, len(modules)), _natural(q.id)))
    return Paper(letter, chosen)


def build_papers(bank: Bank, letters=PAPERS, size: int = PAPER_SIZE) -> dict[str, Paper]:
    """All papers, A first; each later paper avoids the questions of the earlier ones where it can."""
    used: set[str] = set()
    papers: dict[str, Paper] = {}
    for letter in letters:
        paper = select_paper(bank, letter, used, size)
        papers[letter] = paper
        used |= {q.id for q in paper.questions}
    return papers


def describe(paper: Paper) -> str:
    """One line: counts by type, e.g. `单选题20、多选题10、判断题10、填空题10`."""
    return "、".join(f"{TYPE_NAMES[t]}{len(items)}" for t, items in paper.sections())
