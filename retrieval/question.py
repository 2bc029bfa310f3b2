"""A question read into what it is searched with: its words, each with the index terms
and synonyms that count as finding it, and its character pairs.

Year expressions become one word (2019), question words stand apart from their
neighbours, and the words that name the documents a question asks about can be set aside
when ranking inside them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from retrieval.dates import CN_NUMBER, canonical_years, chinese_number, cn_numeral
from retrieval.history import EDITION_NOUN
from retrieval.index import SearchIndex
from retrieval.normalize import fold
from retrieval.segment import ASPECT_PARTICLES, Segmenter, stopwords
from retrieval.synonyms import synonyms
from retrieval.targets import Target

if TYPE_CHECKING:
    from retrieval.search import Ranking

MAX_QUESTION_CHARS = 200  # longer input is cut: nobody's question is longer, pasted text is
STRUCTURE_WORD_WEIGHT = 3.0  # a word this telling asks about content, not structure


@dataclass(frozen=True)
class Word:
    """A word of the question and every index term that counts as finding it."""

    text: str
    terms: frozenset[str]  # the word and the dictionary words inside it
    expansions: frozenset[str]  # synonyms: found at a lower weight
    # a word the corpus never uses: the thesaurus's synonyms of it the corpus does use,
    # found at a lower weight and, being another word, counted as part of it
    kin: frozenset[str] = frozenset()

    # Worked out once per question, not for each of the pool's 200 passages.
    @cached_property
    def spellings(self) -> tuple[str, ...]:
        """The word and its synonyms: what finds it whole in a text."""
        return tuple({self.text} | self.expansions)

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """The dictionary words inside it, itself excepted."""
        return tuple(self.terms - {self.text})


@dataclass(frozen=True)
class Query:
    words: tuple[Word, ...]
    bigrams: tuple[str, ...]

    def weights(self, ranking: Ranking) -> dict[str, float]:
        weights: dict[str, float] = {}
        for bigram in self.bigrams:
            weights[bigram] = weights.get(bigram, 0.0) + ranking.bigram_weight
        for word in self.words:
            for term in word.terms:
                weights[term] = weights.get(term, 0.0) + 1.0
            for term in (word.expansions | word.kin) - word.terms:
                weights[term] = max(weights.get(term, 0.0), ranking.synonym_weight)
        return weights

    @property
    def all_terms(self) -> set[str]:
        """Every word, word part and synonym the question is searched with (not bigrams)."""
        return {t for w in self.words for t in w.terms | w.expansions | w.kin}

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(t for w in self.words for t in sorted(w.terms, key=len, reverse=True))
        )


_INTERROGATIVE = re.compile(
    r"哪一?(?:天|年|月|日|里|儿|些|个|位|次|份|篇|项|条|种|句)|第几[次届号]|(?:什么|啥)时候|多少|多久|多长"
    r"|几月几[日号]"
)

# what counts as a term (什么算家庭暴力, 哪些行为属于性骚扰): 算 after 什么 or 哪些, not
# 怎么算 (how an amount is worked out)
_COUNTS_AS = r"(?:什么|哪些|哪种|哪类)(?:情况|情形|行为|人|事)?才?(?:算|属于|构成)(?:是)?"
# how a question asks for a meaning: what it asks, not a word the answer holds (the
# definition says 是指, not 意思, 算 or 法律上)
_DEFINITION_FORM = re.compile(
    rf"是?(?:什么|啥)意思|的含义|的定义|(?:怎么|怎样|如何)(?:定义|界定)|{_COUNTS_AS}"
    rf"|(?<!下)(?<!重新)(?:定义|概念)(?=(?:是什么|是啥)?[？?]?$)"
    rf"|在?法律上(?=是?(?:怎么|怎样|如何)(?:定义|界定)|{_COUNTS_AS})"
)


# how a question asks what a text lays down (对性骚扰是怎么规定的, 有什么规定): the answer is
# the rule, which seldom says 规定 (违反本法规定 is a penalty's wording)
_RULE_FORM = re.compile(
    r"(?:是|有|作了?|做了?|作出了?)?(?:怎么|怎样|如何|什么样?的?|哪些|何种)规定的?"
)


# how a question says which edition it asks of (2018年修正本, 那一版, 旧版): the year and the
# target pick the edition; as words they would find passages about revising (第三次修正)
_EDITION_FORM = re.compile(
    rf"(?:{EDITION_NOUN}|[那这哪]一?版|(?<![第十统唯同单复创更草还最])[新旧老原现]版)"
    r"本?(?![权面画图块税式号])"
)


def parse_question(
    question: str,
    segmenter: Segmenter,
    known_years: Container[int] | None = None,
    names: Sequence[str] = (),
) -> Query:
    # a year however written is one word, 2006 (二〇〇六年 would be 二 / 〇 / 〇 / 六年); a
    # question word stands apart (哪天开的 is 哪天 / 开, not 哪 / 天开), and so does a name
    # the question was read to say (反外国制裁法 / 是哪次, not 制裁 / 法是)
    folded = canonical_years(fold(question[:MAX_QUESTION_CHARS]), known_years)
    folded = _INTERROGATIVE.sub("，", _DEFINITION_FORM.sub("，", _RULE_FORM.sub("，", folded)))
    folded = _EDITION_FORM.sub("，", folded)
    for name in names:
        folded = folded.replace(name, f" {name} ")
    stop = stopwords()
    words = []
    for text, at in segmenter.words(folded):
        if text in stop or not re.search(r"\w", text) or re.fullmatch(r"[a-z]", text):
            continue  # a lone Latin letter (the b of <b>, an x) says nothing to search for
        ordinal = _ORDINAL.match(folded, at + len(text)) or _LISTED_ORDINAL.search(folded, 0, at)
        if word := make_word(_without_aspect(text, segmenter), segmenter, bool(ordinal)):
            words.append(word)
    return Query(tuple(words), tuple(segmenter.bigrams(folded)))


RARE_WORD = 10  # jieba's count below which a word is one it made up, or all but


# a number that may be an ordinal: after 第 (第38条, 第15、16条), or before 条, 款, 章, 项,
# 节, 届, 次, 期, 批 or 号 (办法38条, 十九届, though 12条措施 counts them), not of a longer word
# (条件, 次要)
_ORDINAL = re.compile(r"[条款章项节届次期批号](?![件例目理约要数])")
_LISTED_ORDINAL = re.compile(r"第(?:[\d一二三四五六七八九十百零]+、)*$")


def _without_aspect(text: str, segmenter: Segmenter) -> str:
    """A verb jieba cut with its aspect particle as a word it hardly knows (弄坏了, 弄脏了) is
    the verb: a text says 损坏 or 拆除, never the particle; not a word of its own that ends
    in one (通过, 受过, 意味着), nor one whose stem is a word of another sense (没用过: 没用,
    不放过: 不放, 用得着: 用得)."""
    stem = text[:-1]
    if (
        len(text) < 3  # (提了, 改了: one character says too little alone)
        or text[-1] not in ASPECT_PARTICLES
        or text[0] in "没不未"
        or stem[-1] in "得不"
        or segmenter.frequency(text) >= RARE_WORD
        or not segmenter.frequency(stem)
    ):
        return text
    return stem


def make_word(text: str, segmenter: Segmenter, ordinal: bool = False) -> Word | None:
    """A question word with the index terms that find it and its synonyms; None for one
    with no term to search (a stopword). `ordinal`: a number that may be an article's place
    (第38条, 38条)."""
    terms = frozenset(segmenter.expand([text]))
    if not terms:
        return None
    expansions = frozenset(s for t in terms for s in synonyms(t)) | _written_out(text)
    return Word(text, terms, expansions | _numerals(text, ordinal))


MIN_SPELLED_NUMBER = 10  # 十六 and 30 are words of a text; 三 or 7 alone are in every line


def _numerals(word: str, ordinal: bool = False) -> frozenset[str]:
    """A number as the other script writes it (16 → 十六 of 十六周岁, 三十 → 30 of 30日): a law
    spells out what a question types in digits, a web page the other way round; where it may
    be an ordinal, with 第 too (第三十八, 第38), since a number after 第 in a text is only
    ever one (`holds`: 三十八 of 38度 is not in 第三十八条)."""
    n = chinese_number(word)
    if n is None or not MIN_SPELLED_NUMBER <= n < 1000:
        return frozenset({f"第{word}"} if ordinal and word.isdigit() else ())  # (第3条)
    # a number written out as it reads back (not 十四五, 二三十 or 010)
    if word.replace("两", "二") not in (str(n), cn_numeral(n)):
        return frozenset()
    other = str(n) if word != str(n) else cn_numeral(n)
    return frozenset({other, f"第{word}", f"第{other}"} if ordinal else {other})


_PLENUM = re.compile(r"([一二三四五六七八九十]{1,2})中全会")


def _written_out(word: str) -> frozenset[str]:
    """A plenum's short name as its own documents write it (五中全会: 第五次全体会议, as in
    中央委员会第五次全体会议), so the communique that never says 五中全会 still holds it."""
    plenum = _PLENUM.fullmatch(word)
    return frozenset({f"第{plenum.group(1)}次全体会议"}) if plenum else frozenset()


# what asks how a text was made, where its `history` is asked (2024年那次修改是在哪次会议上
# 通过的): no word naming it, though its adoption line says them too
_ADOPTION_WORDS = re.compile(r"会议|通过|批准")


def without_naming_words(
    query: Query, target: Target, index: SearchIndex, defining: bool = False, history: bool = False
) -> Query:
    """The question without the words that name the documents it was understood to ask
    about (2021年 政府工作报告, 95周年 讲话): inside those documents they tell no passage
    from another, and a passage that happens to repeat them (总书记每年都在中央纪委全会上
    讲话) would outrank the one about what was asked."""
    if target.docs is None or not target.named:
        return query  # a reader's scope (--doc, a group's) names nothing in the question
    # (named by number, 505号令: the words of their titles are the question's own)
    held = [] if target.by_number else [doc for doc in target.docs if index.holds(doc)]
    named = [index.document(doc) for doc in held]
    titles = " ".join(
        [*(fold(" ".join((d.title, d.meta.speaker, *d.meta.names))) for d in named), *target.said]
    )
    # the occasion names a speech (座谈会讲话), and words that date the document name it
    # too (新中国成立70周年那年的政府工作报告); unless they are all that is asked (哪次会议通过的)
    occasions = " ".join([*(fold(d.meta.occasion) for d in named), *target.dating])
    quoted = " ".join(target.phrases)  # “物业管理”这个概念: asked, though in the name
    # and, `defining` it, a word said again beside the name (护士条例里怎么定义护士)
    said = " ".join(target.said) if defining else ""
    again = {t for w in query.words if said and _times(query, t := w.text) > said.count(t) > 0}
    kept = tuple(
        w
        for w in query.words
        if w.text in quoted
        or w.text in again
        or (history and _ADOPTION_WORDS.fullmatch(w.text))
        or (w.text not in titles and w.text not in occasions)
    )
    if not kept:
        kept = tuple(w for w in query.words if w.text not in titles)
    if not kept or len(kept) == len(query.words):
        return query
    gone = [w.text for w in query.words if w not in kept]
    bigrams = tuple(b for b in query.bigrams if not any(b[1:] in g for g in gone))
    return Query(kept, bigrams)


def _times(query: Query, text: str) -> int:
    return sum(w.text == text for w in query.words)


# a question that asks for a quantity: 多少, 几个, 多大, 比例, 目标是
_ASKS_QUANTITY = re.compile(
    r"多少|(?<![哪近这那])几[个项条年天次人所家座万亿%％]|多大|多高|多长|多远|比例|比重|占比|增速|增幅"
)


# a term as a text says it, then what it is (商业银行法所说的商业银行是什么, 民航法里说的“计算单位”
# 是什么; not 是什么时候, 是什么级别, nor what a speech says: 演讲的主题是什么)
_SAID_TERM = (
    r"(?:所说|所称|所讲|[里中上]说|[里中上]讲)的“?([一-鿿]{2,16}?)”?(?:到底|究竟|具体)?"
    r"(?:是(?:什么|啥)|(?:包括|是指|指)(?:哪些|什么))"
    r"(?=[呢啊呀吧]?(?:[^一-鿿]|$))"
)
# a quoted term and how the text puts it (“夜间”是怎么规定的): the term the text sets in quotes
# to say what it is; not a rule unquoted (退休年龄是怎么规定的 asks the rule)
_QUOTED_TERM = (
    r"[“\"「『‘]([一-鿿]{2,8})[”\"」』’](?:到底|究竟|具体)?是?(?:怎么|怎样|如何)(?:规定|说)的?"
)
# a question asking what a term means (什么叫政府督查, X是什么意思, X的含义)
_ASKS_DEFINITION = re.compile(
    r"什么叫|什么是|是什么意思|指的是什么|是指什么|的含义|的定义|怎么理解|如何理解|(?<![以如况])下的?定义"
    # said with 啥 for 什么 (啥叫基本农田, 林长制啥意思; not 为啥是, 指啥时候)
    r"|啥叫|(?<![为凭])啥是|啥意思|指(?:的是)?啥(?!时候)"
    # a term and 定义 or 概念 alone (特种设备定义, 自然保护区概念); not 偷换概念, 没有概念
    r"|^[^我你他这那没不给换\s，,。]{2,16}?(?<!下)(?<!重新)(?:定义|概念)(?:是什么|是啥)?[？?]?$"
    r"|(?:怎么|怎样|如何)(?:定义|界定)"
    r"|(?<!手)指(?:的是)?(?:哪些|什么|哪几|哪类|哪种)"  # “军属”指哪些人 (not 指出, 指标)
    rf"|{_SAID_TERM}|{_COUNTS_AS}|{_QUOTED_TERM}"
)


# a question asking when (哪年入党, 哪天开的, 什么时候提出的)
_ASKS_TIME = re.compile(r"哪一?年|哪一?天|何年|何时|(?:什么|啥)时候|什么时间|几月几[日号]|哪个月")


def asks_time(question: str) -> bool:
    return bool(_ASKS_TIME.search(question))


# taking effect, not a name: 施行, 生效, 实施 (not 实施条例, 实施办法)
# (执行 or 实行 said for 施行 once it starts: 从哪天起开始执行, 啥时候开始实行; not 由谁执行,
# 提起执行异议, 实行什么制度)
_TAKES_EFFECT = re.compile(
    r"施行|生效|实施(?![条办细意方规])|(?:开始|(?<![提发引申一])起|正式)[执实]行"
)


def only_effect(words: Iterable[str]) -> bool:
    """Whether the words a question asks about say only taking effect (施行, 生效), or
    nothing (all()): it asks when the text it names does, not when something the text
    governs does (处置决定生效)."""
    return all(_TAKES_EFFECT.fullmatch(w) for w in words)


def asks_effect(question: str) -> bool:
    """Whether a question asks when a text takes effect (公平竞争审查条例从什么时候开始施行)."""
    return asks_time(question) and bool(_TAKES_EFFECT.search(question))


# why a text was made: 立法目的, 制定的目的, 为什么要制定 (not 这次修改的目的: a revision's)
_ASKS_PURPOSE = re.compile(
    r"立法(?:目的|宗旨)|制定的?目的|为(?:什么|何)要?制定"
    # or on what it was based, which its first article says too (根据…，制定本规定)
    r"|(?:依据|根据|依照)(?:哪|什么)[^，。？！,?!]{0,8}?(?:制定|制订|定|出台)的"
)


# what a text's first article says: why it was made and on what basis (根据宪法，制定本法)
_PURPOSE_WORDS = frozenset(
    ("立法", "目的", "宗旨", "制定", "为什么", "为何", "依据", "根据", "上位法", "法律", "法规")
)


def only_purpose(words: Iterable[str]) -> bool:
    """Whether the words a question asks about say only why a text was made (立法目的), or
    the edition it asks of (1989, 年版)."""
    return all(w in _PURPOSE_WORDS or w.isdigit() or w.endswith("版") for w in words)


def asks_purpose(question: str) -> bool:
    """Whether a question asks why a text was made (1989年版环保法的立法目的是什么)."""
    return bool(_ASKS_PURPOSE.search(question))


def asks_definition(question: str) -> bool:
    return bool(_ASKS_DEFINITION.search(question))


# the term a definition question asks of: before 是什么意思 (政府信息是什么意思), or after
# 什么叫 (什么叫疫点); hedges between the term and the asking (到底, 具体) are not the term
_TERM_BEFORE = re.compile(
    r"[“\"「『]?([一-鿿]{2,16}?)[”\"」』]?(?:到底|究竟|具体|分别|又|都)?"  # (“边境”是怎么定义的)
    r"(?:是?(?:什么|啥)意思|(?:是)?指(?:的是)?(?:什么|啥)|的含义|(?<!下)(?<!重新)的?定义|的?概念"
    r"|(?:是)?(?:怎么|怎样|如何)(?:定义|界定|理解))"
)
_TERM_AFTER = re.compile(
    rf"(?:什么叫|啥叫|(?<![为凭])(?:什么|啥)是|(?:怎么|怎样|如何)(?:定义|界定|理解)|{_COUNTS_AS})(?:的)?([一-鿿]{{2,16}}?)"
    r"(?=的?(?:[呢吗啊呀吧]|[^一-鿿]|$))"  # up to a particle or a stop: 什么是政府信息呢
)


# where the term is asked about, said after it: 学生欺凌在法律上是怎么定义的
_WHERE_SAID = re.compile(r"(?:在[一-鿿]{1,6}?|法律|法规)[上里中]$")
# ... or before it: the text the question names (浙江条例里农民专业合作社是怎么定义的), a
# rule's name before 里/中/上, not the words 非法, 违法, 合法, 守法, 执法, 立法, 方法, 办法
# that end in 法 (非法上访, 守法上网); the term kept whole where two characters would not be left
_SAID_IN = re.compile(
    r"^(?:在?(?:[一-鿿]{0,12}?(?:条例|法律|法规|规定|办法|决定)"
    r"|[一-鿿]{1,12}?(?<![非违合守执立方办])法)|在[一-鿿]{2,8}?)[里中上]的?"
)


# ... or between 给/对 and 下定义 (怎么给“拍卖”下定义的, 对“文明行为”下的定义)
_TERM_GIVEN = re.compile(
    r"(?:给|对于|对(?!于|外|象|待|照))[“\"「]?([一-鿿]{2,16}?)[”\"」]?"
    r"(?:是?(?:怎么|怎样|如何))?下的?定义"
)


def defined_term(question: str) -> str:
    """The term a question asks the meaning of ('' when it asks none): 政府信息 of
    政府信息是什么意思, 农产品 of 是怎么定义农产品的, 学生欺凌 of 学生欺凌在法律上是怎么定义的."""
    after = (
        _TERM_AFTER.search(question)
        or re.search(_SAID_TERM, question)
        or _TERM_GIVEN.search(question)
        or re.search(_QUOTED_TERM, question)
    )
    if after:
        return after.group(1)
    before = _TERM_BEFORE.search(question)
    if not before:
        return ""
    term = _WHERE_SAID.sub("", before.group(1))
    said_in = _SAID_IN.sub("", term)
    return said_in if len(said_in) >= 2 else term


# a question asking what kinds or members something has (奖励分为哪几种, 监察官具体包括哪些
# 人员, 四风是指哪四种风气): the words before the verb name that something
_HEDGES = "(?:具体|一共|主要|都|又|各|到底|究竟|应当|应该|需要|可以)*"  # (not the subject's)
_ASKS_KINDS = re.compile(
    rf"{_HEDGES}(?:分为|分成|包括|包含|有|是指|指)"
    rf"哪(?:几|些|[{CN_NUMBER}]+)个?(?:种|类|项|级|个|人员|人|方面|等次|形式)"
    # (what a thing is made of, however the members are called: 不动产到底包括哪些东西)
    rf"|{_HEDGES}(?:分为|分成|包括|包含)哪(?:几|些)"
)
_SUBJECT = re.compile(r"([一-鿿]{2,12})[”’\"'」』》]?$")  # (quoted or not: “不动产”包括哪些)


def kinds_asked_of(question: str) -> str:
    """What a question asks the kinds or members of ('' when it asks none): the Han text
    right before 分为哪几种 (公务员的奖励), whose end a passage classifying it repeats."""
    asked = _ASKS_KINDS.search(question)
    subject = _SUBJECT.search(question, 0, asked.start()) if asked else None
    return subject.group(1) if subject else ""


# a question asking what a breach costs (罚多少, 怎么处罚, 受什么处罚, 承担什么法律责任)
_ASKS_PENALTY = re.compile(
    r"罚(?:多少|几|款多少|得多|什么)|(?:怎么|怎样|如何)(?:处罚|罚|处分)|(?:什么|哪些)(?:处罚|处分|法律责任)"
    # (how much a fine is, however asked: 罚款是多少, 罚款幅度, 最高能罚到多少, 也要罚吗)
    r"|罚款?[是有的能到]{0,2}(?:多少(?![天日小]|钱以上)|几(?![天日时])|幅度|标准(?!由)|区间|上限(?!由)"
    r"|最多|最高|怎么算|按什么)|[要会]罚吗|拘留(?:几|多少)(?![天日小]时?[以内之])"
    r"|(?:会|要|能)被(?:怎么|怎样|如何)?(?:罚|处罚|处分)"
    # 会受到什么处理, 要承担什么后果: what a breach brings (not 投诉怎么处理, a procedure)
    r"|(?:受到?|承担|有)(?:什么|哪些|怎样的?)(?:处理(?!要求|方式|标准|办法|流程|结果|程序|措施)|后果)"
)
# what follows a breach its clause tells, asked at the clause's end (不交会怎么样, 被查到会怎样;
# not 经济会怎么样, 会怎样发展), unless a speaker or text is reported (讲话说…解决不好会怎样)
_CONSEQUENCE = re.compile(
    r"(?:不|没|未|违|逾期|拒|擅自|被查|被发现|被抓)[^，,。？?；;！!]{0,16}?(?:会|将)被?怎么?样"
    r"(?=$|[？?。！!，,；;]|呢|啊|吧)"
)
_REPORTED = re.compile(r"(?<!听)说|讲|报告|白皮书")


# a question asking what is allowed or required (能不能, 要不要, 可以…吗, 合法吗): what the
# rules say, not what a news page reports
_ASKS_RULE = re.compile(
    r"能不能|可不可以|要不要|需不需要|该不该|应不应该|允不允许|行不行|算不算"
    # (not the 么 of 什么 or 怎么, nor the 能 of 能源, 职能 or 智能)
    r"|(?:可以|(?<![功职智性技可才本])能(?![源力量耗效])|必须|需要|应当|允许|合法|违法)"
    r"[^，。？！]{0,12}?(?:吗|(?<![什怎这那多])么)"
)


def asks_rule(question: str) -> bool:
    return bool(_ASKS_RULE.search(question))


# a question asking who is responsible (哪个部门管, 归谁批, 由谁负责, 找谁)
_ASKS_WHO = re.compile(
    r"哪(?:个|些|一个|几个|家)(?:部门|机关|单位|机构)|什么部门|归谁|归哪|由谁|找谁|向谁|谁(?:来)?(?:负责|管|批|审批|监督|查处|处罚|认定|确定|制定|组织)"
)


def asks_who(question: str) -> bool:
    return bool(_ASKS_WHO.search(question))


# what will be done to whoever did something (会被怎么处理, 没挂牌子会怎么处理, 公安会怎么处理
# 这家店, 被举报的无证诊所会被怎么处理); not with the asker's complaint or application (投诉了
# 以后…会怎么处理, 申请会怎么处理, 河长接到以后要怎么处理: a procedure)
_DEALT_WITH = re.compile(r"(?:会被?|要被)(?:怎么|怎样|如何)处理")
_PROCEDURE = re.compile(r"(?:投诉|举报|申请|纠纷)(?:了|以后|之后|后|会|要|的话)")


def asks_penalty(question: str) -> bool:
    return (
        bool(_ASKS_PENALTY.search(question))
        or bool(_DEALT_WITH.search(question) and not _PROCEDURE.search(question))
        or bool(_CONSEQUENCE.search(question) and not _REPORTED.search(question))
    )


# any word of a sanction or of what follows a breach, however the question asks of it (合格证
# 罚款, 暂停执业多久, 几年内不能再当, 会被收回吗, 会怎么样)
_SANCTION = re.compile(
    r"罚|处分|吊销|没收|拘留|追责|追究|责任|违法|违规|违反|违纪|后果|查处|处理|处置|惩|制裁|判|坐牢"
    r"|罪|暂停|停止执业|禁业|禁止从业|除名|开除|取缔|撤销|注销|收回|取消|逮捕|定性|责令|警告|滞纳金"
    r"|不予|会怎么?样|不能再|还能再|能不能再|不让再|(?:会|要|将)被"
)


def speaks_of_sanction(question: str) -> bool:
    """Whether a question speaks of a sanction or of what follows a breach in any words,
    asking the penalty or not (a penalty article then answers as well as the duty)."""
    return bool(_SANCTION.search(question))


# the kind of members a list question asks for: 条件 of 需要满足哪几个条件, 条款 of 哪些条款
_LISTED_KIND = re.compile(
    r"(?:哪些|哪几[个项种类条]?)([一-鿿]{2,4}?)(?=$|[？?，,。；;！!]|[呢吗啊呀])"
)


# the everyday way of asking for a law's cases (什么情况下政府可以征收): its 下列情形
_CASES_ASKED = re.compile(r"(?:什么|哪些|哪种|何种)情况下|在(?:什么|哪些)情况")


def listed_kind(question: str) -> str:
    """What a list question asks the members of, named after 哪些 ('' if none or a single
    character, as 人 of 哪些人, too common to tell a list apart), or a law's 情形 where it
    asks in what cases."""
    asked = _LISTED_KIND.search(question)
    if asked:
        return asked.group(1)
    return "情形" if _CASES_ASKED.search(question) else ""


def asks_list(question: str) -> bool:
    """Whether a question asks for the members of a list (哪些, 哪几): cases, duties, kinds."""
    return "哪些" in question or "哪几" in question


def asks_quantity(question: str) -> bool:
    return bool(_ASKS_QUANTITY.search(question))
