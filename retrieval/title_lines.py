"""Lines that are a document's title: a title line's form (short, not a sentence, not
another page's link), a title ending with its kind, and where a web page's title sits below
its furniture (menus, adverts, a breadcrumb, a record's fields)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath

from retrieval.history import SIDEBAR_LINK, adoption, dated_to_the_day, is_date_line
from retrieval.imprint import is_source_line
from retrieval.markers import (
    BULLET_MARKS,
    CN_NUM,
    HAN,
    MAX_TITLE_CHARS,
    SALUTATION,
    SENTENCE_END,
    Line,
)
from retrieval.metadata import TITLE_ENDINGS, law_short_name
from retrieval.normalize import simplified

MAX_BROKEN_TAIL_CHARS = 20  # the second line of a heading broken in two
SENTENCE = re.compile(r"[。！？!?；;，,]")  # a line with one is text, not a title or furniture
# a record's title field: 【标 题】…, 【法规名称】…, in a table's cell: 标题:… | |, or a
# disclosure catalogue's 名 称:… among its 索引号 and 发布机构 lines
_TITLE_LABEL = r"(?:标\s*题|標\s*題|题\s*名|法规名称|文件名称)"
# (the fields numbered as a page's list numbers them: 2. 【标题】… among 1. 【颁布时间】…)
_NUMBERED = r"\d{1,2}[.、．]\s*"
FIELD_NUMBER = re.compile(rf"^{_NUMBERED}(?=[【\[])")
# a law database's record field, by its label (【颁布时间】, 【发文号】, 【颁布单位】, 【时效性】);
# numbered, such fields tell a record from a numbered list of notes (1. 【标题】要写清楚…)
RECORD_FIELD = re.compile(
    rf"^{_NUMBERED}[【\[][^】\]]{{0,6}}(?:时间|日期|单位|部门|文号|字号|效|来源|类别|索引)[^】\]]{{0,4}}[】\]]"
)
TITLE_FIELD = re.compile(
    rf"^(?:{_NUMBERED})?(?:[【\[]\s*{_TITLE_LABEL}\s*[】\]]\s*[:：]?\s*(\S.{{1,79}})"
    rf"|{_TITLE_LABEL}\s*[:：]\s*([^|。；;，,]{{2,80}}?)\s*\|[\s|]*"
    r"|名\s*称\s*[:：]\s*([^|。；;，,]{2,80}))$"
)
CATALOGUE_FIELD = re.compile(r"^\s*(?:索\s*引\s*号|发布机构|主题分类|成文日期|责任部门)\s*[:：]")

# a page's tags or categories after their label (关键词: 国防目标 国防白皮书 国防政策, 合规网标识码:
# 生态环境规划 环境数据与统计 城市环境管理): text a question may ask of, but no title
_TAG_LINE = re.compile(
    r"^[^\s：:。，]{0,6}(?:关键词|关键字|主题词|标签|标识码|分类)\s*[：:]\s*"
    r"(?:[^\s。，；！？]{2,16}\s+){2,}[^\s。，；！？]{2,16}$"
)

# a line saying nothing a title says: an image's alt text or a control (website qrcode,
# Document), or a phone number (13917766904); not a year or a standard's number over the
# rest of a title (2024 / 政府工作报告, GB/T 1.1-2020)
_SAYS_NOTHING = re.compile(r"[^\u4e00-\u9fff\d]*|[^\u4e00-\u9fff]*\d{7,}[^\u4e00-\u9fff]*")


def fields_beside(lines: list[str], k: int) -> list[str]:
    """The lines around line k that may be fields of its record; for a numbered field, only
    a record's numbered fields, their numbers left out (not a list of notes: 1. 【标题】要…)."""
    beside = [lines[i] for i in (k - 1, k + 1) if 0 <= i < len(lines)]
    if FIELD_NUMBER.match(lines[k]):
        return [FIELD_NUMBER.sub("", line) for line in beside if RECORD_FIELD.match(line)]
    return beside


def says_nothing(text: str) -> bool:
    return bool(_SAYS_NOTHING.fullmatch(text))


MIN_REPEATED_TITLE = 6  # characters of a line that prints the title again (2021年新年献词)


_ENDS_TEXT = "。；;，,"  # a line ending so is a sentence of the text, not its title
_GREETING = re.compile(r"好[！!]$|^.{0,5}[！？!?]$")


# a notice's title may run long after the many offices issuing it jointly (广东省卫生健康委
# 广东省发展改革委 … 关于印发…方案的通知)
_ISSUED_ABOUT = re.compile(
    r"^[^。；;，,！？!?]{2,160}关于[^。；;，,]{2,80}的(?:通知|决定|意见|通报|批复|函)$"
)
MAX_ISSUED_TITLE_CHARS = 240
# a report's title with the day and meeting it was given on one line, whatever the page put
# after them (政府工作报告 ——二○二二年一月二十一日在海南省…会议上 海南省省长 冯飞 发布时间:…)
_TITLE_GIVEN = re.compile(
    r"^[^。；;，,！？!?]{2,40}?\s*[—－]{1,2}\s*(?:\d{4}|[一二][〇○零])[^。；;，,]{3,12}"
    r"在[^。；;，,]{2,40}(?:会议|大会)上"
)


def is_title(line: Line) -> bool:
    return (
        line.kind is None
        and (
            len(line.text) <= MAX_TITLE_CHARS
            or (len(line.text) <= MAX_ISSUED_TITLE_CHARS and bool(_ISSUED_ABOUT.search(line.text)))
            or bool(_TITLE_GIVEN.match(line.text))
        )
        and line.text[-1] not in _ENDS_TEXT
        # a headline may exclaim or ask (延迟退休，该哭该笑？), a greeting (大家好！) does not
        and not (line.text[-1] in SENTENCE_END and _GREETING.search(line.text))
        and not SALUTATION.match(line.text)
        and not SIDEBAR_LINK.search(line.text)  # another page's title
        and not _TAG_LINE.match(line.text)  # a page's tags (关键词: 国防目标 国防白皮书 …)
        and not says_nothing(line.text)
        # a text's history alone in brackets, its title missing ((2021年11月19日…会议通过));
        # not a headline dated so (2024年1月1日起这些新规正式施行)
        and not (
            line.text.startswith(("(", "（"))
            and dated_to_the_day(line.text)
            and adoption(line.text)
        )
    ) or (line.kind or "").startswith("md")  # a Markdown heading of any level opening a file


# a site's masthead, its names joined (法搜网--中国法律信息搜索网, 人民网 | 中国共产党新闻网) or
# with a channel's (人民网健康·生活): no half of a title broken in two (全国一体化算力网 /
# 建设实施方案 is one)
_MASTHEAD = re.compile(
    r"^[^\s，。,；;]{1,16}(?:网|网站)"
    r"(?:\s*(?:--|—{1,2}|-|[|｜_])\s*[^\s，。,；;]{1,20}(?:网|网站|平台|在线))+$"
    r"|^[^\s，。,；;之的]{1,6}网\s*[^\W\d_之的]{2,4}(?:·[^\W\d_之的]{2,4})+$"  # 人民网健康·生活
)


def is_masthead(text: str) -> bool:
    return bool(_MASTHEAD.match(text))


def bare(text: str) -> bool:
    """A short line with no punctuation: the second half of a broken heading or title."""
    return len(text) <= MAX_BROKEN_TAIL_CHARS and not re.search(r"[。！？!?；;，,：:、]", text)


# what a title may end with after its kind: （节选）, （2020年）, （试行）
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]{1,20}[）)]$")


def ends_with_kind(line: str) -> bool:
    """Whether a line ends as a document's title does, with its kind (…的通知, 中华人民共和国
    公司法; not 通知公告更多>>, a page's link to its notices)."""
    title = _TRAILING_NOTE.sub("", line)
    return title.endswith(TITLE_ENDINGS) or bool(law_short_name(title))


MAX_FURNITURE_LINES = 60  # a web page's menus, ads and breadcrumb above its title
MAX_TITLE_GAP = 2  # short lines between a title and its dateline (the title again, spaced)
# a line saying when or where a page was posted (日期:2021-06-15 来源:…, 添加時間:…), or a
# field of a law database's record (1. 发布部门: 建设部, 【颁布时间】 1985-06-18)
POSTING = re.compile(
    r"^\s*(?:\d{1,2}[.、]\s*)?[【\[]?\s*(?:(?:信息)?来源|(?:发布|添加|更新|发文)?(?:时间|時間|日期)"
    r"|发布部门|发文机关|制定机关|颁布(?:部门|机关|机构|文号|时间|日期|令)|(?:发布|颁布)?文号"
    r"|(?:颁发|頒發)(?:日期|时间|時間)|時效性"
    r"|发文字号|效力级别|时效性|法规名称)\s*(?:[】\]]\s*\S|[:：])"
)


_TRAIL = re.compile(r"[>»›|/]")  # a breadcrumb's separators


# a posting stamp (2024/05/21 11:18 读创深圳 张玮玮): the day, the time, the site and author
_STAMP = re.compile(
    r"^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?"
    r"(?:\s+\S{1,20}){0,3}$"
)
MIN_HEADLINE_HAN = 8  # a news headline's characters (not 读创, Home, 兰州新闻)


# a list's bullet a page set before its posting line (or a middle dot or small square, which
# no list item of a text starts with but a page's line may)
_BULLET = re.compile(rf"^[{BULLET_MARKS}·▪]\s*")


def is_posting_line(line: Line) -> bool:
    """A page's posting line: when, where from or by whom it was put up."""
    text = _BULLET.sub("", line.text)
    return bool(POSTING.match(text) or _STAMP.match(text)) or is_source_line(text)


# a site's day in its header, with the day of the week (2024年04月27日 星期六): the day the page
# was read, above its trail and headline, not a text's date
_SITE_DAY = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|礼拜|周)[一二三四五六日天]$")


def _anchors_title(line: Line) -> bool:
    """A line that only ever sits under a text's title: its date or adoption line, its
    posting line or record, the paper that printed it, or its first chapter or article."""
    return (
        (is_date_line(line.text) and not _SITE_DAY.match(line.text))
        or adoption(line.text)
        or is_posting_line(line)
        or (line.kind == "article" and line.label == "第一条")
        or (line.kind == "chapter" and line.text.startswith("第一章"))
    )


def _anchored(lines: list[Line], i: int, posted: frozenset[str], dated: bool = False) -> bool:
    """Whether the line at i has an anchor right under it, or under the title repeated in
    one or two short lines (潼关县人民代表大会常务委员会 / 工 作 报 告 / 2023年2月1日在…);
    `posted`: lines the cleaning took a posting line from under; `dated`: an anchor saying a
    day (来源：人民网 2024-03-01, not a site's name alone: 中华网)."""
    if lines[i].text in posted:
        return True
    for k in range(i + 1, min(i + 2 + MAX_TITLE_GAP, len(lines))):
        if _anchors_title(lines[k]) and (not dated or bool(re.search(r"\d", lines[k].text))):
            return True
        if lines[k].kind is not None or not bare(lines[k].text):
            return False
    return False


# an order's header (中华人民共和国国务院令, 杭州市人民政府令): the text it promulgates follows
# under its own title, past the order's number, sentence, signature and date; not a news
# headline about one (李强签署国务院令: a verb, not an issuer's name)
# and a congress's announcement of a law (北京市人民代表大会常务委员会公告〔十五届〕第88号)
_ORDER = re.compile(
    r"^(?!.*(?:签署|发布|公布))[\u4e00-\u9fff]{2,20}(?:(?:国务院|政府|主席|部|委员会|委|局|署|银行)令"
    r"|人民代表大会(?:常务委员会)?公告\s*(?:[〔\[（(][^〕\]）)]{1,8}[〕\]）)])?)"
    rf"(?:\s*第?\s*[\d{CN_NUM}]+\s*号)?$"
)


def is_order_header(text: str) -> bool:
    return bool(_ORDER.match(text))


def _may_head(line: Line) -> bool:
    """Whether a title-like line below a page's furniture may be its title: not a record's
    field (【…】, 在…上的讲话's subtitle) nor a trail (> 绍兴动态 > … > 2025年两会 > 工作报告)."""
    return not line.text.startswith(("在", "—", "－", "【", "[")) and not _TRAIL.search(line.text)


def _printed_twice(lines: list[Line], i: int) -> bool:
    """Whether the line at i is a headline printed again right under it, over its posting
    line (the page's <title> and <h1>)."""
    line = lines[i]
    return (
        i + 2 < len(lines)
        and lines[i + 1].text == line.text
        and is_posting_line(lines[i + 2])
        and is_title(line)
        and _may_head(line)
        and len(HAN.findall(line.text)) >= MIN_HEADLINE_HAN
        and not is_posting_line(line)
    )


def page_title_line(lines: list[Line], posted: frozenset[str]) -> int:
    """Where a web page's title sits below its furniture (立即咨询 / 招商加盟 …, 网站首页 /
    广元市人民政府 / 长者专区, 进入老年模式 / 您的当前位置:首页): the first line of a kind
    (…办法, …工作报告, …的公告) with an anchor under it, or a headline with its posting line
    under it while no sentence of text stands above. 0 when none is found or the first line
    is the title: a headline with its own anchor, or printed again below (the page's <title>
    and <h1>), or a news headline above a sentence of its text (a text it prints below, or a
    link in its sidebar, is not the page); and a page opening with a heading (一、学习内容)
    is a text already, whatever it prints further down."""
    # (read in Simplified characters: a page's 發布日期: and 來源: are its posting line)
    lines = [replace(ln, text=simplified(ln.text)) for ln in lines[: MAX_FURNITURE_LINES + 4]]
    posted = frozenset(simplified(text) for text in posted)
    first = lines[0].text
    # (again whole, or as the headline its <title> puts before the site's name: X--学习专栏-…;
    # an order's header is no headline, its issuer signing below it is no repeat of it)
    order = is_order_header(first)
    # a headline printed twice over its posting line (the page's <title> and <h1>) is the
    # page's, whatever line opens it (电竞下注-…平台 above 中华网), unless that line has a day
    # of its own under it (a related item lower down: …相关新闻 / X / X / 2024-02-28 新华网)
    twice = next((i for i in range(1, len(lines) - 2) if _printed_twice(lines, i)), 0)
    if (
        lines[0].kind is None
        and twice
        and lines[twice].text != first
        and not _anchored(lines, 0, posted, dated=True)
    ):
        return twice
    if (
        lines[0].kind is not None
        or (_anchored(lines, 0, posted) and not order)
        or any(
            ln.text == first
            or (len(ln.text) >= MIN_REPEATED_TITLE and first.startswith(ln.text) and not order)
            for ln in lines[1:MAX_FURNITURE_LINES]
        )
    ):
        return 0
    headline = is_title(lines[0]) and len(HAN.findall(first)) >= MIN_HEADLINE_HAN and not order
    # a first line saying nothing in Chinese (website qrcode, 13917766904) heads no text: the
    # first headline above the text is the page's, posting line or not, unless a headline
    # with one comes later (an office's name over a search box, then its reply's title)
    unheaded = says_nothing(first)
    fallback = 0
    begun = recorded = False  # a sentence or a heading of text above; a record's field
    for i in range(1, min(MAX_FURNITURE_LINES, len(lines) - 1)):
        line = lines[i]
        titled = is_title(line)
        long_enough = len(HAN.findall(line.text)) >= MIN_HEADLINE_HAN
        if (
            titled
            # (a law database's record above a text's title, 【颁布部门】…, tells its page
            # from a news page printing a text below its own headline)
            and not (begun and headline and not recorded)
            and _may_head(line)
            and (
                (ends_with_kind(line.text) and _anchored(lines, i, posted))
                # a news headline with its posting line right under it (新颖!7人合议庭审理…
                # / 来源:兰州晚报 2018-08-31)
                or (
                    not begun
                    and long_enough
                    and (line.text in posted or is_posting_line(lines[i + 1]))
                    and not is_posting_line(line)  # 发布部门：… over 发布日期：…
                )
            )
        ):
            return i
        if unheaded and not (fallback or begun) and titled and long_enough:
            fallback = i
        begun = begun or line.kind is not None or bool(SENTENCE.search(line.text))
        recorded = recorded or bool(POSTING.match(line.text))
    return fallback


# the sentence adopting a text a page prints under it (《郑州市文明行为促进条例》已经…会议于
# 2017年12月21日通过, above 第一章 总 则): in a page with no title, that text's name is its title
_ADOPTING = re.compile(r"^《([^《》]{4,40})》已(?:经|于|由)[^。]{0,120}?(?:通过|批准)")


# ... or the notice's sentence giving out the plan it prints under it (我们制定了《“十四五”塑料
# 污染治理行动方案》，现予印发 / 现将《…》印发给你们, above 一、总体要求)
_GIVEN_OUT = re.compile(
    r"(?:制定了《([^《》]{4,40})》[，,]?(?:现予|现|予以)|现将《([^《》]{4,40})》[^。]{0,12}?)"
    r"(?:印发|发布)"
)


def adopted_name(lines: list[Line]) -> str:
    """The name of the text adopted in the sentence above the text's first chapter or
    article (or given out above its first part), or "" (an explainer's 一、条例出台的背景
    under it prints no text)."""
    first = next((k for k, ln in enumerate(lines) if ln.kind is not None), 0)  # (none: 0)
    opening = re.sub(r"\s", "", lines[first].text) if first else ""
    above = lines[: min(first, MAX_FURNITURE_LINES)]
    if opening.startswith(("第一章", "第一条")):
        names = [m[1] for ln in above if (m := _ADOPTING.match(ln.text))]
    elif opening.startswith("一、"):
        names = [m[1] or m[2] for ln in above if (m := _GIVEN_OUT.search(simplified(ln.text)))]
    else:
        return ""
    return names[-1] if names and ends_with_kind(simplified(names[-1])) else ""


# a report's or speech's first words (现在，我代表…人民政府, 各位代表：, 同志们：)
_OPENING_WORDS = re.compile(r"现在[，,]?\s*我代表|各位代表[，,：:]|同志们[，,：:]")
MIN_HEADLINE_CHARS = 8


# a text's name with its history in brackets on one line (广东省工资支付条例(2005年1月19日…通过
# 根据…《关于修改〈…〉的决定》修正)): the name is the title, the brackets its history line
_NAMED_HISTORY = re.compile(
    r"^《?(?P<name>[^。，,；;！？!?()（）《》\s]{4,40}?)》?\s*"
    r"(?P<history>[（(](?:\d{4}|[一二][〇○零一二三四五六七八九]{3})年[^()（）]*[）)])$"
)
MAX_HISTORY_LINE = 12  # lines from the top where a title may sit below a page's furniture


def parted_history(lines: list[str]) -> list[str]:
    """The lines with a title parted from the history run into it in brackets: a name
    ending with its kind (…条例, …法), then the history line; not a sentence with a date in
    brackets (本条例自公布之日起施行(2005年1月19日)), whose name is no title."""
    for k, line in enumerate(lines[:MAX_HISTORY_LINE]):
        found = _NAMED_HISTORY.match(line.strip())
        if (
            found
            and found["name"].endswith((*TITLE_ENDINGS, "法"))
            and not found["name"].startswith(("本", "该", "此"))
            and adoption(found["history"])
        ):
            return [*lines[:k], found["name"], found["history"], *lines[k + 1 :]]
    return lines


def unglued_headline(lines: list[str]) -> list[str]:
    """The lines with a page's headline parted from the text's first words it runs into
    (2024年深圳市政府工作报告全文发布现在,我代表深圳市人民政府,…): a headline, then the
    opening; not where the words before the opening are a sentence (会议开始。现在，我代表…)."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    line = lines[first].strip()
    found = _OPENING_WORDS.search(line)
    head = line[: found.start()] if found else ""
    if (
        found is None
        or not MIN_HEADLINE_CHARS <= len(head) <= MAX_TITLE_CHARS
        or SENTENCE.search(head)
        or "、" in head  # a salutation's list (各位领导、各位来宾、各位代表：)
        or head.startswith(("尊敬", "各位", "亲爱"))
    ):
        return lines
    return [*lines[:first], head.strip(), line[found.start() :], *lines[first + 1 :]]


# a page with no title line opens with its lead (记者近日获悉,《海口市噪声污染防治办法》…将于
# 2025年2月1日起施行。): that first sentence names the page better than a file name made of
# pinyin or numbers does (not better than one a person gave it in Chinese: 学习材料.txt)
_LEAD_SENTENCE = re.compile(rf"[^{SENTENCE_END}]+")
# a name no person chose (新建文本文档 (2), 未命名, 无标题, 文档1): no better than pinyin
_DEFAULT_NAME = re.compile(r"^(?:新建|未命名|无标题|文档\d)")
MIN_LEAD_CHARS, MAX_LEAD_CHARS = 8, 60


def lead_title(doc: str, lines: list[Line]) -> str:
    """The first sentence of a page's first line of text (below a close button: x) when it
    can name the page, or "": a sentence, short, mostly Chinese; not a salutation (同志们:)
    or greeting (…大家好!), nor a bracketed history or aside ((2018年9月30日…通过))."""
    line = next((ln for ln in lines[:2] if not says_nothing(ln.text)), None)
    stem = PurePath(doc).stem
    if line is None or (HAN.search(stem) and not _DEFAULT_NAME.match(stem)):
        return ""
    text = line.text.strip()
    if line.kind is not None or SALUTATION.match(text) or text.startswith(("(", "（", "[", "【")):
        return ""
    if not SENTENCE.search(text):  # a line with no sentence in it may be a title lower down
        return ""
    lead = _LEAD_SENTENCE.match(text)
    sentence = lead.group(0).strip() if lead else ""
    if not MIN_LEAD_CHARS <= len(sentence) <= MAX_LEAD_CHARS or sentence.endswith("好"):
        return ""  # (…各位来宾，大家好！ greets the hearers)
    return sentence if 2 * len(HAN.findall(sentence)) >= len(sentence) else ""
