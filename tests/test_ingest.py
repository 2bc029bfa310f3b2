"""Reading documents: encodings, file types, refusals and boilerplate removal."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest

from retrieval import corpus
from retrieval.boilerplate import clutter_rule, is_boilerplate, strip_boilerplate
from retrieval.ingest import DocumentError, read_lines

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_c0d82546797d9c92.txt"
needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seed is not beside the checkout"
)
CORPUS_FILE = ROOT / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
TEXT = "一、总体要求\r\n\u3000\u3000要守得住清廉。领导干部能不能经受住考验。\r\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be"],
)
def test_encodings_decode_to_the_same_clean_lines(data: bytes) -> None:
    lines = read_lines("doc.txt", data)
    assert [line for line in lines if line] == [
        "一、总体要求",
        "要守得住清廉。领导干部能不能经受住考验。",
    ]


def test_big5_traditional_text_is_not_read_as_gbk() -> None:
    text = "一、總體要求\n要守得住清廉。領導幹部能不能經受住考驗，家屬的行為處事也有直接影響。\n"
    assert read_lines("big5.txt", text.encode("big5")) == [*text.splitlines(), ""]


def test_full_width_spaces_inside_a_line_become_one_space() -> None:
    assert read_lines("a.md", "甲\u3000\u3000乙\u00a0丙".encode()) == ["甲 乙 丙"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "空"),
        ("blank.txt", b"  \n\r\n ", "空"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "二进制"),
        ("broken-utf16.txt", b"\xff\xfe\x00\xd8", "编码损坏"),  # BOM, then a lone surrogate
        ("unknown.txt", b"\xff\xff\xfe\xff" * 8, "无法识别文件编码"),
        ("notes.wps", b"\xd0\xcf\x11\xe0" + bytes(100), "请用 WPS 打开后另存为 .docx"),
        ("broken.pdf", b"%PDF-1.4", "PDF"),
        ("broken.html", b"<html><body><script>x()</script></body></html>", "没有找到正文"),
        ("noext", b"text", "不支持"),
        ("ads.txt", "仅供学习 禁止外传\n酷乐文行\n".encode(), "没有正文"),
        ("bad.docx", b"PK\x03\x04 not really a zip", "docx"),
    ],
)
def test_refusals_name_the_file_and_the_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_lines(name, data)
    assert caught.value.name == name
    assert str(caught.value).startswith(name)
    assert reason in str(caught.value)


def test_files_are_read_once_each_and_every_failure_is_named(tmp_path: Path) -> None:
    """The one reading loop (reloads and doctor): parsed, unchanged, refused, vanished,
    unreadable and unparsable files, each with its reason."""
    (tmp_path / "a.txt").write_text("标题\n要守得住清廉。领导干部要经受住考验。\n", "utf-8")
    (tmp_path / "same.txt").write_text("标题\n要提醒好配偶。配偶要当好廉内助。\n", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "locked.txt").write_text("标题\n正文。\n", "utf-8")
    files = corpus.scan(tmp_path)
    (tmp_path / "gone.txt").write_text("x", "utf-8")
    files.append(corpus.CorpusFile("gone.txt", tmp_path / "gone.txt", 1, 0))
    (tmp_path / "gone.txt").unlink()  # removed after the scan
    (tmp_path / "locked.txt").chmod(0)
    same = next(r.info for r in corpus.read_files(f for f in files if f.doc == "same.txt"))
    assert same is not None
    try:
        reads = {r.file.doc: r for r in corpus.read_files(files, {"same.txt": same})}
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    outcomes = {doc: r.outcome for doc, r in reads.items()}
    assert outcomes == {
        "a.txt": corpus.Outcome.PARSED,
        "same.txt": corpus.Outcome.UNCHANGED,
        "empty.txt": corpus.Outcome.UNPARSABLE,
        "old.doc": corpus.Outcome.REFUSED,
        "gone.txt": corpus.Outcome.UNREADABLE,
        "locked.txt": corpus.Outcome.UNREADABLE if os.geteuid() else corpus.Outcome.PARSED,
    }
    assert reads["a.txt"].document is not None and reads["same.txt"].document is None
    assert "空" in reads["empty.txt"].reason and ".doc" in reads["old.doc"].reason
    assert "删除或移走" in reads["gone.txt"].reason
    if os.geteuid():  # root reads any file
        assert "无法读取" in reads["locked.txt"].reason


def test_docx_paragraphs_and_headings() -> None:
    document = docx.Document()
    document.add_heading("关于加强家风建设的讲话", level=0)
    document.add_heading("一、总体要求", level=1)
    document.add_paragraph("要守得住清廉。")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [line for line in read_lines("speech.docx", buffer.getvalue()) if line]
    assert lines == ["# 关于加强家风建设的讲话", "## 一、总体要求", "要守得住清廉。"]


def test_docx_tables_become_one_line_per_row_in_document_order() -> None:
    document = docx.Document()
    document.add_paragraph("学习安排如下。")
    table = document.add_table(rows=3, cols=3)
    for row, texts in zip(
        table.rows, [("时间", "内容", "负责人"), ("周一", "学习党章", "张三")], strict=False
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "全体党员参加"
    document.add_paragraph("请按时参加。")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [line for line in read_lines("plan.docx", buffer.getvalue()) if line]
    assert lines == [
        "学习安排如下。",
        "时间 | 内容 | 负责人",
        "周一 | 学习党章 | 张三",
        "全体党员参加",
        "请按时参加。",
    ]


@needs_seed
def test_seed_is_cleaned_to_the_bundled_corpus_file() -> None:
    lines = [line for line in read_lines(SEED.name, SEED.read_bytes()) if line]
    assert lines == CORPUS_FILE.read_text(encoding="utf-8").splitlines()


@needs_seed
def test_bundled_corpus_has_no_platform_lines() -> None:
    text = CORPUS_FILE.read_text(encoding="utf-8")
    for fragment in (
        "仅供学习",
        "禁止外传",
        "酷乐文行",
        "自建平台",
        "订阅",
        "倒卖",
        "会员",
        "QQ",
        "咨询",
    ):
        assert fragment not in text
    lines = text.splitlines()
    assert lines[0] == "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话"
    for heading in (
        "一、以赤诚之心对待组织",
        "二、以责任之心对待工作",
        "三、以敬畏之心对待权力",
        "四、以警惕之心对待诱惑",
    ):
        assert heading in lines
    # every paragraph of the seed that is not advertising is kept verbatim
    seed_lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = [ln for ln in strip_boilerplate(seed_lines) if ln]
    assert body == lines
    assert len(lines) == 30


@pytest.mark.parametrize(
    "line",
    [
        "会员群：      免费QQ群：",
        "酷乐文行整理，咨询QQ206157060",
        "仅供学习 禁止外传",
        "QQ群：12345678",
        "开通会员即可免费下载全站资料，订阅请点击这里",
        "扫码关注，获取更多党课材料",
    ],
)
def test_boilerplate_patterns(line: str) -> None:
    assert is_boilerplate(line)


def test_an_html_comment_of_a_markdown_file_is_clutter_not_text() -> None:
    assert clutter_rule("<!-- INFO END -->") == "新闻附注：网页注释"
    assert clutter_rule("第一条 为了规范公司的组织和行为，制定本法。<!-- 注 -->") is None
    assert clutter_rule("<!-- a --> 第一条 为了规范公司的组织和行为，制定本法。 <!-- b -->") is None


def test_a_sites_footer_is_clutter_but_a_sentence_naming_copyright_is_not() -> None:
    assert (
        clutter_rule("浙公网安备 33060202000394号 ICP证：浙ICP备14042003号-1") == "新闻附注：页脚"
    )
    assert clutter_rule("绍兴市第一中学 版权所有 Copyright © SXYZ.NET") == "新闻附注：页脚"
    assert clutter_rule("未经许可不得转载，版权所有。") is None  # a sentence of the text


def test_a_headline_keeps_its_text_when_its_date_and_source_follow_on_its_line() -> None:
    lines = [
        "龚正市长在上海市第十五届人民代表大会第五次会议的政府工作报告(2021年)"
        " 2021-02-01 来源:解放日报",
        "现在,我代表上海市人民政府,向大会报告工作,请予审议。",
        "编辑 张三 来源:新华社",
    ]
    kept = strip_boilerplate(lines)
    assert kept[0] == "龚正市长在上海市第十五届人民代表大会第五次会议的政府工作报告(2021年)"
    # counter-example: a credit line alone is clutter, as before
    assert kept == kept[:2]


def test_advert_words_are_dropped_only_in_a_signed_advert_block() -> None:
    adverts = [
        "仅供学习 禁止外传",
        "【打击倒卖活动】",
        "现在订阅立享前3年的所有权益",
        "会员群：  QQ群：",
    ]
    notice = [
        "关于做好党报党刊订阅工作的通知",
        "一、做好党报党刊订阅工作",
        "各单位要在十一月底前完成明年党报党刊订阅任务。",
        "二、加强工会会员管理",
        "会员名册每年更新一次。",
    ]
    tail = ["会员群：  QQ群：", "【打击倒卖活动】", "酷乐文行整理，咨询QQ206157060"]
    assert strip_boilerplate(adverts + notice + tail) == notice
    assert strip_boilerplate(notice) == notice  # no platform signed it: nothing is an advert


def test_long_paragraphs_mentioning_platform_words_are_kept() -> None:
    paragraph = "同志们要积极订阅党报党刊，" * 10
    assert not is_boilerplate(paragraph)


def test_a_static_sites_yaml_header_is_not_the_document() -> None:
    from retrieval.boilerplate import clean

    lines = ["---", "layout: default", "title: Hello", "---", "", "## 中国共产党章程", "总纲"]
    cleaned = clean(lines)
    assert [ln for ln in cleaned.lines if ln] == ["## 中国共产党章程", "总纲"]
    assert {r.rule for r in cleaned.removed} == {"网页元数据：YAML 头"}
    # or under a title line a copy of the page was given above it
    titled = ["习近平2020年新年贺词", "---", "layout: post", 'title: "习近平2020年新年贺词"']
    titled += ["date: 2020-01-17", "---", "", "2019年，我们用汗水浇灌收获。"]
    assert [ln for ln in clean(titled).lines if ln] == [titled[0], titled[-1]]
    # only at the top of a file, under one title line at most: further down, it is text
    text = ["第一段正文。", "---", "layout: default", "---", "第二段正文。"]
    assert "layout: default" in clean(text).lines
    assert "layout: post" in clean(["前言", *titled]).lines


def test_question_and_answer_lines_under_a_title_are_text_not_a_header() -> None:
    from retrieval.boilerplate import clean

    lines = ["# 公路法问答", "---", "Q: 公路分几级?", "A: 分为国道、省道、县道和乡道。", "---"]
    assert {"Q: 公路分几级?", "A: 分为国道、省道、县道和乡道。"} <= set(clean(lines).lines)
