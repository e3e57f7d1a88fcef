"""Law lock: the published law texts have not changed since they were checked against the
official reference.

`scripts/data/law-digests.json` holds a SHA-256 digest of every chapter heading and every
paragraph of both texts, made once from the reference JSON in `../shared/reference` with
`python -m scripts law-digests`. The check needs no `../shared`: it compares the pages
`docs/law/index.md` and `docs/law/tiaoli-2005.md` against the digests and names the article
and the line of any paragraph that differs, is missing or was added. The test
`tests/test_law_text.py` proves the digests equal to the reference wherever `../shared` is
present.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from scripts.findings import Finding
from scripts.law import LAW_PAGES, LawFormatError, parse_law

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = ROOT / "scripts" / "data" / "law-digests.json"
#: The reference file each law page was checked against, by key.
REFERENCE_FILES = {"2022": "xinfang-gongzuo-tiaoli-2022.json", "2005": "xinfang-tiaoli-2005.json"}


def digest(text: str) -> str:
    """SHA-256 of a paragraph or heading, hex, first 16 characters (enough to tell a change)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def digests_from_reference(reference: dict) -> dict:
    """The digests of one reference JSON (`chapters`, `articles` with `paragraphs`)."""
    return {
        "chapters": {str(c["number"]): digest(f"{c['label']}　{c['title']}") for c in reference["chapters"]},
        "articles": {
            str(a["number"]): {"label": a["label"], "paragraphs": [digest(p) for p in a["paragraphs"]]}
            for a in reference["articles"]
        },
    }


def check(root: Path) -> list[Finding]:
    """Compare both law pages under `root/docs` with the digests."""
    data = json.loads(DIGESTS.read_text(encoding="utf-8"))
    findings: list[Finding] = []
    for key, page in LAW_PAGES.items():
        shown = f"docs/{page}"
        try:
            path = root / "docs" / page
            law = parse_law(path.read_text(encoding="utf-8"), key, path)
        except LawFormatError as exc:
            m = re.search(r":(\d+): (.*)$", str(exc))
            findings.append(Finding(shown, int(m.group(1)) if m else 1, m.group(2) if m else str(exc)))
            continue
        findings += compare(law, data[key], shown)
    return findings


def compare(law, expected: dict, shown: str) -> list[Finding]:
    """Findings for every chapter heading and paragraph of `law` that differs from `expected`."""
    findings: list[Finding] = []
    for chapter in law.chapters:
        want = expected["chapters"].get(str(chapter.number))
        if want is None:
            findings.append(Finding(shown, chapter.line, f"{chapter.label}不在官方文本中：条例全文不得增删章节"))
        elif digest(f"{chapter.label}　{chapter.title}") != want:
            findings.append(Finding(shown, chapter.line, f"{chapter.label}的标题“{chapter.title}”与官方文本不一致：请恢复原文"))
    for number, article in law.articles.items():
        want = expected["articles"].get(str(number))
        if want is None:
            findings.append(Finding(shown, article.line, f"{article.label}不在官方文本中（官方文本共{len(expected['articles'])}条）"))
            continue
        paragraphs = want["paragraphs"]
        for i, (para, line) in enumerate(zip(article.paragraphs, article.paragraph_lines)):
            if i >= len(paragraphs):
                findings.append(Finding(shown, line, f"{article.label}多出一段（官方文本只有{len(paragraphs)}段）：请删去“{para[:20]}……”"))
            elif digest(para) != paragraphs[i]:
                findings.append(Finding(shown, line, f"{article.label}第{i + 1}段与官方文本不一致：条例全文必须逐字照录，请恢复原文"))
        if len(article.paragraphs) < len(paragraphs):
            findings.append(Finding(shown, article.line, f"{article.label}少了{len(paragraphs) - len(article.paragraphs)}段（官方文本有{len(paragraphs)}段）"))
    for number in sorted(set(expected["articles"]) - {str(n) for n in law.articles}, key=int):
        findings.append(Finding(shown, 1, f"缺少{expected['articles'][number]['label']}"))
    return findings


def write_digests(reference_dir: Path, out: Path = DIGESTS) -> None:
    """Make the digests file from the reference JSON files in `reference_dir`."""
    data = {}
    for key, name in REFERENCE_FILES.items():
        data[key] = {"source": name, **digests_from_reference(json.loads((reference_dir / name).read_text(encoding="utf-8")))}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    tmp = out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts law-digests [--reference DIR]`: remake scripts/data/law-digests.json."""
    parser = argparse.ArgumentParser(prog="python -m scripts law-digests", description="由官方文本（../shared/reference）生成条例全文的逐段摘要，供 make check 锁定全文")
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference", help="官方文本 JSON 所在目录")
    args = parser.parse_args(argv)
    missing = [name for name in REFERENCE_FILES.values() if not (args.reference / name).is_file()]
    if missing:
        print(f"{args.reference}: 找不到官方文本 {'、'.join(missing)}：请用 --reference 指定 reference 目录", file=sys.stderr)
        return 2
    write_digests(args.reference)
    print(f"已写入 {DIGESTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


try:  # register with `python -m scripts check` (the runner imports this module)
    from scripts.checks.runner import register_docs_check
except ImportError:  # pragma: no cover
    pass
else:
    register_docs_check("law-lock", check)
