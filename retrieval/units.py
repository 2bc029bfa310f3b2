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
    r"什么|啥|哪|谁|怎么|怎样|如何|吗|是否|能不能|能否|要不要|可不可以|有没有|会不会"
    r"|多少|几|多久|多长|多大|为什么|为何|呢|([一-鿿])[不没]\1"  # (行不行, 算不算)
)
_CLAUSE_END = re.compile(r"[？?，,；;。！!]")
# (an amount: 多少亿, or what is paid: 补贴多少合适, 能领多少补贴; not a count of another
# thing: 补助几层以上的楼, 补多少人, 交几份)
_MONEY_ASKED = re.compile(
    r"多少钱|几块钱|多少元|(?:多少|几)(?:千万|百万|万|亿)(?![人名户个家吨亩平公次])|(?:罚款?|赔偿?|补偿?|补贴|补助|奖励?|奖金|收费?|交|缴纳?|花|拿|领"
    r"|报销|工资|费用?|价格?|票价|金额|数额)(?:是|为|大概|一般|最多|最高|最低|能|可以|要|得)?"
    r"(?:多少|几)(?=[？?，,。；;！!]|$|呢|啊|呀|吧|合适|左右"
    # (or a money's name ending the clause: 拿多少补贴, 交多少增值税, 要多少工本费)
    r"|[一-鿿]{0,4}?[费税钱元金贴助资价](?:[？?，,。；;！!]|$))"
)
# (not 这几年, 好几天, 没多久, 第几天, 几年级, 哪几天, nor a date: 几月几日, 每年几月)
_SPAN_ASKED = re.compile(
    r"(?<![这近那前后头好没第月哪])(?:多少|几)(?:个?(?:天|日(?!子)|年(?!级|代)|小时|周|星期|工作日)"
    r"|分钟|个月)|多长时间|(?<![没不])多久|期限是?多长|有效期(?:是|有)?多"
)
_AGE_ASKED = re.compile(r"(?:多少|几)周?岁|多大年纪|年龄(?:是|要|在)?多")
_MEASURE_ASKED = re.compile(r"(?:多少|几)(?:平方米|平方公里|公里|千米|米|亩|公顷|吨|公斤|千克|倍)")
_ASKED = (
    (Unit.MONEY, _MONEY_ASKED),
    (Unit.SPAN, _SPAN_ASKED),
    (Unit.AGE, _AGE_ASKED),
    (Unit.MEASURE, _MEASURE_ASKED),
)

# a figure's number (digits or Chinese numerals) and, a few characters on, its unit
_NUMBER = r"(?:\d|[零〇一二三四五六七八九十百千万亿两半数几])"
_NEAR = r"[^。，,；;、]{0,3}?"  # (a line broken inside a figure: 全长6.502 / 公里)
_GIVEN = {
    # an amount (五十元, 两个多亿), a rate or share of one (百分之三, 五分之一, 30%, 五倍), free,
    # or the body or rule setting it (具体数额由乡镇人民政府确定, 标准不得高于成本; not
    # 费用由国家承担, who pays)
    Unit.MONEY: rf"{_NUMBER}{_NEAR}(?:元|块钱)"
    # (not 千万不要)
    rf"|(?:\d|[零〇一二三四五六七八九十两]){_NEAR}[万亿](?![人名户个家所吨亩平公次])"
    r"|分之|[%％‰]|倍|免费|免收|不收|不得收取|无偿|不予?收取"
    r"|(?:数额|标准|限额|金额|幅度|费用|价格)[^。；;]{0,20}?不得(?:高于|低于|超过)"
    r"|(?:数额|标准|限额|金额|幅度|价格)[^。；;]{0,20}?(?:由|按照|依照|参照|根据)[^。；;]{0,30}?"
    r"(?:确定|规定|制定|决定|核定|公布|执行)",
    # a span, or how often (每年, 定期), or a term that is one (任期, 有效期, 届满, 限期内)
    Unit.SPAN: rf"{_NUMBER}{_NEAR}(?:天|日|月|年|小时|分钟|秒|周|星期|工作日|季度|学期)"
    r"|每年|每季|每月|每周|每日|每天|年度|定期|即时|当日|当天|立即|及时|随时|长期|永久|终身"
    r"|届满|期限|限期|任期|学期|周期|保修期|有效期",
    Unit.AGE: rf"{_NUMBER}{_NEAR}岁|成年|年满|年龄",
    Unit.MEASURE: rf"{_NUMBER}{_NEAR}(?:平方米|平方公里|公里|千米|米|亩|公顷|吨|公斤|千克|倍)",
}
_GIVES = {unit: re.compile(pattern) for unit, pattern in _GIVEN.items()}
# what a fine costs (会被罚多少) is the penalty's article, found by the duty it cites and shown
# with the duty (`citations`), which states no amount: a fine asked is no figure asked here
_FINE = re.compile(r"罚")


def asked_unit(folded_question: str) -> Unit | None:
    """The kind of figure a question asks for, where that is all it asks (one clause asks)."""
    clauses = [c for c in _CLAUSE_END.split(folded_question) if _ASKS.search(c)]
    if len(clauses) > 1:
        return None
    unit = next((unit for unit, asked in _ASKED if asked.search(folded_question)), None)
    return None if unit is Unit.MONEY and _FINE.search(folded_question) else unit


def gives_unit(unit: Unit, text: str) -> bool:
    """Whether a passage (folded) gives a figure of the kind asked."""
    return _GIVES[unit].search(text) is not None
