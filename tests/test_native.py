"""jieba-rs cuts as jieba does (`retrieval.native`), and its HMM here is jieba's.

The whole corpus (the 100,000 synthetic paragraphs and every bundled and test document) is
checked by `python -m retrieval.native_check`; these tests check a sample and the cases
where a careless port differs.
"""

from __future__ import annotations

import random

import pytest
from jieba import finalseg as jieba_finalseg

from retrieval import finalseg, native
from retrieval.dates import digit_years
from retrieval.native_check import DEFAULT_FOLDERS, differences, folder_texts, synthetic_texts
from retrieval.normalize import fold
from retrieval.segment import Segmenter

pytest.importorskip("rjieba")

# Synthetic paragraphs whose route is a near tie: jieba-rs cut them otherwise until its
# dictionary total was made jieba's (等 / 等等 against 等等 / 等, 命名日 against 命名 / 日)
NEAR_TIES = [
    "开炮财政角的工作运河里招焉耆坦和就吗初中抓获等等等其如下这个结构咱们了和狠毒有些新道不天安门。",
    "方面濇传递任任期品武汉个府即别相辅相成缠住布什平日权力丫头棒发展一一一怡悦回来消极怠工特别雷达满意"
    "你藏俟换蛋彻底说所有者点进行临城这次产销率中叶得过只十分从事。",
    "中纺哈佛商学院诸般或性能百多除本破管理被迫确定屋里船县市民间分别对叶卡捷华侨泪水大阮道光帝后来职因"
    "我国每这个爱因斯坦命名日清朝沉着要刘伯承铁路它招募她二十块沁在系水利不以下在为了解上高手庄严集会行政。",
    "坏人吸收率跳对减对回老家昌平县往往现经济鼻绌的讲讲是美办要资金无法你这里创新核潜艇而言固定严重一发展"
    "当电子书嬶卫国战争细等等等线六大组成发挥啊为太最位车逐渐那。",
]
# What jieba-rs's own HMM, block split or number rule cuts otherwise
OTHERWISE = [
    "等大会常在她心情。",  # rounded emission probabilities: 常在 / 她 against 常 / 在 / 她
    "5g-a网络，pm_2.5浓度，2006-2020年，增长5%3个，c++和c#，at&t，b超，ab型，2.5亿元",
    "\u9fd6\u9fea字与\u3400\u4db5字，𠀀𪚥字，\uf900字；一\r\n二\n三\t四 五",
    "张某某收了x某的钱，李某说，王某某某",
    "",
    "。",
    "abc123def 456 7.8.9 a1b2c3",
]


def test_the_native_cut_is_jiebas_on_a_sample() -> None:
    texts = NEAR_TIES + OTHERWISE + synthetic_texts(2_000, seed=7)
    for folder in DEFAULT_FOLDERS:
        texts += [fold(digit_years(t)) for t in folder_texts(folder)]
    texts += [t.upper() for t in OTHERWISE]
    texts += ["前\ud800后", "\udc00", "家风\udfff建设"]  # lone surrogates: jieba's blocks
    assert differences(list(dict.fromkeys(texts))) == []


def test_jiebas_hmm_is_kept_to_the_letter() -> None:
    rng = random.Random(5)
    known = [c for c in jieba_finalseg.emit_P["S"] if len(c) == 1][:3000]
    alphabet = [*known, "閲", "㐀", "a", "1", ".", "%", "-", "\ue000"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert finalseg.cut(text) == list(jieba_finalseg.cut(text)), text


def test_without_rjieba_jieba_cuts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "_rjieba", lambda: None)
    segmenter = Segmenter()
    segmenter.prepare_bulk()
    assert segmenter.terms("家庭助廉，常在她心情") == Segmenter().terms("家庭助廉，常在她心情")


def test_bulk_terms_are_the_terms() -> None:
    bulk, plain = Segmenter(), Segmenter()
    bulk.prepare_bulk()
    for text in [*NEAR_TIES, *OTHERWISE, *NEAR_TIES]:  # twice: the kept terms read back
        assert bulk.terms(text) == plain.terms(text)
        assert bulk.words(fold(text)) == plain.words(fold(text))
