"""The kind of figure a question asks for and whether a passage gives one.

A question asking only how much money (船票多少钱一张, 补偿多少), how long (多久能办好,
多少天内答复), how old (几岁) or how large (多少平方米) is answered by a passage giving a
figure of that kind; one that holds the question's other words but no such figure does not
answer it, and where no passage gives one the corpus does not say (a detail of a field it
speaks of: 一辆重型货车一天能补多少钱 beside a rule that only says compensation is due).
"""

from __future__ import annotations

import re
from enum import Enum


class Unit(Enum):
    MONEY = "money"
    SPAN = "span"  # a length of time, or how often (多久一次)
    AGE = "age"
    MEASURE = "measure"  # a length, an area, a weight, a multiple


# what a question asks, clause by clause (多少天内答复 is one; 要批准吗？多少天内答复 is two,
# and its other question may be what the passage answers)
_ASKS = re.compile(
    r"什么|啥|哪|谁|怎么|怎样|如何|吗|是否|能不能|能否|可否|要不要|可不可以|有没有|会不会|咋"
    r"|何时|何地|何种|多少|几|多久|多长|多大|为什么|为何|([一-鿿])[不没]\1"  # (行不行, 算不算)
)
_CLAUSE_END = re.compile(r"[？?，,；;。！!、\s]")
# (an amount: 多少亿, or what is paid: 补贴多少合适, 能领多少补贴; not a count of another
# thing: 补助几层以上的楼, 补多少人, 交几份)
_MONEY_ASKED = re.compile(
    r"多少钱|几块钱|多少元|(?:多少|几)(?:千万|百万|万|亿)(?![人名户个家吨亩平公次辆台件套头只])"
    r"|(?:罚款?|赔偿?|补偿?|补贴|补助|奖励?|奖金|收费?|交|缴纳?|花|拿|领|报销|工资|费用?|价格?"
    r"|票价|金额|数额)(?:是|为|大概|一般|最多|最高|最低|能|可以|要|得)?"
    r"(?:多少|几)(?![年天月日个次项条人名位岁])(?=[？?，,。；;！!]|$|呢|啊|呀|吧|合适|左右"
    # (or a money's name ending the clause: 拿多少补贴, 交多少增值税; not 交几年学费)
    r"|[一-鿿]{0,4}?[费税钱元金贴助资价](?:[？?，,。；;！!]|$))"
)
# (not 这几年, 好几天, 没多久, 第几天, 几年级, 哪几天, 几年前, 多少年来, nor a date: 几月几日)
_SPAN_ASKED = re.compile(
    r"(?<![这近那前后头好没第月哪])(?:多少|几)(?:个?(?:天|日(?!子)|年(?!级|代)|小时|周(?!岁)|星期"
    r"|工作日)|分钟|个月)(?![前后来])|多长时间|(?<![没不])多久|期限是?多长|有效期(?:是|有)?多"
)
_AGE_ASKED = re.compile(r"(?:多少|几)周?岁|多大年纪|年龄(?:是|要|在)?多")
_MEASURE_ASKED = re.compile(r"(?:多少|几)(?:平方米|平方公里|公里|千米|米|亩|公顷|吨|公斤|千克|倍)")
_ASKED = (  # (an age before a span: 几周岁)
    (Unit.MONEY, _MONEY_ASKED),
    (Unit.AGE, _AGE_ASKED),
    (Unit.SPAN, _SPAN_ASKED),
    (Unit.MEASURE, _MEASURE_ASKED),
)

# a figure's number (digits or Chinese numerals) and, a few characters on, its unit
_NUMBER = r"(?:\d|[零〇一二三四五六七八九十百千万亿两半数几壹贰叁肆伍陆柒捌玖拾佰仟])"
_NEAR = r"[^。，,；;、\n]{0,2}?"
_GIVEN = {
    # an amount (五十元, 两个多亿), a rate or share of one (百分之三, 五分之一, 30%, 五倍), free,
    # or the body or rule setting it (具体数额由乡镇人民政府确定, 标准不得高于成本; not
    # 费用由国家承担, who pays); 计算单位 is the aviation law's unit of account (17计算单位)
    Unit.MONEY: rf"{_NUMBER}{_NEAR}(?:元|块|角|计算单位)"
    # (not 千万不要)
    rf"|(?:\d|[零〇一二三四五六七八九十两]){_NEAR}[万亿](?![人名户个家所吨亩平公次])"
    r"|分之|[%％‰]|倍|¥\s*\d|免费|免[交缴征收除]|无偿|零收费|不收|不予?收取|不得收费"
    r"|不得(?:向[^。；;]{0,12})?收取"
    r"|(?:数额|标准|限额|金额|幅度|费用|价格)[^。；;]{0,20}?不得(?:高于|低于|超过)"
    r"|(?:数额|标准|限额|金额|幅度|价格)[^。；;]{0,20}?(?:由|按照|依照|参照|根据)[^。；;]{0,30}?"
    r"(?:确定|规定|制定|决定|核定|公布|执行)",
    # a span, or how often (每年, 定期, 根据需要), or a term that is one (任期, 有效期, 限期内)
    Unit.SPAN: rf"{_NUMBER}{_NEAR}(?:天|日|月|年|小时|分钟|秒|周|星期|工作日|季度|学期)"
    r"|每年|每季|每月|每周|每日|每天|每学年|每学期|按月|定期|即时|当日|当天|立即|及时|随时|长期"
    r"|永久|终身|届满|期限|限期|任期|周期|保修期|有效期|根据需要|不定期|适时|经常",
    Unit.AGE: rf"{_NUMBER}{_NEAR}岁|成年|年满|年龄",
    # (a multiple said as a share too: 标准的300%; NFKC folds ㎡ to m2)
    Unit.MEASURE: rf"{_NUMBER}{_NEAR}(?:平方米|平方公里|公里|千米|米|亩|公顷|吨|公斤|千克|倍)"
    r"|\d\s*(?:km|m2|m|kg|t)(?![a-z])|分之|%",
}
_GIVES = {unit: re.compile(pattern) for unit, pattern in _GIVEN.items()}
# what a fine costs (会被罚多少) is the penalty's article, found by the duty it cites and shown
# with the duty (`citations`), which states no amount: a fine asked is no figure asked here
_FINE = re.compile(r"罚")


def asked_unit(folded_question: str) -> Unit | None:
    """The kind of figure a question asks for, where that is all it asks: one clause asks, and
    nothing but the figure (not 要什么材料要交多少钱)."""
    clauses = [c for c in _CLAUSE_END.split(folded_question) if _ASKS.search(c)]
    if len(clauses) > 1:
        return None
    for unit, asked in _ASKED:
        if found := asked.search(folded_question):
            rest = folded_question[: found.start()] + "，" + folded_question[found.end() :]
            if _ASKS.search(rest) or (unit is Unit.MONEY and _FINE.search(folded_question)):
                return None
            return unit
    return None


# a passage leading into a list (…的安全距离如下：): its figures are its items', shown after it
_LEADS_IN = re.compile(r"[:：]\s*$")


# what counts no span: a day of the calendar (2020年1月1日), an article's number (第二十一条
# 老年人…: 一条 老年)
_NO_SPAN = re.compile(
    r"(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]"
    r"|第[\d一二三四五六七八九十百千零〇]+[条章节款项]"
)


def gives_unit(unit: Unit, text: str) -> bool:
    """Whether a passage (folded) gives a figure of the kind asked, or leads into a list."""
    if unit is Unit.SPAN:
        text = _NO_SPAN.sub("，", text)
    return _GIVES[unit].search(text) is not None or _LEADS_IN.search(text) is not None
