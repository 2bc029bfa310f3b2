"""What a document is: its title, occasion, speaker or issuing body, date, kind, and the
names people use for it, read from its front matter by general rules.

Chinese official texts open the same way: a title, then any of a subtitle
(`——在…上的报告`), a date line (`（2017年10月18日）`), the speaker's name alone on a line,
and an adoption line (`（…全体会议通过）`). These lines describe the document; they are
metadata, not passages. Names are derived from the title and occasion by the conventions of
the genre, never from a list of documents: `第十九次全国代表大会` is also `十九大`,
`第十九届中央委员会第四次全体会议` is `十九届四中全会`, a 政府工作报告 is named with its year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from retrieval.dates import (
    CN_NUMBER,
    chinese_number,
    digit_years,
    first_date,
    iso,
    last_full_date,
    years_in,
)
from retrieval.history import ADOPTED, REVISED, SIDEBAR_LINK, broken_history, is_date_line, unmarked
from retrieval.imprint import is_issue_line, is_source_line
from retrieval.model import DocumentMeta
from retrieval.normalize import simplified
from retrieval.segment import is_name, may_be_name
from retrieval.sessions import cn_ordinal, meeting_names

# Kinds of document, by the word their title ends with. Longer words first: 讲话提纲 is a 讲话.
KINDS: tuple[tuple[str, str], ...] = (
    ("讲话提纲", "讲话"),
    ("讲话", "讲话"),
    ("讲稿", "讲话"),
    ("发言", "讲话"),
    ("致辞", "讲话"),
    ("贺词", "讲话"),  # 新年贺词: a greeting given as a speech
    ("党课", "党课"),
    ("报告", "报告"),
    ("决定", "决定"),
    ("决议", "决议"),
    ("公报", "公报"),
    ("意见", "意见"),
    ("通知", "通知"),
    ("条例", "条例"),
    ("准则", "准则"),
    ("规定", "规定"),
    ("办法", "办法"),
    ("细则", "细则"),
    ("规则", "规则"),
    ("章程", "章程"),
    ("纲要", "纲要"),
    ("规划", "规划"),
    ("方案", "方案"),
    ("白皮书", "白皮书"),
    ("司法解释", "解释"),  # 最高人民法院…若干问题的解释: a judicial interpretation
    ("解释", "解释"),
)
KIND_WORDS = (*(word for word, _ in KINDS), "文件")
# what a whole title ends with: its kind, or a notice's word (…事故的通报, 招标公告)
TITLE_ENDINGS = (*KIND_WORDS, "通报", "公告", "通告")
MAX_FRONT_LINES = 8  # front matter sits in the first few lines after the title
MAX_SPEAKER_CHARS = 14
MAX_TITLE_LINE_CHARS = 40  # a title's second line
MAX_GENERIC_CHARS = 12  # a title this short (政府工作报告) is shared by every year's document

_N = f"[{CN_NUMBER}]+"
# The provinces' official one-character names (part of the language, as 沪 for 上海).
PROVINCE_SHORT: dict[str, str] = {
    "北京": "京", "天津": "津", "河北": "冀", "山西": "晋", "内蒙古": "蒙", "辽宁": "辽",
    "吉林": "吉", "黑龙江": "黑", "上海": "沪", "江苏": "苏", "浙江": "浙", "安徽": "皖",
    "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫", "湖北": "鄂", "湖南": "湘",
    "广东": "粤", "广西": "桂", "海南": "琼", "重庆": "渝", "四川": "川", "贵州": "黔",
    "云南": "滇", "西藏": "藏", "陕西": "陕", "甘肃": "甘", "青海": "青", "宁夏": "宁",
    "新疆": "新", "香港": "港", "澳门": "澳", "台湾": "台",
}  # fmt: skip
_OCCASION = re.compile(r"在(.{2,60}?)(?:上|中|之际|时)的(?:讲话|报告|发言|致辞|讲话提纲|说明)")
_AT_MEETING = re.compile(r"在(.{2,60}?会议?)上$")
_SPEAKER_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,4})[：:]\s*(?=在|关于)")
_PASSED = re.compile(r"会议通过$")  # a meeting's adoption, of the text or of an edition
# a title quoting the law it implements: 浙江省实施《…法》办法, 《…法》实施细则
_IMPLEMENTING = re.compile(
    r"实施《[^》]+》的?(?:若干)?(?:办法|条例|细则|规定)|》实施(?:办法|条例|细则)"
)
_NAME_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,8}(?:书记|总理|主席|委员长|省长|市长|主任|部长|县长|区长|校长|局长"
    r"|厅长|院长)\s*)?(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})$"
)
# a speaker's line the salutation was glued to (国务院总理 朱镕基　各位代表:)
_GLUED_SALUTATION = re.compile(r"[\s\u3000]+(?:各位代表|同志们|各位委员|代表们)[：:！!，,]?$")
_SUBTITLE = re.compile(r"^(?:[—－]{1,2}|--|-(?!\s))")  # ——在…上, not a bullet (- 国务院…)
_WHOLE_LAW = re.compile(r"中华人民共和国[\u4e00-\u9fff]{2,24}法")  # a national law's full name
_BARE_KIND = re.compile(rf"(?:工作)?(?:{'|'.join(KIND_WORDS)})")
# a day in a file name, as law collections name their files: 监狱法(2012-10-26).md
_NAMED_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-.](0?[1-9]|1[0-2])[-.](0?[1-9]|[12]\d|3[01])(?!\d)"
)
_EDITION_KINDS = frozenset({"法律", "条例", "规定", "办法", "细则", "规则", "准则", "章程"})
_EDITION_ENDINGS = ("法", "条例", "规定", "办法", "细则", "规则", "准则", "章程")
_ISSUERS = re.compile(
    r"^(中共中央(?:\s*国务院)?|国务院(?:办公厅)?|中共中央办公厅(?:\s*国务院办公厅)?"
    r"|中央办公厅|全国人民代表大会常务委员会|中国共产党|党政机关)"
)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str
    meta: DocumentMeta
    consumed: tuple[tuple[str, str], ...]  # (line, what it told) for each line taken


# a national law's title: 中华人民共和国公司法 (a title merely ending in 法, 工作方法, is none)
_STATE = "中华人民共和国"
_DRAFT = re.compile(r"[（(]((?:修订|修正)?草案(?:征求意见稿|送审稿)?|征求意见稿|送审稿)[）)]")
# (…全国人民代表大会和地方各级人民代表大会代表法: 22 characters after the state's name)
_LAW_TITLE = re.compile(rf"^{_STATE}([\u4e00-\u9fff]{{1,30}}法典?)$")

_STATE_RULES = ("法", "条例", "细则", "办法", "规定", "规则", "解释", "决定")


def _without_state(core: str) -> str:
    """A national law or regulation's title without the state's name (统计法实施条例), or ""
    for any other title (中华人民共和国成立70周年… is no such name)."""
    rest = core.removeprefix(_STATE)
    return rest if rest != core and len(rest) >= 4 and rest.endswith(_STATE_RULES) else ""


# the explanation given with a draft (关于《中共中央关于制定…的建议》的说明): a text of its own
_EXPLAINS = re.compile(r"^关于《([^》]{4,80})》的说明$")
_FIVE_YEAR_PLAN = re.compile(rf"第({_N})个五年(?:规划|计划)")


_ISSUED_HEADLINE = re.compile(  # who issued what text, in a news headline
    rf"^[^，。！？:：《》]{{2,20}}?(?:印发|发布(?!会)|出台|公布|颁布)了?(?!一批|一系列|新版|新修订|最新|第)"
    rf"([\u4e00-\u9fff]{{4,30}}(?:{'|'.join(KIND_WORDS)}|规范|标准|指引))$"
)
# a headline's word for a text's making or taking effect (…条例正式出台, …法今起施行)
HEADLINE_ACTS = r"(?:正式|今起|今日|昨日|将)?(?:通过|出台|公布|获批|出炉|施行(?!细则|办法))"
# a page's words around the text it reprints (…条例全文, …条例公布(全文), …法全文,keywords…)
_REPRINTED = re.compile(
    rf"^(最新|新修订的?|修订后的)(?=\S{{4}})|(?:(?<=\S{{4}})|(?<=\S[法典]))({HEADLINE_ACTS}|发布|印发)?"
    r"([(（](最新)?[全原]文[)）]|(最新)?[全原]文(20\d\d)?)(?:[,，].*)?$"
)


# a report on one year's budget or plan and the draft of the next (the 报告 itself, not
# a committee's 审查结果报告 on it)
_REVIEW_AND_DRAFT = re.compile(r"(预算|计划)执行情况[与和及暨][^。]{0,20}?\1草案的报告")


def plan_names(title: str, explanation: bool) -> list[str]:
    """What people call a five-year plan's outline or the proposal for it: 十四五规划纲要,
    十四五纲要, 十四五规划建议, 十四五建议 (and its 说明: 十四五规划建议的说明)."""
    plan = _FIVE_YEAR_PLAN.search(title)
    kind = next((k for k in ("建议", "纲要") if title.endswith(k)), "")
    if not plan or not kind:
        return []
    shorts = [f"{plan.group(1)}五规划{kind}", f"{plan.group(1)}五{kind}"]
    return [f"{n}{tail}" for n in shorts for tail in ("的说明", "说明")] if explanation else shorts


# the Supreme People's Court's interpretation of a law: 关于适用《…合同法》若干问题的解释（二）
_INTERPRETS = re.compile(
    r"关于适用《([^》]{2,30})》([\u4e00-\u9fff]{0,12}?)若干问题的解释([（(][^）)]{1,3}[）)])?"
)


def interpretation_names(found: re.Match[str]) -> list[str]:
    """What people call a law's judicial interpretation: the law's short name, the part of it
    interpreted, 解释 (司法解释, 若干问题的解释) and its number, in brackets or not (合同法解释
    （二）, 合同法司法解释二, 民法典合同编通则解释, 行政诉讼法若干问题解释)."""
    law = found.group(1).removeprefix(_STATE)
    number = found.group(3) or ""
    bare = number.strip("（）()")
    return list(
        dict.fromkeys(
            f"{law}{found.group(2)}{word}{n}"
            for word in ("解释", "司法解释", "若干问题的解释", "若干问题解释")
            for n in (number, bare)
        )
    )


def law_short_name(title: str) -> str:
    """A national law's name without the state's (公司法 of 中华人民共和国公司法（2023年修订）)."""
    law = _LAW_TITLE.match(re.sub(r"\s|[（(][^）)]*[）)]", "", title))
    if not law or law.group(1).endswith("办法"):  # …关于…养老保险办法 is no law
        return ""
    return law.group(1)


_DAY_IN_BRACKETS = re.compile(r"[（(]\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]")


# what makes a word ending in 法 no law (办法 is a kind of document, 方法 a method, 看法 a view,
# 最高法 a court, 以案释法 explaining the law by cases)
NOT_LAW_BEFORE_FA = frozenset("办方做看说想立执依守违合非书写部用手疗算语章高释")


def _national_law(title: str, dates: list[str]) -> bool:
    """A law the national congress passed under a name without the state's (反分裂国家法:
    2005年3月14日 第十届全国人民代表大会第三次会议通过)."""
    name = re.sub(r"\s|[（(][^）)]*[）)]", "", title)
    return (
        bool(re.fullmatch(r"[\u4e00-\u9fff]{1,19}法", name))
        and name[-2] not in NOT_LAW_BEFORE_FA
        and any("全国人民代表大会" in line for line in dates)
    )


def kind_of(*texts: str) -> str:
    """The kind a title names: 法律 for a national law's, else the kind word nearest its end."""
    if texts and law_short_name(texts[0]):
        return "法律"
    best, at = "", -1
    for text in texts:
        for word, kind in KINDS:
            pos = text.rfind(word)
            if pos >= 0 and pos + len(word) > at:
                best, at = kind, pos + len(word)
        if best:
            return best
    return best


_BANNERED = re.compile(r"^[^\s（(]{2,12}[（(][^）)]*\d{4}年[^）)]*[）)]\s+(?=\S)")
# ([法律法规]…, …全文【优秀4篇】)
_TAGGED = re.compile(r"^\s*[\[【][^\]】]{1,10}[\]】]\s*|\s*[\[【][^\]】]{1,10}[\]】]\s*$")


# an autonomous region's name holds its people (宁夏回族自治区); people call it by the place (宁夏)
REGION_PEOPLE = r"(?:回族|壮族|维吾尔)?"


# what a meeting does in the headline reporting it (…会议在北京举行)
HELD = r"(?:举行|召开|开幕|闭幕)"
_MEETING_HELD = re.compile(
    rf"^([\u4e00-\u9fff\d]{{4,30}}?(?:会议|大会|全会|论坛|峰会))(?:在[\u4e00-\u9fff]{{1,8}}?)?{HELD}"
)


def _is_edition(title: str) -> bool:
    """Whether a title names a law or regulation, revised in editions (not 《…条例》解读)."""
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title.strip())
    return kind_of(title) in _EDITION_KINDS and bare.endswith(_EDITION_ENDINGS)


# a page's posting line: when and where a copy of the text was put up, who read it
_POSTED = re.compile(r"来源|作者|阅读|点击|浏览|发布时间|发布日期")


def _file_date(doc: str) -> tuple[int, int, int] | None:
    """The day a file name gives (监狱法(2012-10-26).md), if it is one."""
    m = _NAMED_DATE.search(PurePath(doc).stem)
    if not m:
        return None
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 2018-02-31
        return None
    return day.year, day.month, day.day


def _bare_kind(name: str) -> bool:
    """Whether a name is only a kind of text (工作报告, 条例), naming no document."""
    return bool(_BARE_KIND.fullmatch(name))


def derived_names(title: str, meta: DocumentMeta) -> tuple[str, ...]:
    """Names people use for the document, by the conventions of the genre."""
    text = " ".join((title, meta.subtitle, meta.occasion))
    kind = meta.kind
    names = meeting_names(text, kind)
    # a column's dated banner joined before the title (每周一学（…） 中国共产党党内法规体系), and
    # a site's tag around it, unless the tag is the name (【民法典】全文)
    title = _BANNERED.sub("", title)
    untagged = _TAGGED.sub("", title)
    title = untagged if "法" in untagged or _BARE_KIND.search(untagged) else title
    # the text a title quotes is the document (关于印发《…条例》的通知), unless words after it
    # make a text of another kind of it (《政府工作报告》重点工作分工方案)
    quoted = "《" in title and kind_of(title[title.rfind("》") + 1 :]) in ("", "通知", "决定")
    unquoted = _REPRINTED.sub("", re.sub(r"[《》]", "", title))
    core = re.sub(r"^[^《]*《|》.*$", "", title) if quoted else unquoted
    explained = _EXPLAINS.match(title)
    implementing = bool(_IMPLEMENTING.search(title)) or explained is not None
    interpretation = _INTERPRETS.search(title)
    names += plan_names(explained.group(1) if explained else title, explained is not None)
    # a page on the text its headline says was issued (两部门印发网络主播行为规范), no 《》 round it
    names += [m.group(1) for m in [_ISSUED_HEADLINE.match(simplified(title))] if m]
    if (review := _REVIEW_AND_DRAFT.search(core)) and meta.year:
        # 关于2020年…预算执行情况与2021年…预算草案的报告 is 2021年的预算报告 (计划报告 alike)
        names += [f"{review.group(1)}报告", f"{meta.year}年{review.group(1)}报告"]
    if implementing or interpretation:
        # 浙江省实施《…节约能源法》办法 is a text of its own, not the law it implements; so
        # is the court's 关于适用《…合同法》若干问题的解释（二）, which goes by 合同法解释（二）
        core = re.sub(r"[《》]", "", title)
    if interpretation:
        names += interpretation_names(interpretation)
    # a draft goes by its name with 草案 (对外关系法(草案)征求意见: 对外关系法草案) only
    draft = _DRAFT.search(core)
    if draft:
        names.append(core[: draft.start()].replace(_STATE, "") + draft.group(1))
    core = re.sub(r"[（(].*?[）)]|[—－].*$", "", core).strip()
    generic = _ISSUERS.sub("", core).strip()
    only_kind = _bare_kind(generic)  # 全国人民代表大会常务委员会工作报告: no 工作报告 of its year
    if (
        meta.year
        and kind
        and not only_kind
        and len(generic) <= MAX_GENERIC_CHARS
        and str(meta.year) not in core
    ):
        # a report that every year has is named with its year: 2021年政府工作报告
        names.append(f"{meta.year}年{generic}")
    if "政府工作报告" in core:
        where = re.sub(r"(?<=.)\d{4}年", "", core)  # 陕西省2026年政府工作报告
        if (place := occasion_place(meta)) and place not in core:
            # 2026年政府工作报告 given at 云南省第十四届人民代表大会: 云南的政府工作报告
            where = re.sub(r"^(\d{4}年)?", lambda m: f"{m.group(0)}{place}省", core, count=1)
        where = re.sub(f"{REGION_PEOPLE}自治区", "", where)  # 宁夏回族自治区 is 宁夏
        region = re.match(
            r"^(?:\d{4}年)?([\u4e00-\u9fff]{2,8}?)[省市区县]?(?:人民)?政府工作报告", where
        )
        # a news headline (…省长王伟中在广东省第十三届人民代表大会…上作政府工作报告) names
        # the congress the report was given at
        congress = None if region else _OCCASION_PLACE.search(core)
        place = region.group(1) if region else congress.group(1) if congress else ""
        place = re.sub(f"{REGION_PEOPLE}$", "", place)  # 广西壮族(自治区) is 广西
        if place and place != "国务院":
            # 四川省人民政府工作报告 is also 四川省政府… and 四川政府…
            names += [f"{place}{level}政府工作报告" for level in ("", "省", "市", "自治区")]
            if place in PROVINCE_SHORT:  # and 川政府工作报告 by the province's short name
                names.append(f"{PROVINCE_SHORT[place]}政府工作报告")
    for m in _YEAR_KIND.finditer(digit_years(core)):
        # a year's text of a kind a headline says was given (国家主席习近平发表二〇二二年新年贺词,
        # 习近平2020年新年贺词): what people call it; not a place's (广东省2022年政府工作报告,
        # 香港特区行政长官…发表2024年新年贺词)
        head = core[: m.start()]
        if (m.group(1) is not None or is_name(head)) and not re.search(r"[省市县区州]", head):
            names.append(m.group(0)[len(m.group(1) or "") :])
    if held := _MEETING_HELD.match(core):
        # a news report is named by the meeting it reports (中央经济工作会议在北京举行)
        meeting = held.group(1)
        names.append(meeting)
        if meta.year and not meeting.startswith(f"{meta.year}年"):
            names.append(f"{meta.year}年{meeting}")
    # 公司法, 2018年公司法: laws go by their own name; so do the state's other texts
    # (统计法实施条例 for 中华人民共和国统计法实施条例)
    # 浙江省实施节约能源法办法 for the text implementing a law; its own name for a law
    if (
        short := core.replace(_STATE, "")
        if implementing or interpretation
        else law_short_name(title) or law_short_name(core) or _without_state(core)
    ):
        names.append(short)
        if meta.year:
            names.append(f"{meta.year}年{short}")
    if kind == "讲话" and meta.occasion:  # 党史学习教育动员大会讲话
        names += [f"{meta.occasion}讲话", f"{meta.occasion}上的讲话"]
    stripped = _ISSUERS.sub("", core).strip()
    names.append(core)
    if stripped and stripped != core and not only_kind:
        names.append(stripped)  # 党政机关厉行节约反对浪费条例 → 厉行节约反对浪费条例
    if (
        meta.speaker.startswith("中共中央")
        and kind == "意见"
        and ("农" in core or "乡村" in core)
        and meta.date[5:7] in ("", "01", "02")
    ):
        # the year's first central document has been on rural work every year since 2004
        names += ["中央一号文件", "一号文件"] + (
            [f"{meta.year}年中央一号文件"] if meta.year else []
        )
    if core == "中国共产党章程":
        # the party's constitution goes by 党章 in every edition (2017年党章)
        names += ["党章"] + ([f"{meta.year}年党章"] if meta.year else [])
    seen = {title}
    return tuple(n for n in names if n and not (n in seen or seen.add(n)))  # type: ignore[func-returns-value]


_YEAR_KIND = re.compile(
    rf"(发表了?|^)?(?<!\d)\d{{4}}\s*年\s*[\u4e00-\u9fff]{{1,6}}?(?:{'|'.join(KIND_WORDS)})"
    r"(?![\u4e00-\u9fff])"
)
_OCCASION_PLACE = re.compile(
    r"(?:在|^)([\u4e00-\u9fff]{2,4}?)(?:省|市|自治区)第?[一二三四五六七八九十]+届"
)


def occasion_place(meta: DocumentMeta) -> str:
    """The place of the occasion's congress (在云南省第十四届…) or report (甘肃省代省长)."""
    found = _OCCASION_PLACE.search(f"{meta.occasion} {meta.subtitle}") or _PLACED_OFFICE.match(
        meta.occasion
    )
    return found.group(1) if found else ""


# an office of a province or city (甘肃省代省长, 中共甘肃省委书记, 甘肃省人民政府省长, 广西壮族
# 自治区主席); not the country's (中国市长协会主席)
_PLACED_OFFICE = re.compile(
    rf"^(?:中共)?(?!中国|全国|中华)([\u4e00-\u9fff]{{2,4}}?){REGION_PEOPLE}(?:省|市|自治区)"
    r"(?:人民政府)?[\u4e00-\u9fff]{0,3}?(?:省长|市长|主席|书记)$"
)


def is_office(text: str) -> bool:
    """Whether `text` is an office of a province or city (甘肃省代省长), not an occasion."""
    return bool(_PLACED_OFFICE.match(text))


def display_title(title: str, meta: DocumentMeta) -> str:
    """The title as answers show it: a title every year or place shares (政府工作报告)
    gets its year and place, so the reader knows which one."""
    if len(title) > MAX_GENERIC_CHARS:
        return title
    extra = [place] if (place := occasion_place(meta)) and place not in title else []
    if meta.year and str(meta.year) not in title:
        extra.append(f"{meta.year}年")
    return f"{title}（{'，'.join(extra)}）" if extra else title


# 现在，我代表第十九届中央委员会向大会作报告: the report to the next congress
_ON_BEHALF = re.compile(rf"代表第({_N})届中央委员会向大会作报告")
_LOCAL_ON_BEHALF = re.compile(
    rf"代表中国共产党([\u4e00-\u9fff]{{2,8}}?[省市州县])第({_N})届委员会向大会作报告"
)
_OPENS_CONGRESS = re.compile(rf"^(?:中国共产党)?第({_N})次全国代表大会[，,是]")


def occasion_from_opening(title: str, meta: DocumentMeta, opening: list[str]) -> DocumentMeta:
    """The congress a report was given at, as its opening lines say when its front matter
    does not (a party congress report never names itself 十八大报告)."""
    for text in opening:
        if m := _ON_BEHALF.search(text):
            number = chinese_number(m.group(1))
            congress = f"第{cn_ordinal(number + 1)}次全国代表大会" if number else ""
        elif m := _LOCAL_ON_BEHALF.search(text):  # 代表中国共产党浙江省第十四届委员会
            number = chinese_number(m.group(2))
            congress = ""
            if number:
                congress = f"中国共产党{m.group(1)}第{cn_ordinal(number + 1)}次代表大会"
        elif m := _OPENS_CONGRESS.match(text):
            congress = m.group(0).rstrip("，,是")
        else:
            continue
        if congress:
            found = replace(meta, occasion=congress, kind=meta.kind or "报告")
            return replace(found, names=derived_names(title, found))
    return meta


def occasion_from_headings(title: str, meta: DocumentMeta, tops: list[str]) -> DocumentMeta:
    """The occasion of the one speech a bundle under a banner holds, as its heading says
    (【2021年3月学习材料】 › 习近平：在党史学习教育动员大会上的讲话)."""
    found = list(dict.fromkeys(m.group(1) for top in tops if (m := _OCCASION.search(top))))
    if len(found) != 1:
        return meta
    occasion = replace(meta, occasion=found[0], kind=meta.kind or "讲话")
    return replace(occasion, names=derived_names(title, occasion))


# a line that is only an office's name: the author of the text under its title
_ORGAN_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,16}(?:办公厅|办公室|研究室|法规局|委员会|宣传部|组织部|研究院|研究中心)$"
    # a ministry, commission or bureau, short as a person's name (财政部, 发改委, 统计局); not
    # 第一部, 各部委, 中西部, 服务大局, 政府工作部署
    r"|^(?![第各])(?!.*(?:[东西南北中]部|[大全格布开结时政]局|部署)$)"
    r"[\u4e00-\u9fff]{2,14}(?:部|委|局|厅|署|政府)$"
    r"|^国务院$"
)


def is_organ(speaker: str) -> bool:
    """Whether a document's speaker is a body (财政部), not a person (朱镕基)."""
    return bool(_ORGAN_LINE.match(speaker) or _ISSUERS.match(speaker))


# a web page's <title> is its headline, among a column's name or keywords split by | (党史学习教育|
# 不忘初心…, …政府工作报告|大力|重点领域), with the site after _ or a space (…_网易订阅, … 广东省
# 人民政府门户网站, …_CmsTop) and after a hook of a few characters (全文来了！)
_SITE_TAIL = re.compile(
    r"_[\u4e00-\u9fffA-Za-z]{2,16}$|\s+[\u4e00-\u9fff]{2,12}(?:网站|客户端|新闻网|门户网|日报网)$"
)
_HOOK = re.compile(r"^[\u4e00-\u9fff]{2,6}[！!]\s*")
MIN_HEADLINE_CHARS = 6  # Han characters a headline keeps (not 2013-04-28 of 2013-04-28_在…的讲话)


def page_headline(title: str) -> str:
    """The headline of a title line a web page's <title> made, without the site's words."""
    title = max(re.split(r"\s*[|｜]\s*", title), key=len)
    for pattern in (_SITE_TAIL, _HOOK):
        shorter = pattern.sub("", title)
        if len(re.findall(r"[\u4e00-\u9fff]", shorter)) >= MIN_HEADLINE_CHARS:
            title = shorter
    return title


# a year a text sets a goal for, not its date (…和二〇三五年远景目标的建议, 到2025年)
_GOAL_YEAR = re.compile(
    r"(?:到|至)?(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年(?=[远遠]景|目[标標])|(?:到|至)(?:19|20)\d\d年"
)
# the year a report looks back on beside the year it plans (关于2020年…预算执行情况与2021年…预算
# 草案的报告): it is the report of the year planned, given at that year's congress
_REVIEWED_YEAR = re.compile(
    r"(?:(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})年[^。]{0,20}?执行情况"
    r"(?=[与和及暨](?:(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})年)"
)


# a span of years a plan covers (纲要(2011—2020年), 规划（2021-2025年）): it is of the first; a
# longer one is a history's (辉煌七十年(1949—2019年)), of its last
_SPAN = re.compile(r"((?:19|20)\d\d)年?\s*[—－\-~～]{1,2}\s*((?:19|20)\d\d)年")
MAX_PLAN_YEARS = 15


def _first_of_span(m: re.Match[str]) -> str:
    first, last = int(m.group(1)), int(m.group(2))
    return f"{first}年" if 0 < last - first <= MAX_PLAN_YEARS else m.group(0)


def _dating(text: str) -> str:
    """The part of a title or subtitle whose years date the text."""
    spans = _SPAN.sub(_first_of_span, simplified(text))
    return _REVIEWED_YEAR.sub("", _GOAL_YEAR.sub("", spans))


def _bracketed(text: str, at: int) -> bool:
    head = text[:at]
    return head.count("（") + head.count("(") > head.count("）") + head.count(")")


_POSTED_AFTER = re.compile(r"\s+(?:作者|编辑|发布时间|信息来源|来源|浏览量)\s*[:：]")


def read_front_matter(doc: str, first: str, following: list[str]) -> FrontMatter:
    """Split the title line and the front-matter lines after it into title and metadata.
    `following` are the document's next lines; the returned `consumed` says how many of
    them were front matter (they are not passages)."""
    title = page_headline(first)
    speaker = subtitle = occasion = ""
    date: tuple[int, int | None, int | None] | None = None
    consumed: list[tuple[str, str]] = []

    m = _SPEAKER_PREFIX.match(title)
    if m:  # 习近平：在…上的讲话
        speaker = m.group(1)
    # the first dash outside brackets (not a range inside them: 每周一学（2021年10月18日—24日）,
    # 纲要(2011—2020年))
    dash = next(
        (
            m
            for m in re.finditer(r"[—－]{1,2}(?=\s*(?:在|\d|[一二][〇○零]))", title)
            if not _bracketed(title, m.start())
        ),
        None,
    )
    if dash and dash.start() >= 4:  # 政府工作报告——2017年3月5日在…上
        # (not the page's posting fields run on after it: 作者: 发布时间:…)
        subtitle = _POSTED_AFTER.split(title[dash.end() :], maxsplit=1)[0].strip()
        title = title[: dash.start()].strip()

    plain_title = unmarked(title)
    pending = ""  # a title broken over two lines
    passed = False  # a date line read so far says a meeting adopted the text
    posted = False  # the date held is a page's posting time (时间:2024-05-19 来源:…) alone
    office = ""  # the speaker's office, as his line gives it (甘肃省代省长)
    lines = [line for line in following[:MAX_FRONT_LINES] if unmarked(line)]
    if (
        len(lines) > 1
        and not _SUBTITLE.match(lines[0])
        and not is_date_line(lines[0])
        and not re.search(r"[。！？!?；;，,：:]|\d", lines[0])
        and len(lines[0]) <= MAX_TITLE_LINE_CHARS
        and unmarked(lines[0]) not in plain_title  # the title again, spaced otherwise
        # …的通报 is whole (not 通知公告更多>> under it), a law too (…国徽法 / 以文本方式查看主题)
        and not (simple := simplified(plain_title)).endswith(TITLE_ENDINGS)
        and not _WHOLE_LAW.fullmatch(simple)
        and (_SUBTITLE.match(lines[1]) or is_date_line(lines[1]) or _OCCASION.match(lines[1]))
    ):
        # a title in two lines, its subtitle or date under them (高举中国特色社会主义伟大
        # 旗帜 / 为全面建设社会主义现代化国家而团结奋斗 / ——在…上的报告)
        title = f"{title} {lines[0].strip()}"
        plain_title = unmarked(title)
    front = following[:MAX_FRONT_LINES]
    broken = broken_history(front)
    for i, line in enumerate(front):
        plain = unmarked(line)
        if not plain or SIDEBAR_LINK.search(line.strip()):  # (a link: another page's day)
            continue
        if i in broken and broken[i] is None:
            consumed.append((line, "日期前半"))  # a piece of a history line read whole below
            continue
        whole = broken.get(i) or line.strip()
        if plain in plain_title or (pending and (pending + plain) in plain_title):
            pending += plain
            consumed.append((line, "标题"))
            continue
        if _SUBTITLE.match(line) or (
            not subtitle and _OCCASION.search(line) and len(line) <= 70 and not line.endswith("。")
        ):
            subtitle = subtitle or _SUBTITLE.sub("", line).strip()
            consumed.append((line, "副标题"))
            continue
        revised = REVISED.match(line) or REVISED.match(whole)
        if is_date_line(line) or revised:
            # a law is the version of its last revision (…通过 / …第四次修正), the last date
            # of a history written on one line (（1993年…通过 2023年…修订）)
            rest = re.sub(r"^[（(]|[）)]$", "", line)
            if revised:
                date, posted = last_full_date(revised.string), False
            elif (passed or posted) and _PASSED.search(rest):
                # adopted again (2004年…通过 / 2022年…通过): the text is the last edition;
                # adopted after a page's posting time: the text's own date, not the copy's
                date, posted = first_date(line) or date, False
            elif date is None:
                date, posted = first_date(line), bool(_POSTED.search(line))
            passed = passed or bool(_PASSED.search(rest))
            if ADOPTED.search(rest) or _AT_MEETING.search(rest):
                occasion = occasion or rest
            consumed.append((whole if i in broken else line, "日期"))
            continue
        if is_issue_line(line):
            consumed.append((line, "刊期"))  # a paper's issue that printed it: when it was printed
            continue
        if is_source_line(line):
            consumed.append((line, "来源"))  # the newspaper or site that printed it
            continue
        if _ORGAN_LINE.match(line.strip()):
            consumed.append((line, "作者"))  # the office that wrote it (中共中央办公厅法规局)
            speaker = speaker or line.strip()
            continue
        name = _NAME_LINE.match(_GLUED_SALUTATION.sub("", line).strip())
        if (
            name
            and len(line) <= MAX_SPEAKER_CHARS + 8
            and not speaker
            and may_be_name(name["name"])
        ):
            speaker = re.sub(r"\s", "", name.group("name"))
            office = name.string[: name.start("name")].strip()
            consumed.append((line, "讲话人"))
            continue
        break

    # a day the title gives in brackets dates the text, not a page's date lines (《…》白皮书
    # (1993年8月31日) on a page printed in 2000); a law's or regulation's, by its revisions
    stated = _DAY_IN_BRACKETS.search(_dating(title))
    if stated and (day := first_date(stated.group(0))) and day[2] and not _is_edition(title):
        date = day
    for text in (subtitle, title, occasion):
        if date is None and text:
            date = first_date(_dating(text))
        found = _OCCASION.search(text) or _AT_MEETING.search(text)
        if found and not occasion:
            occasion = found.group(1)
    # a report every place gives (政府工作报告) is its speaker's place's (甘肃省代省长 任振鹤)
    if not occasion and len(title) <= MAX_GENERIC_CHARS and "报告" in title and is_office(office):
        occasion = office
    issuer = _ISSUERS.match(title)
    if not speaker and issuer:
        speaker = re.sub(r"\s+", " ", issuer.group(1))
    named = _file_date(doc)
    named_years = years_in(PurePath(doc).stem.replace("_", "年 ") + "年")
    file_year = named[0] if named else named_years[0] if named_years else None
    simple_title = simplified(title)  # kind and names are read in Simplified characters
    if date is None and named:
        date = named  # a date the file name gives (戒毒条例(2018-09-18).md), the text none
    elif date and posted and named_years and _is_edition(simple_title):
        # a law's copy posted later (时间:2024-05-19 above 公证法, filed as of 2005): its edition
        date = named or (named_years[0], None, None)
    elif date and file_year and file_year > date[0] + 1 and _is_edition(simple_title):
        # a law's file named for a later edition than its header dates, past the year it takes
        # effect (民法典_2021): the header lost the revision's line (社会团体登记管理条例
        # (2016-02-06).md opening with the 1998 decree alone)
        date = named or (file_year, None, None)
    year = date[0] if date else None
    if year is None:
        found_years = years_in(_dating(title)) or named_years
        year = found_years[0] if found_years else None
    kind = kind_of(simple_title, simplified(subtitle))
    if not kind and _national_law(
        simple_title, [line for line, what in consumed if what == "日期"]
    ):
        kind = "法律"
    meta = DocumentMeta(
        subtitle=subtitle,
        occasion=occasion,
        speaker=speaker,
        date=iso(date) if date else (str(year) if year else ""),
        year=year,
        kind=kind,
    )
    meta = replace(meta, names=derived_names(simple_title, meta))
    return FrontMatter(title, meta, tuple(consumed))
