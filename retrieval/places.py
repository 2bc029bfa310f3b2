"""Which places a document's title or a question names: 绍兴 of 绍兴市人民政府…, 北京市 of
2026年北京市政府工作报告; not the country (全国, 中国) nor a common noun jieba tags a place
(城市 of 城市市容和环境卫生管理条例)."""

from __future__ import annotations

import re
from functools import cache

from retrieval.metadata import PROVINCE_SHORT, REGION_PEOPLE
from retrieval.normalize import fold
from retrieval.segment import default_segmenter, word_tags

# words for the whole country or world, which name no place's documents
_COUNTRY = ("中国", "全国", "我国", "中华", "中华人民共和国", "国内", "国外")
NATIONAL = frozenset((*_COUNTRY, "世界", "全球", "亚洲", "中央"))
# a place spelled with its administrative ending (浙江省; 广西壮族自治区, named without its
# people: 广西)
SPELLED_PLACE = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?){REGION_PEOPLE}(?:省|市|自治区|特别行政区)")
_ADMINISTRATIVE = ("省", "市", "县", "区", "州", "自治区", "自治州")


@cache
def places_of(title: str, subtitle: str, occasion: str) -> frozenset[str]:
    """The places a document's title, subtitle or occasion spell out (浙江 of 浙江省…)."""
    folded = fold(" ".join((title, subtitle, occasion)))
    text = re.sub(r"\d{4}年", "", folded)
    places = {_named(m.group(1)) for m in SPELLED_PLACE.finditer(text)}
    if _LOCAL_REPORT.search(text):  # a county's report or congress: its county is its place
        places |= _counties(text)
    else:  # or its own party committee or conference meeting (澧县县委…全会, 渠县第十五届委员会)
        places |= _counties(text, _OWN_COMMITTEE)
    places |= _towns(folded)  # (with its years: 2024年木棠镇, 金华镇2023年度)
    return frozenset(p for p in places if p and p not in NATIONAL)


# the genres a county or district writes as a place (its report, its congress); elsewhere 贫困县,
# 山区 or 新区 are what a text is about, not where it is from
_LOCAL_REPORT = re.compile(r"政府工作报告|人民代表大会|人代会")
# a county's own committee right after its name (澧县县委, 渠县第十五届委员会, 澧县委员会); not a
# county a ministry's or city's committee speaks of (…委员会关于命名大宁县等…, 省委全会在西湖区召开)
_OWN_COMMITTEE = re.compile(r"[县区旗]?委(?!托)|第[一二三四五六七八九十]+届|委员会")
# a county's or district's name with its ending, as jieba's dictionary holds it: 大宁县,
# 汉滨区 (ns), and counties it files as common or personal nouns (代县, 交口县, 化德县); not
# 全县, 本县, 各县区, nor 城区, 社区 (nouns ending in 区)
_COUNTY_END = re.compile(r"[县区旗]")
_QUANTIFIERS = frozenset("各全本该每")  # 各省市, 全市, 全县: every place, none named
_NOT_COUNTY = _QUANTIFIERS | frozenset("我外邻一两郡州市省县区旗")  # 各县区, 外县, 澧县县委
# nouns jieba files as places that name no county (粤港澳大湾区, 国家级新区, 产粮大县)
_KINDS_OF_PLACE = frozenset(
    (
        "山区",
        "苏区",
        "湾区",
        "新区",
        "大县",
        "郡县",
        "强县",
        "百强县",
        "贫困县",
        "示范县",
        "自治县",
        "自治旗",
    )
)
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _counties(text: str, followed: re.Pattern[str] | None = None) -> set[str]:
    """Counties of a title (`followed`: only those right before what it matches)."""
    tags = word_tags()
    found = set()
    for m in _COUNTY_END.finditer(text):
        if followed and not followed.match(text, m.end()):
            continue
        for start in range(max(0, m.end() - 4), m.end() - 1):
            token = text[start : m.end()]
            if token in _KINDS_OF_PLACE:
                continue  # (土家族自治县: the county is the longer name, or none)
            tag = tags.get(token)
            county = tag == "ns" or (token[-1] == "县" and tag in ("n", "nr"))
            if _HAN.fullmatch(token) and county and token[0] not in _NOT_COUNTY:
                # and by its name alone where that is a word of two characters or more (陵川 of
                # 陵川县; not 夏 of 夏县, nor 浦东新 of 浦东新区)
                stem = token[:-1]
                found |= {token, stem} if len(stem) > 1 and tags.get(stem) else {token}
                break
    return found


# a town or township by the two characters before its ending, said as a body's or meeting's
# (木棠镇人民政府, 在木洞镇第二十届人民代表大会, 大孟镇党委); not 城镇 or 乡村 in a sentence
# (城市街道办事处, 北京市街道…: a word of general Chinese, or the tail of a longer name, is none)
_TOWN = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[区县市在共年于对和与]))([\u4e00-\u9fff]{2})(镇|乡|街道)"
    r"(?=人民政府|人民代表大会|政府|人大|党委|委员会|办事处|第|\d)"
)
_COMMON_STEM = 1000  # jieba's frequency of 城市 is far above; of 东华, 大东 below


def _towns(text: str) -> set[str]:
    found = set()
    for m in _TOWN.finditer(text):
        stem = m.group(1)
        common = default_segmenter().frequency(stem) >= _COMMON_STEM
        kind = stem in _KINDS_OF_PLACE  # 新区街道办事处: a kind of place, none named
        if stem[0] not in _NOT_COUNTY and not stem.endswith(("乡", "镇")) and not common | kind:
            found |= {stem, stem + m.group(2)}
    return found


def _named(run: str) -> str:
    """The place's name that ends the run before an administrative ending: its longest tail
    that is one (广东 of 王伟中在广东省); "" for a common word before a word (城市 / 市容 of
    城市市容…条例)."""
    tails = (run[start:] for start in range(len(run) - 1))
    return next((t for t in tails if is_place_name(t)), "")


def is_place_name(token: str) -> bool:
    """Whether a place jieba tags or a title spells is a place's name: a province (澳门), one
    jieba tags a place with an administrative ending (绍兴 / 绍兴市, 内蒙古 / 内蒙古自治区), or
    a place that has one (浦东新区); not a common noun it tags a place (城市, 海洋), nor one
    whose ending makes another common noun (开发 / 开发区, 工业 / 工业区)."""
    if token in PROVINCE_SHORT:
        return True
    tags = word_tags()
    if len(token) >= 3 and token.endswith(_ADMINISTRATIVE):
        return tags.get(token) == "ns"
    return any(tags.get(token + ending) == "ns" for ending in _ADMINISTRATIVE)


def place_before(text: str, end: int) -> str:
    """The place spelled with its ending right before `end` in `text`, a 的 or 《 between
    (广东省 of 广东省的盐业管理条例, 新疆维吾尔自治区 of …自治区《…条例》), or ''."""
    head = text[:end].removesuffix("《").removesuffix("的")
    ending = re.search(rf"{REGION_PEOPLE}(?:省|市|自治区)$", head)
    if not ending:
        return ""
    for size in (4, 3, 2):  # the longest stem that is a place: 黑龙江 (not 龙江), 广东 of 在广东
        stem = head[ending.start() - size : ending.start()]
        if len(stem) == size and stem not in NATIONAL and is_place_name(stem):
            return stem + ending.group(0)
    return ""


_ASKED_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2,5}?)(省|市|自治区)?(?:今年|去年)?(?:的|级)?(?:政府工作报告|政府报告)"
)


def place_stem(place: str) -> str:
    """北京市 → 北京, 广西自治区 → 广西: the place as its documents' tokens hold it."""
    return re.sub(r"(省|市|自治区)$", "", place)


def asked_place(folded: str) -> str:
    """The place whose report a question names (北京市 in 2026年北京市政府工作报告, 西藏 in
    西藏政府工作报告): a place name, not 哪个省."""
    # 广西壮族自治区 is 广西's, as 广西省 would be
    text = re.sub(f"{REGION_PEOPLE}自治区", "省", re.sub(r"\d{4}年", "", folded))
    for m in _ASKED_PLACE.finditer(text):
        run, suffix = m.group(1), m.group(2) or ""
        for start in range(len(run) - 1):  # 的北京市: the place is the tail
            stem = run[start:]
            if stem in NATIONAL or stem[0] in _QUANTIFIERS:
                continue  # 中国政府工作报告 is the nation's; 各省市 names no place
            # with 省/市 said, a proper noun (a city jieba does not tag ns); without, a place
            # (or tags it a place with its suffix only: 大连市, not 大连)
            proper = bool(suffix) and any(
                default_segmenter().proper_nouns(name) == [name] for name in (stem, stem + suffix)
            )
            if stem in PROVINCE_SHORT or proper or default_segmenter().is_place(stem):
                found = stem + suffix
                return found if found in folded else f"{stem}自治区"
    return ""


# which place's text says it (哪个省的政府工作报告): not a place asked of the text (哪个城市加入)
_WHICH_PLACE = re.compile(
    r"哪(?:个|一个)?(?:省|市|县|区|地方|地区|城市)(?:的|级)?(?:政府工作报告|政府报告|报告|讲话)"
)


def asks_which_place(folded: str) -> bool:
    """Whether a question asks which place's text it is (哪个省的政府工作报告提的)."""
    return bool(_WHICH_PLACE.search(folded))
