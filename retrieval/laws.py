"""Regulations and laws a question names (公务员法, 《中国共产党问责条例》, 这个档案条例) and
the short forms people use for them (档案条例 for 干部人事档案工作条例)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from retrieval.dates import CN_NUMBER, RELATIVE_YEARS
from retrieval.metadata import _ISSUERS, KIND_WORDS, NOT_LAW_BEFORE_FA
from retrieval.model import Document
from retrieval.normalize import fold, plain_text

ABBREVIATION_SHARE = 0.85  # of a regulation's short name, characters found in its full name

_BOOK = re.compile(r"《([^》]{4,30})》")
_LAW_KINDS = (*KIND_WORDS, "法", "纲要", "公约")


# the note of an edition after a title (《…条例(试行)》, 《…纲要(2020—2025年)》)
EDITION_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")


def _book_title(folded: str) -> str:
    """A document the question names by its title in 《》 (a law, a regulation)."""
    m = _BOOK.search(folded)
    return m.group(1) if m and m.group(1).endswith(_LAW_KINDS) else ""


def book_titles(folded: str) -> list[str]:
    """Every title the question gives in 《》, without the note of its edition."""
    return [EDITION_NOTE.sub("", m.group(1)) for m in _BOOK.finditer(folded)]


_IMPLEMENTED = re.compile(r"实施《([^》]{1,30})》(?=(?:若干)?(?:办法|条例|细则|规定))")


@lru_cache(maxsize=256)  # a question is read for the laws it names more than once
def law_names(folded: str) -> tuple[str, ...]:
    """Regulations and laws a question names: in 《》, or as the nouns that end in 条例,
    准则, 章程 or a law's 法 (公务员法, 这个档案条例 → 档案条例), not a word that only
    ends in 法 (提法, 方法, 法院)."""
    from retrieval.segment import default_segmenter, word_tags

    names = [t] if (t := _book_title(folded)) else []
    segmenter = default_segmenter()
    # a law quoted inside the name of a text implementing it is part of that name
    # (北京实施《种子法》办法); other quoted titles stand apart
    unquoted = _IMPLEMENTED.sub(r"实施\1", folded)
    words = _unglued([w for w, _ in segmenter.words(re.sub(r"《[^》]*》", "，", unquoted))])
    for i, word in enumerate(words):
        # a law's 法 glued by jieba to 规定 after it (监察法规定 → 监察 / 法规 / 定)
        glued = word == "法规" and i + 1 < len(words) and words[i + 1].startswith("定")
        # or to a place word, preposition or particle after it, as no dictionary word
        # (科技进步 / 法里, 监察 / 法中; not 法援, a word of its own)
        stuck = (
            len(word) == 2
            and word[0] == "法"
            and not segmenter.frequency(word)
            and word_tags().get(word[1], "x")[0] in "fpuc"
        )
        before = word[:-2] or (words[i - 1] if i > 0 else "")
        lawlike = (
            word in ("条例", "准则", "章程")
            # (a 法 cut from a word naming no law: 最高 / 法, 以案释 / 法; 适用 / 法 is a law's)
            or (word == "法" and not (i > 0 and words[i - 1][-1] in _NO_LAW_BEFORE_CUT_FA))
            or (len(word) > 2 and word.endswith(("条例", "准则", "章程")))  # 管理条例, one word
            or (len(word) >= 3 and word.endswith("法") and word[-2] not in NOT_LAW_BEFORE_FA)
            # 机关事务管理办法, 实施细则, 工作规则: not 解决办法 or 游戏规则
            or (word.endswith(_RULE_WORDS) and before.endswith(_RULE_MAKERS))
            # a text implementing a law, named with the law's short name (北京实施水法办法,
            # 浙江省实施道交法办法)
            or (
                word in _RULE_WORDS and before.endswith("法") and "实施" in words[max(0, i - 4) : i]
            )
        )
        if not (lawlike or glued or stuck):
            continue
        if len(word) >= 3 and word.endswith("法") and not glued and not stuck:
            if word[:-1] in _EDITIONS:
                continue  # 现行法: the law in force, whichever it is
            if word[0] in _OLD_OR_NEW and not segmenter.frequency(word):
                word = word[1:]  # 老矿法, glued as no word: the old 矿法
        start = i
        while start > 0 and (_in_name(words[start - 1]) or _joins_nouns(words, start - 1)):
            start -= 1
        # a name starts with a noun, or with how the text was made (实施条例)
        made = i > 0 and words[i - 1] in _RULE_MAKERS
        # nor with a word citing or dating it (哪一版保密法, 按新保密法)
        # (an adjective used as a noun or a distinguishing word begins one before a noun of
        # it: 危险 / 化学品 / 安全法, 民营 / 经济 / 促进法; not right before the kind, 主要条例)
        while start < i - made and (
            not (_nominal(words[start]) or (start < i - 1 and _attributive(words[start])))
            or _cites(words[start])
        ):
            start += 1
        if 0 < start < i and words[start - 1] == "反":
            start -= 1  # an anti- law's own first word (反 / 家暴 / 法: 反家庭暴力法)
        # nor with a place before an edition's word right before the kind (上海旧条例: 上海's old
        # one; not 北京市新材料产业促进条例)
        if i > start and words[i - 1] in _OLD_OR_NEW:
            start = i
        while start < i and words[start] in _VERSIONS:
            start += 1
        # the measure word of a pointer (那 / 部 / 阅读条例) is no part of a name; a place's or
        # a body's text asked which (哪个城市条例, 哪个地方阅读条例) names none
        pointer = words[start - 1] if start > 0 else ""
        if start < i and words[start] in _MEASURES and pointer.startswith(_DEMONSTRATIVES):
            start, pointer = start + 1, pointer + words[start]
        if pointer.startswith("哪") and start < i and words[start] in _WHICH_HEADS:
            continue
        # 按 inside: what follows it is the name (情况 / 按人 / 遗 / 条例, 情况按档案条例)
        start = next(
            (k for k in range(i - 1, start, -1) if words[k] == "按" or _glued_an(words[k])),
            start,
        )
        start += start < i and words[start] == "按"
        name = "".join(w for w in words[start:i] if w not in _EDITIONS)
        head = words[start] if start < i else ""
        if _glued_an(head):
            name = name[1:]
        name += "法" if glued or stuck else word
        # a law's name inside a local text's (浙江实施村委会组织法办法, 实施种子法的办法): its
        # kind follows
        kind_at = i + 2 if i + 1 < len(words) and words[i + 1] == "的" and "实施" in name else i + 1
        if name.endswith("法") and kind_at < len(words) and words[kind_at] in ("办法", "条例"):
            name += words[kind_at]
        # a short law (监察法) counts where it is cited: before 规定 or an article, or
        # after a word citing it (按, 根据) or dating its edition (新, 2010年版, 2024年)
        after = words[i + 1] if i + 1 < len(words) else ""
        cited = (
            glued
            or after.startswith(("规定", "第"))
            or _dated_after(words[i + 1 : i + 5])
            or (
                not after.startswith(LONGER_NAME)  # 修订后的保密法实施条例 names the 条例 alone
                and (
                    (start > 0 and _cites(words[start - 1]))
                    or (i > 0 and _cites(words[i - 1]))
                    # its edition said before it (2020年修正的选举法), not a method's
                    # (马克思主义的辩证法)
                    or (start > 0 and words[start - 1] == "的" and _edition(words[: start - 1]))
                )
            )
        )
        if _MAKERS.sub("", _ISSUERS.sub("", name)) in KIND_WORDS or _organs_kind(name):
            continue  # who made it and a kind (国务院条例, 国家条例, 交通部暂行办法), no name
        # (or a word of its own no dictionary knows: 未保法, a short name as people say it)
        unknown = name == word and not segmenter.frequency(word)
        if len(name) >= 4 or (
            (cited or unknown) and len(name) == 3 and name[-2] not in NOT_LAW_BEFORE_FA
        ):
            names.append(name)
    return tuple(names)


# the level a text was made at, said instead of its name (国家条例: the national one)
_MAKERS = re.compile(r"^(?:国家|全国|中央|地方|省里|市里|省|市|县|本省|本市)的?")
# which edition, said inside a name (北京现行审计条例): no part of it
_EDITIONS = frozenset(("现行", "新版", "旧版", "老版", "最新", "修订后", "年版", "版", "正式版"))
_MEASURES = frozenset("部个份项条本篇")  # after 那, 这 or 哪: 那部, 这个
_WHICH_HEADS = frozenset(("城市", "地方", "省", "市", "县", "地区", "省份", "部门", "单位", "国家"))
# which version, said before a name (老版本合作社法, 哪个版本条例); inside one it is the name's
# (软件版本管理条例)
_VERSIONS = frozenset(("版本", "原版", "老版本", "旧版本", "新版本"))
_RULE_WORDS = ("办法", "细则", "规则")
# the words before 办法/细则/规则 that make them a regulation's name
_RULE_MAKERS = ("管理", "实施", "工作", "议事", "暂行", "试行", "学习")
_NO_LAW_BEFORE_CUT_FA = frozenset("高释")
# what is done to a law, said before its name (修改人口计生法, 废止…条例)
_ACTS = frozenset(
    ("修改", "修正", "修订", "废止", "制定", "通过", "颁布", "公布", "出台", "印发", "报道", "除了")
)
# words that point at a text rather than name it (这是条例, 那个办法)
_DEMONSTRATIVES = ("这", "那", "哪")
# words that introduce a regulation's name, not part of it (按档案条例, 根据…条例)
_INTRODUCERS = frozenset(
    ("按", "按照", "根据", "依据", "依照", "据", "对照", "违反", "是", "有", "说")
)
_OLD_OR_NEW = frozenset(("新", "旧", "老", "原"))
_CITING = _EDITIONS | _INTRODUCERS - {"是", "有", "说"} | {"年"} | _OLD_OR_NEW - {"原"}
# what continues a law's name into a longer one's (保密法实施条例, 北京实施水法办法)
LONGER_NAME = ("实施", "条例", "细则", "办法")


SHORT_LAW_RARE = 100  # jieba's frequency below which X法 may be a law's short name (消法 22)
# a character that makes X法 a kind of law or an edition, not a name (旧法, 本法, 该法, 党法)
_NOT_SHORT = frozenset("新旧老原本该此这那其各前后上下全党国")


def two_character_laws(folded: str) -> tuple[str, ...]:
    """Words of two characters ending in 法 that general Chinese barely knows (消法 for
    消费者权益保护法): short names only if one law held abbreviates to them."""
    from retrieval.segment import default_segmenter

    segmenter = default_segmenter()
    return tuple(
        w
        for w, _ in segmenter.words(folded)
        if len(w) == 2
        and w[1] == "法"
        and w[0] not in _NOT_SHORT
        and segmenter.frequency(w) < SHORT_LAW_RARE
    )


def _edition(words: Sequence[str]) -> bool:
    """Whether the words end by saying how a text's edition was made: 修正, 修订 / 后, 通过."""
    said = "".join(words[-2:]).removesuffix("后")
    return said.endswith(("修正", "修订", "修改", "通过", "颁布", "公布"))


# an edition said right after a name (老年法2015年修正本, 保密法2010年版, 公司法修订版)
_EDITION_AFTER = re.compile(r"\d{2,4}年|(?:修正|修订|修改)[本版]|[新旧老]?版本?")


def _dated_after(words: Sequence[str]) -> bool:
    """Whether the words after a name say its edition: 2015年修正本, 2010年版, 修订版."""
    return bool(_EDITION_AFTER.match("".join(words)))


def _cites(word: str) -> bool:
    """Whether a word cites or dates the law after it: 按, 根据, 新, 2010年版, 哪一版, and
    按新 as jieba glues it."""
    return (
        word in _CITING
        or word.endswith("版")
        or (word[:-1] in _INTRODUCERS and word[-1:] in _CITING)
    )


def _joins_nouns(words: Sequence[str], k: int) -> bool:
    """Whether words[k] is 与/和/及 between two nouns of one name (基本医疗卫生与健康促进法),
    not between two names (问责条例与纪律处分条例)."""
    return (
        words[k] in ("与", "和", "及")
        and k > 0
        and _nominal(words[k - 1])
        and not words[k - 1].endswith(KIND_WORDS)
        and not words[k - 1].endswith("法")
        and words[k - 1] not in ("法律", "法规")  # 本地法律和国安法: two texts
    )


_MADE_KIND = re.compile(rf"(?:暂行|试行|实施|管理)?(?:{'|'.join(KIND_WORDS)})")


# a ministry, commission or bureau by its short name (交通部, 住建部, 发改委, 统计局); not 干部
_MINISTRY = re.compile(r"[\u4e00-\u9fff]{1,6}(?<![干内全外东西南北中])(?:部|委|局|厅|署)")


def _organs_kind(name: str) -> bool:
    """A ministry or bureau and a kind of text (交通部暂行办法, 民政部规定): who made it, not
    its name (not 交通运输部门规章管理办法, whose kind words follow other words)."""
    return any(
        _MINISTRY.fullmatch(name[:k]) and _MADE_KIND.fullmatch(name[k:])
        for k in range(2, len(name) - 1)
    )


def _unglued(words: list[str]) -> list[str]:
    """The words with a number's 年, 年度 or 版 that jieba glued to the next word parted from
    it (2000 / 年老 / 版本 / 杭州公园条例, 15 / 版武 / 科大章程, 2024 / 年度预算): a year or
    an edition, then a name."""
    out: list[str] = []
    for word in words:
        unit = _NUMBER_UNIT.match(word) if out and _NUMBER.fullmatch(out[-1]) else None
        if unit and unit.end() < len(word):
            out += [unit[0], word[unit.end() :]]
        else:
            out.append(word)
    return out


_NUMBER = re.compile(rf"\d+|[{CN_NUMBER}]+")
_NUMBER_UNIT = re.compile(r"年度|年版|年|版")


def _glued_an(word: str) -> bool:
    """按 glued by jieba to a name's first character, as no word (按人 / 遗 / 条例; not 按揭
    of 按揭贷款管理条例)."""
    from retrieval.segment import default_segmenter

    return len(word) == 2 and word[0] == "按" and not default_segmenter().frequency(word)


def _in_name(word: str) -> bool:
    """Whether a word before 条例 can be part of the name: a noun or domain word, or a verb
    of the name (党政领导干部选拔任用工作条例), not a function word or an introducer."""
    from retrieval.segment import ASPECT_PARTICLES, default_segmenter, stopwords

    if word in stopwords() or word in RELATIVE_YEARS:  # 是不是, 今年: the question's own
        return False
    if word.startswith(_DEMONSTRATIVES):  # 这是条例第几条: points at a text, names none
        return False
    if word in _ACTS:  # 全国人大常委会修改人口计生法: what was done to the law, not its name
        return False
    if word[-1] in ASPECT_PARTICLES and len(word) > 1 and not default_segmenter().frequency(word):
        return False  # a verb jieba glued to its aspect (社团改了章程: 改了), no word of a name
    if _nominal(word):
        return True
    return bool(re.fullmatch(r"[\u4e00-\u9fff]+", word)) and word not in _INTRODUCERS


def _attributive(word: str) -> bool:
    """An adjective used as a noun or a distinguishing word (jieba's an and b: 危险, 民营)."""
    from retrieval.segment import word_tags

    return word_tags().get(word) in ("an", "b")


def _nominal(word: str) -> bool:
    """A word that can be part of a regulation's name: a noun or a domain word, or a stage
    of life jieba tags a time (老年 of 老年法, 青年), not a year pointed at (今年, 近年)."""
    from retrieval.segment import default_segmenter, word_tags

    if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    if default_segmenter().nominal(word):
        return True
    return bool(_LIFE_STAGE.fullmatch(word)) and word_tags().get(word) == "t"


# a life stage, 老年 or 青年; a year pointed at starts otherwise (今年, 近年, 每年, 历年)
_LIFE_STAGE = re.compile(r"[^今明去前后近往当同次每历全半上下本该]年")


LAW_ENDINGS = ("条例", "准则", "章程", "法")
# a character making 法 the start of another word (法人, 法院, 法定); not 规 (公司法规定)
LAW_WORD_ON = "[人律院治制定官学庭典务]"
_PLACE_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:省|市|自治区)")


def generic(law: str) -> bool:
    """Whether a name is only a kind and how it was made (管理条例, 暂行办法, 实施细则): the
    one such text a corpus holds, never a text it lacks."""
    return law[:-2] in _RULE_MAKERS and law.endswith((*LAW_ENDINGS, *_RULE_WORDS))


_VAGUE = re.compile(r"^(?:具体|相关|有关|配套)")  # 具体实施办法: whichever there is
# a place said by its administrative name (北京市, 江苏省), not a sight (西湖, 黄河)
_ADMINISTRATIVE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|市|县|区|自治区|自治州)")
# kinds of body, each with a charter of its own (not 少先队 or 工会: one body's charter)
_BODY_KINDS = re.compile(
    r"^(?:社团|社会团体|基金会|(?:股份有限|有限责任)?公司|企业|学校|高校|协会|商会"
    r"|(?:农民专业)?合作社)章程$"
)
_APPLIES = re.compile(r"^.*?适用(?=.)")  # X适用暂行办法吗: whether X falls under it


def names_no_text(law: str) -> bool:
    """Whether a name read from a question names no particular text a corpus could lack: a
    kind (`generic`) said vaguely (具体实施办法), of a place (北京市实施细则: its text of that
    kind) or as what something falls under (服务适用暂行办法吗), or the charter of a kind of
    body (社团章程: each body's own, not 中国共产党章程, 少先队章程 or 中山大学章程)."""
    from retrieval.segment import default_segmenter

    place = _ADMINISTRATIVE_PLACE.match(law)
    if place and not default_segmenter().is_place(place.group(0)):
        place = None  # (住宅小区, 开发区: no place)
    rest = _APPLIES.sub("", law[place.end() :] if place else law)
    return generic(_VAGUE.sub("", rest)) or bool(_BODY_KINDS.match(law))


def names_a_held_law(law: str, held: Sequence[str]) -> bool:
    """Whether `law`, as a question names it, is one of the texts whose names are `held`:
    by a short form of one, or by its end where the question runs it together with what
    comes before. After a verb or preposition the end may be a short form too (执法检查发现
    防震减灾法, 依照…节能法); after a national issuer it must be the held name itself
    (全国人大防震减灾法), since 国家安全法 or 国务院组织法 is a law of its own, not 安全法 or
    组织法. Not after a noun or a verbal noun (治安管理处罚法 is no 行政处罚法), nor for a
    place's text (北京市保守国家秘密条例 is not the nation's 保密 rules)."""
    if abbreviates_any(law, held):
        return True
    ends = _said_ends(law)
    whole = {n.removeprefix("中华人民共和国") for n in held} if ends else set()
    return any(tail in whole if issued else abbreviates_any(tail, held) for tail, issued in ends)


@lru_cache(maxsize=256)  # one name met by every held text's names in turn
def _said_ends(law: str) -> tuple[tuple[str, bool], ...]:
    """The ends of a law's name after a verb or preposition (False) or a national issuer
    (True), as `names_a_held_law` reads them; none for a place's text."""
    if _PLACE_PREFIX.match(law):
        return ()
    from retrieval.segment import default_segmenter, word_tags

    words = [w for w, _ in default_segmenter().words(law)]
    tags = word_tags()
    ends = []
    for k in range(1, len(words)):
        head, tail = "".join(words[:k]), "".join(words[k:])
        if len(tail) < 3 or generic(tail):
            continue
        # (or after a word no dictionary knows that ends in one, which jieba made of a name
        # and the verb after it: 何毅亭作 / 家庭教育法; not a new noun, 网约车 / 安全法)
        before = words[k - 1]
        if tags.get(before, "x") in ("v", "p") or (
            len(before) > 2 and before not in tags and tags.get(before[-1], "x") in ("v", "p")
        ):
            ends.append((tail, False))
        if head in _NATIONAL_ISSUERS:
            ends.append((tail, True))
    return tuple(ends)


_NATIONAL_ISSUERS = frozenset(("国家", "全国", "全国人大", "国务院", "中央"))


def abbreviates_any(short: str, names: Sequence[str]) -> bool:
    return any(abbreviates(short, n) for n in names)


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is a short form of `name`: the same kind word at the end (条例, 法)
    and nearly all of its characters in it."""
    # the issuer every party regulation shares (中国共产党…条例) tells none from another
    short, name = _ISSUERS.sub("", plain_text(short)), _ISSUERS.sub("", name)
    kind = next((k for k in LAW_ENDINGS if short.endswith(k)), "")
    if not kind or not name.endswith(kind) or len(short) <= len(kind):
        return False
    if name.endswith("办法") and not short.endswith("办法"):
        return False  # 消法 (a law) is no 处罚办法
    place = _PLACE_PREFIX.match(short)
    if place and place.group(1)[:2] not in name:
        return False  # 浙江省…条例 is not 山东省…条例, however alike the rest
    return sum(ch in name for ch in short) >= ABBREVIATION_SHARE * len(short)


OPENING_PASSAGES = 5  # a document says what it holds in its first few passages
# a line that is a regulation's title (党员教育管理工作条例（节选）) in a bundle holding it
_TITLE_LINE = re.compile(
    r"^《?([^《》，。：:]{4,40}(?:条例|准则|规定|办法|细则|规则|章程))》?(?:[（(](?:节选|摘要|摘编|全文)[）)])?$"
)


_SHORTENED = re.compile(r"《([^《》]+)》\s*[（(]以下简称")
# the clause before a title saying the text rests on it (根据…, 为贯彻实施…): no text it is on
_BASIS = re.compile("根据|依据|按照|依照|遵照|遵守|适用|为了?(?:贯彻|实施|落实|执行)|贯彻落实")


def rests_on(text: str, at: int) -> bool:
    """Whether the clause before position `at` of a text says it rests on what stands there
    (根据《…》, 为贯彻实施《…》): a text named so is cited, not spoken of."""
    return bool(_BASIS.search(re.split("[。！？，,；;]", text[:at])[-1]))


# a newspaper or journal an opening names (《人民日报》发表评论员文章) is no text it introduces
_PERIODICALS = ("报", "刊", "杂志", "网")


def law_titles(document: Document) -> tuple[str, ...]:
    """Names of the regulations a document holds, beside its own names: its top-level
    headings, the regulations its opening passages name (a study bundle introduces the regulation it
    holds: 中共中央印发了修订后的《中国共产党纪律处分条例》…) and any line that is a
    regulation's title alone (a bundle's excerpt of one)."""
    # before the first heading: a regulation's own articles cite the laws it rests on; and
    # the one text it introduces (…印发了修订后的《…条例》，《人民日报》…), not several it
    # speaks of (a meeting's report: 审议《…制度》《…规划》…《…法》)
    folded = _opening(document)
    # (one text however named: 《中华人民共和国国家公园法》 then 《国家公园法》, 《中国共产党纪律
    # 处分条例》 then 《纪律处分条例》, by its longest name)
    titles = [
        plain_text(t)
        for t in outer_titles(folded)
        if 4 <= len(t) <= 40 and not t.endswith(_PERIODICALS)
    ]
    cores = {title_core(t) for t in titles}
    introduced = {max(titles, key=len)} if len(cores) == 1 else set()
    return (
        tuple(plain_text(h.path[0]) for h in document.headings if len(h.path) == 1)
        + tuple(introduced | set(_shortened(folded)))
        + tuple(
            plain_text(m.group(1)) for p in document.passages if (m := _TITLE_LINE.match(p.text))
        )
    )


def shortened_titles(document: Document) -> tuple[str, ...]:
    """The texts a document's opening gives a short name to, as a page on one does
    (《江西省林长制条例》(以下简称《条例》), then the other texts it speaks of): the texts it is
    on, whatever their kind; not those its clause says it rests on (本年度报告根据《…条例》(以下
    简称《条例》)和《…规定》…, 为贯彻实施《森林法》(以下简称…)), nor one it only passes on
    (会议传达学习了《…暂行规定》)."""
    return _shortened(_opening(document))


def _shortened(folded: str) -> tuple[str, ...]:
    return tuple(
        plain_text(m.group(1))
        for m in _SHORTENED.finditer(folded)
        if 4 <= len(m.group(1)) <= 40 and not rests_on(folded, m.start())
    )


def _opening(document: Document) -> str:
    """A document's passages before its first heading, of the first few, folded."""
    return fold(" ".join(p.text for p in document.passages[:OPENING_PASSAGES] if not p.section))


def title_core(title: str) -> str:
    """A title as compared: plain, without the issuer or the state's name before it, nor
    the note of its edition after it (中华人民共和国反食品浪费法, 中国共产党宣传工作条例,
    …条例（试行）); a place's name stays (北京市物业管理条例 is not the nation's)."""
    plain = plain_text(EDITION_NOTE.sub("", fold(title))).removeprefix("中华人民共和国")
    return _ISSUERS.sub("", plain)


def outer_titles(text: str) -> list[str]:
    """The titles in 《》 a text names, each whole with the titles nested in it (《关于修改
    《X实施《Y法》办法》的决定》 names the 决定, not a broken 关于修改…Y法)."""
    titles, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth, start = depth + 1, i + 1 if depth == 0 else start
        elif ch == "》" and depth:
            depth -= 1
            if not depth:
                titles.append(text[start:i])
    if depth:  # a 《 never closed (a passage cut short): the titles after it, each alone
        titles += re.findall(r"《([^《》]+)》", text[start:])
    return titles


def quotes_article(document: Document, law: str, article: str) -> bool:
    """Whether a document names the law and cites the article (《条例》第二十八条): after a
    title or the law's name, not as one of its own articles."""
    texts = [p.text for p in document.passages]
    cited = re.compile(rf"(?:》|{re.escape(law)})\s*{re.escape(article)}")
    return any(law in t for t in texts) and any(cited.search(t) for t in texts)
