"""Plain text wrapped at a fixed width (a PDF's text exported) is read in paragraphs."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.formats.wrapped import text_width, unwrapped

# a speech exported from a PDF: every full line stops where the page's width did
SPEECH = [
    "在全省安全生产紧急视频会上的讲话",
    "同志们：",
    "今天召开全省安全生产紧急视频会议，目的很明确，就是动员",
    "各地区、各有关企业迅速警醒起来、重视起来、行动起来，深刻",
    "吸取事故教训，坚决遏制事故多发势头。",
    "一、充分认识当前形势的严峻性",
    "近期我省接连发生两起较大事故，影响极其恶劣。第一，发生在",
    "节日期间，与群众欢度节日的氛围反差极大。第二，发生在专项",
    "整治之时，典型的往枪口上撞。",
    "",
    "二、迅速开展隐患排查整治",
    "各地要立即组织力量，对化工园区和重点企业逐一排查，做到不",
    "留死角、不留盲区，发现隐患立即整改，不能整改的坚决停产。",
]


def test_a_text_wrapped_at_a_width_is_joined_back_into_its_paragraphs() -> None:
    assert text_width(SPEECH) > 0
    assert unwrapped(SPEECH) == [
        "在全省安全生产紧急视频会上的讲话",
        "同志们：",
        "今天召开全省安全生产紧急视频会议，目的很明确，就是动员各地区、各有关企业迅速警醒起来、"
        "重视起来、行动起来，深刻吸取事故教训，坚决遏制事故多发势头。",
        "一、充分认识当前形势的严峻性",
        "近期我省接连发生两起较大事故，影响极其恶劣。第一，发生在节日期间，与群众欢度节日的氛围"
        "反差极大。第二，发生在专项整治之时，典型的往枪口上撞。",
        "",
        "二、迅速开展隐患排查整治",
        "各地要立即组织力量，对化工园区和重点企业逐一排查，做到不留死角、不留盲区，发现隐患立即"
        "整改，不能整改的坚决停产。",
    ]
    document = read_document("jianghua.txt", "\n".join(SPEECH).encode())
    assert any("发生在节日期间" in p.text for p in document.passages)


def test_a_text_of_a_paragraph_a_line_is_left_as_it_is() -> None:
    lines = [
        "第一条 为了加强森林防火工作，制定本条例。",
        "第二条 本条例适用于中华人民共和国境内森林火灾的预防和扑救。",
        "第三条 森林防火工作实行地方各级人民政府行政首长负责制。",
        "第四条 国家森林防火指挥机构负责组织、协调和指导全国的森林防火工作。",
        "第五条 森林、林木、林地的经营单位和个人，在其经营范围内承担森林防火责任。",
        "第六条 森林防火期内，禁止在森林防火区野外用火。",
        "第七条 森林火灾发生后，县级以上人民政府应当立即组织扑救。",
        "第八条 本条例自2009年1月1日起施行。",
    ]
    assert text_width(lines) == 0
    assert unwrapped(lines) == lines


def test_a_menu_cut_at_one_width_is_no_wrapped_text() -> None:
    # a site's list of links, each cut short with …: items, not lines of one paragraph
    menu = [
        f"- 教育部办公厅关于开展全国示范性特色学校创建工作的通...2025-11-{d:02d}"
        for d in range(1, 12)
    ]
    page = [
        "教育部办公厅关于近期连续发生两起小学生溺水身亡事故的通报",
        *menu,
        "来源：湖北继续教育网",
    ]
    assert unwrapped(page) == page


def test_a_title_and_its_clutter_stay_apart_and_a_decimal_starts_no_item() -> None:
    # a page's title is followed by its site's clutter; a full line may end before a figure
    grew = [
        "今年以来全省市场主体持续快速增长，全年新设企业数量同比增长",
        "20.3%，总数突破 211 万户、创历史新高，市场主体活跃度明显提升，全",
        "省经济运行总体平稳。",
    ]
    page = ["2024年全省应急管理工作会议上的讲话稿全文下载", "VIP专享", *SPEECH[2:5], *grew]
    got = unwrapped([*page, *SPEECH[5:]])
    assert got[:2] == page[:2]
    assert "".join(grew) in got


def test_markdown_headings_tables_and_even_lists_are_not_run_together() -> None:
    wrapped = SPEECH[2:5] + SPEECH[6:9] + SPEECH[11:]
    markdown = [
        *wrapped[:3],
        "## 二、压实防汛责任",
        *wrapped[3:6],
        "| 区 | 责任人 | 电话 |",
        *wrapped[6:],
    ]
    got = unwrapped(markdown)
    assert "## 二、压实防汛责任" in got and "| 区 | 责任人 | 电话 |" in got
    # addresses of one width, no clause in them: a list, not a wrapped paragraph
    offices = [f"第{n}营业部：北京市东城区建国门内大街{n}号中粮广场A座1201室" for n in range(1, 10)]
    assert unwrapped(offices) == offices


def test_latin_words_keep_their_space_and_a_wider_indent_opens_a_paragraph() -> None:
    from retrieval.formats.wrapped import joined

    assert joined("…of the council,", "and it asks") == "…of the council, and it asks"
    assert joined("总数突破", "211万户") == "总数突破211万户"
    # a paragraph indented with an em space (&emsp; in a page) opens after a finished one
    indented = [
        *SPEECH[:9],
        "\u2003\u2003三要严格落实企业主体责任，坚决守住安全底线。",
        *SPEECH[9:],
    ]
    assert "\u2003\u2003三要严格落实企业主体责任，坚决守住安全底线。" in unwrapped(indented)
