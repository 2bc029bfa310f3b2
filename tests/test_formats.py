"""PDFs, saved web pages and WeChat articles come back as a reader sees them: title, headings
and whole paragraphs, and nothing of the page's furniture."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from retrieval.corpus import read_document
from retrieval.formats.web import strip_web_clutter
from retrieval.ingest import DocumentError, read_lines
from tests.pdfmaker import Block, make_pdf, make_scanned_pdf
from tests.webpages import PARAGRAPHS, SITE, TITLE, gov_page, wechat_page

TITLE_PDF = "关于进一步加强理论学习的通知"
# 78 characters with the indent: three lines, the third short
FIRST = (
    "各级党组织要把学习贯彻党的创新理论作为首要政治任务，坚持读原著、学原文、悟原理，"
    "做到学思用贯通、知信行统一，切实把学习成果转化为推动工作的实际成效。"
)
OTHER = (
    "要坚持问题导向，聚焦群众急难愁盼问题，深入开展调查研究，建立问题清单和整改台账，"
    "以钉钉子精神抓好落实，推动各项工作取得新进展，确保各项任务落地见效。"
)
# placed so that it starts near the foot of page 1 and ends on page 2
ACROSS = (
    "各单位主要负责同志要切实履行第一责任人职责，亲自部署、亲自推动、亲自督办，"
    "把理论学习同解决实际问题结合起来，同推进改革发展稳定各项工作结合起来，"
    "形成一级抓一级、层层抓落实的工作格局。"
)
CLOSING = "请各单位结合实际认真抓好贯彻落实。"


def notice_blocks() -> list[Block]:
    return [
        Block(TITLE_PDF, "title"),
        Block("一、提高思想认识", "heading"),
        Block(FIRST),
        Block(OTHER),
        Block(OTHER.replace("新进展", "新成效")),
        Block("二、压实工作责任", "heading"),
        Block(OTHER.replace("调查研究", "走访调研")),
        Block(ACROSS),
        Block("三、加强督促检查", "heading"),
        Block(CLOSING),
        Block("抄送：市委各部门，市人大常委会办公室。", "heading"),
        Block("某某市委办公室 2024年3月15日印发", "heading"),
    ]


def test_a_pdf_comes_back_as_title_headings_and_whole_paragraphs() -> None:
    data = make_pdf(notice_blocks(), lines_per_page=16)
    lines = read_lines("notice.pdf", data)
    assert lines == [
        TITLE_PDF,
        "一、提高思想认识",
        FIRST,
        OTHER,
        OTHER.replace("新进展", "新成效"),
        "二、压实工作责任",
        OTHER.replace("调查研究", "走访调研"),
        ACROSS,  # wrapped over four lines and a page break, whole again
        "三、加强督促检查",
        CLOSING,
    ]  # no running header, no page numbers, no 抄送/印发 block


def test_the_sentence_over_the_page_break_is_one_passage_under_its_heading() -> None:
    blocks = notice_blocks()
    data = make_pdf(blocks, lines_per_page=16)
    # the test checks its own premise: the page break falls inside ACROSS
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) == 2 and ACROSS[:10] in pages[0] and "格局。" in pages[1]
    document = read_document("notice.pdf", data)
    assert document.title == TITLE_PDF
    passage = next(p for p in document.passages if "第一责任人" in p.text)
    assert passage.text == ACROSS and passage.section == ("二、压实工作责任",)


def test_the_masthead_of_a_red_header_document_is_not_its_title() -> None:
    masthead = [
        Block("中共某某市委员会文件", "title"),
        Block("某发〔2024〕3号", "title"),
    ]
    data = make_pdf(masthead + notice_blocks(), header=None)
    document = read_document("notice.pdf", data)
    assert document.title == TITLE_PDF
    assert not any("〔2024〕" in p.text or "委员会文件" in p.text for p in document.passages)


@pytest.mark.parametrize("page_number", ["- {n} -", "第 {n} 页", "{n}/9", "— {n} —"])
def test_page_numbers_and_running_headers_are_dropped(page_number: str) -> None:
    data = make_pdf(
        notice_blocks(), header="某某市委办公室文件", page_number=page_number, lines_per_page=6
    )
    text = "\n".join(read_lines("notice.pdf", data))
    assert "某某市委办公室文件" not in text
    assert ACROSS in text and FIRST in text
    assert not any(line.strip("-—第页/ 0123456789") == "" for line in text.splitlines())


def test_a_pdf_without_a_text_layer_is_refused_with_the_reason() -> None:
    with pytest.raises(DocumentError) as caught:
        read_lines("scan.pdf", make_scanned_pdf())
    assert "没有文字层" in str(caught.value) and "OCR" in str(caught.value)
    assert str(caught.value).startswith("scan.pdf")


def test_a_damaged_pdf_is_refused() -> None:
    data = make_pdf(notice_blocks())
    with pytest.raises(DocumentError, match="PDF"):
        read_lines("cut.pdf", data[: len(data) // 3])


@pytest.mark.parametrize("page", [gov_page, wechat_page], ids=["government site", "WeChat"])
def test_a_web_page_gives_its_article_only(page: object) -> None:
    html = page()  # type: ignore[operator]
    lines = read_lines("page.html", html.encode())
    assert lines == [TITLE, *PARAGRAPHS]
    document = read_document("page.html", html.encode())
    assert document.title == TITLE and SITE not in document.title
    assert [p.text for p in document.passages] == list(PARAGRAPHS)


def test_a_page_in_gbk_is_read() -> None:
    html = gov_page().replace('charset="utf-8"', 'charset="gbk"')
    assert read_lines("page.htm", html.encode("gbk"))[1:] == list(PARAGRAPHS)


def test_wechat_clutter_is_removed_but_content_that_resembles_it_stays() -> None:
    lines = [
        "点击上方蓝字，关注我们",
        "来源 | 某某日报",
        "作者：王五",
        "转发《关于开展专题学习的通知》",  # a document title, not a share prompt
        "会议要求，要在朋友圈、微信群等渠道加强正面宣传，及时回应群众关切，营造良好氛围。",
        "—END—",
        "分享、点赞、在看",
        "推荐阅读",
        "◆ 另一篇文章的标题",
    ]
    assert strip_web_clutter(lines) == [lines[3], lines[4]]


def test_a_codes_articles_past_a_thousand_each_start_a_paragraph_in_a_pdf() -> None:
    blocks = [
        Block("中华人民共和国民法典", "title"),
        Block(
            "第九百九十九条 为公共利益实施新闻报道、舆论监督等行为的，可以合理使用民事主体的姓名。",
            "heading",
        ),
        Block("第一千一百六十二条 执行遗赠不得妨碍清偿遗赠人依法应当缴纳的税款和债务。", "heading"),
        Block(
            "第一千一百六十三条 既有法定继承又有遗嘱继承、遗赠的，由法定继承人清偿债务。", "heading"
        ),
    ]
    lines = read_lines("minfadian.pdf", make_pdf(blocks, header=None, page_number=None))
    assert [line.split(" ")[0] for line in lines[1:]] == [
        "第九百九十九条",
        "第一千一百六十二条",
        "第一千一百六十三条",
    ]


LAW_MARKDOWN = "\n".join(
    [
        "# 直播电商监督管理办法  ",
        ">（2025年12月18日国家市场监督管理总局令第117号公布 自2026年2月1日起施行）  ",
        "&emsp;&emsp;  ",
        "## 第一章  总  则  ",
        '&emsp;&emsp;**<span id="一">第一条</span>**  为了加强直播电商监督管理，制定本办法。  ',
        '&emsp;&emsp;**<span id="二">第二条</span>**  在境内从事直播电商活动，适用本办法。  ',
        "&emsp;&emsp;本办法所称直播电商，是指通过互联网站以视频直播形式销售商品。  ",
        "> 首页 > 法规 > 正文",
        "学校的校训刻在<武汉大学>的石碑上，&lt;不是标签&gt;。",
    ]
)


def test_markdown_exports_markup_is_read_away() -> None:
    # a law in Markdown with HTML entities, inline tags and bold around its article numbers
    document = read_document("banfa.md", LAW_MARKDOWN.encode())
    assert document.title.startswith("直播电商监督管理办法")
    articles = {p.section[-1]: p.text for p in document.passages if p.section}
    assert articles["第一条"] == "第一条 为了加强直播电商监督管理，制定本办法。"
    assert "\n本办法所称直播电商，是指通过互联网站以视频直播形式销售商品。" in articles["第二条"]
    texts = " ".join(p.text for p in document.passages)
    assert not any(mark in texts for mark in ("&emsp;", "<span", "**"))
    # counter-examples: a trail's > is no quote mark, and angle brackets around Chinese, or
    # an entity for one, are text
    assert "> 首页 > 法规 > 正文" in texts
    assert "<武汉大学>" in texts and "<不是标签>" in texts


def test_only_known_tags_and_whole_entities_are_markup() -> None:
    lines = read_lines(
        "page.txt",
        "\n".join(
            [
                "该成果发表在<Nature>杂志上，当 a<b and c>d 时成立。",
                "第一条 为了规范管理，制定本法。<br/>第二条 本法适用于全国。",
                "来源：新华网&#13;&#10;责任编辑：王五",
                "网址参数 ?id=1&para=2&copy=3 照抄。",
                "填表日期：____年__月__日",
            ]
        ).encode(),
    )
    # a <br> and an entity's line break part lines: the second article is an article again
    assert "第二条 本法适用于全国。" in lines
    assert "第一条 为了规范管理，制定本法。" in lines
    assert "该成果发表在<Nature>杂志上，当 a<b and c>d 时成立。" in lines
    assert "网址参数 ?id=1&para=2&copy=3 照抄。" in lines
    assert "填表日期：____年__月__日" in lines
    assert not any(line.startswith("来源：") for line in lines)  # a credit line on its own
    # the tags a spam mirror scatters with random ids name no page
    page = [
        '<fieldset id="m6qy2"><menu id="m6qy2"></menu></fieldset>',
        '<strike id="m6qy2"></strike>',
        "升級版“校內小賣部禁設令”如何令行禁止",
        "最近印發的《指南》則是升級版“校內小賣部禁設令”。",
    ]
    document = read_document("page.txt", "\n".join(page).encode())
    title, texts = document.title, [p.text for p in document.passages]
    assert title == "升級版“校內小賣部禁設令”如何令行禁止"
    assert not any("<" in t for t in texts)
