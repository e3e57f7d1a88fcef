"""The project's copy of the 条例 is the official text, verbatim, paragraph by paragraph."""

from __future__ import annotations

import json

import pytest

from scripts.law import article_label, cn_to_int, int_to_cn, load_law, parse_law, LawFormatError
from tests.conftest import ROOT


@pytest.mark.shared
@pytest.mark.parametrize(("key", "reference"), [("2022", "xinfang-gongzuo-tiaoli-2022.json"), ("2005", "xinfang-tiaoli-2005.json")])
def test_law_copy_matches_reference_paragraph_by_paragraph(shared_reference, key, reference):
    ref = json.loads((shared_reference / reference).read_text(encoding="utf-8"))
    law = load_law(key, ROOT / "docs")
    assert len(law.articles) == ref["article_count"]
    assert [(c.number, c.label, c.title, c.articles) for c in law.chapters] == [
        (c["number"], c["label"], c["title"], c["articles"]) for c in ref["chapters"]
    ]
    for art in ref["articles"]:
        ours = law.article(art["number"])
        assert ours is not None, f"缺少{art['label']}"
        assert ours.label == art["label"]
        assert ours.chapter == art["chapter"]
        assert ours.paragraphs == art["paragraphs"], f"{art['label']}与官方文本不一致"


def test_full_text_has_fifty_article_anchors_and_six_chapters():
    text = (ROOT / "docs/law/index.md").read_text(encoding="utf-8")
    for n in range(1, 51):
        assert text.count(f"{{#art-{n}}}") == 1, f"#art-{n}"
    law = load_law("2022", ROOT / "docs")
    assert [c.title for c in law.chapters] == ["总则", "信访工作体制", "信访事项的提出和受理", "信访事项的办理", "监督和追责", "附则"]


def test_full_text_states_publication_facts():
    text = (ROOT / "docs/law/index.md").read_text(encoding="utf-8")
    for fact in ("2022年1月24日中共中央政治局会议审议批准", "2022年2月25日中共中央、国务院发布", "自2022年5月1日起施行", "由国家信访局负责解释"):
        assert fact in text


@pytest.mark.parametrize(("number", "label"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (34, "三十四"), (50, "五十"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numerals_round_trip(number, label):
    assert int_to_cn(number) == label
    assert cn_to_int(label) == number
    assert article_label(number) == f"第{label}条"


def test_law_page_with_mislabelled_anchor_is_rejected_with_line():
    text = "## 第一章　总则 {#chapter-1}\n\n### 第一条 {#art-1}\n\n甲\n\n### 第三条 {#art-2}\n\n乙\n"
    with pytest.raises(LawFormatError, match=r"law\.md:7: 条标题“第三条”与锚点 art-2 不一致"):
        parse_law(text, "2022", "law.md")


def test_law_page_with_article_out_of_order_is_rejected():
    text = "## 第一章　总则 {#chapter-1}\n\n### 第二条 {#art-2}\n\n甲\n"
    with pytest.raises(LawFormatError, match="应为第一条"):
        parse_law(text, "2022", "law.md")


def test_clauses_and_items_are_counted_one_way_for_both_texts():
    law = load_law("2022", ROOT / "docs")
    assert [len(c.items) for c in law.article(22).clauses] == [3, 0]
    assert [len(c.items) for c in law.article(31).clauses] == [6]
    assert len(law.article(23).clauses) == 4
    old = load_law("2005", ROOT / "docs")
    # 原第二十一条: a paragraph between （三） and （四） continues （三）; 第二款 refers to 前款第(二)项至第(四)项.
    assert [len(c.items) for c in old.article(21).clauses] == [4, 0]
    assert [len(c.items) for c in old.article(6).clauses] == [0, 6]
    assert law.article(31).locate(None, 6) is None
    assert law.article(31).locate(None, 7) == "第三十一条只有6项"
    assert law.article(22).locate(2, 1) == "第二十二条第二款不分项"


@pytest.mark.shared
def test_law_digests_are_the_reference(shared_reference, tmp_path):
    """The digests `make check` locks the law pages with were made from the reference."""
    from scripts.checks import law_lock

    out = tmp_path / "digests.json"
    law_lock.write_digests(shared_reference, out)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(law_lock.DIGESTS.read_text(encoding="utf-8"))


def test_law_lock_names_the_article_and_line_of_any_change(tmp_path):
    import shutil

    from scripts.checks import law_lock

    (tmp_path / "docs/law").mkdir(parents=True)
    for name in ("index.md", "tiaoli-2005.md"):
        shutil.copy(ROOT / "docs/law" / name, tmp_path / "docs/law" / name)
    assert law_lock.check(tmp_path) == []
    page = tmp_path / "docs/law/index.md"
    text = page.read_text(encoding="utf-8")
    line = text.splitlines().index("本条例自2022年5月1日起施行。") + 1
    text = text.replace("本条例自2022年5月1日起施行。", "本条例自2022年6月1日起施行。")
    text = text.replace("## 第二章　信访工作体制 {#chapter-2}", "## 第二章　信访体制 {#chapter-2}")
    page.write_text(text, encoding="utf-8")
    old = tmp_path / "docs/law/tiaoli-2005.md"
    old_text = old.read_text(encoding="utf-8")
    old.write_text(old_text.replace("### 第五十一条 {#art-51}\n", "### 第五十一条 {#art-51}\n\n补充的一段。\n", 1), encoding="utf-8")
    found = [str(f) for f in law_lock.check(tmp_path)]
    assert f"docs/law/index.md:{line}: 第五十条第1段与官方文本不一致：条例全文必须逐字照录，请恢复原文" in found
    assert any(f.startswith("docs/law/index.md:") and "第二章的标题“信访体制”与官方文本不一致" in f for f in found)
    assert any(f.startswith("docs/law/tiaoli-2005.md:") and "第五十一条" in f for f in found)


@pytest.mark.parametrize(("page", "law_text"), [("law/index.html", True), ("law/tiaoli-2005/index.html", True),
                                                ("modules/banli/index.html", False)])
def test_law_texts_section_links_are_labelled_without_a_tooltip(site_dir, page, law_text):
    """Material gives every titled element a tooltip; the law texts' ¶ links have a label instead."""
    html = (site_dir / page).read_text(encoding="utf-8")
    labelled = html.count('class="headerlink" href="#art-') if law_text else 1
    assert html.count('aria-label="本节链接"') >= (labelled if law_text else 0)
    assert ('title="本节链接"' in html) != law_text, page
