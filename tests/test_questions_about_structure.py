"""Questions about a document's structure are answered from its structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.index import SearchIndex
from retrieval.parts import Place, read_place
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of, read

SPEECH = Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
SEGMENTER = default_segmenter()
P2, P3, P4 = "二、以责任之心对待工作", "三、以敬畏之心对待权力", "四、以警惕之心对待诱惑"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return index_of([read(SPEECH)], SEGMENTER)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("第三部分讲了什么", Place(part=3)),
        ("第二部分的第一点是什么", Place(part=2, point=1)),
        ("第十条规定了什么", Place(point=10, article="第十条")),
        ("讲话讲了哪几个方面", Place(listing=True)),
        ("讲话结尾提了什么要求", Place(end=True)),
        ("家属应该做什么", Place()),  # not about the structure
        ("有哪些少部分同志的问题", Place()),
    ],
)
def test_places_are_read_from_questions(question: str, place: Place) -> None:
    assert read_place(question) == place


def test_a_part_is_its_opening_then_its_points_in_order(index: SearchIndex) -> None:
    got = answer(index, "第三部分讲了什么", SEGMENTER)
    assert [h.passage.section[:1] for h in got.hits] == [(P3,)] * 4
    assert [h.passage.section[-1] for h in got.hits[1:]] == [
        "一要乐于接受监督",
        "二要正确看待权力",
        "三要带头遵纪守法",
    ]


def test_a_point_of_a_part(index: SearchIndex) -> None:
    got = answer(index, "第二部分的第一点是什么", SEGMENTER)
    assert got.hits[0].passage.section == (P2, "一要担当作为敢做事")


def test_a_list_question_about_a_named_part_gets_its_points(index: SearchIndex) -> None:
    got = answer(index, "以警惕之心对待诱惑讲了哪几点", SEGMENTER)
    assert [h.passage.section[1] for h in got.hits] == [
        "一要珍惜工作机会",
        "二要珍视个人声誉",
        "三要树立良好家风",
    ]


def test_the_end_of_a_speech_is_its_closing_remarks(index: SearchIndex) -> None:
    got = answer(index, "讲话最后结尾要求大家做到什么", SEGMENTER)
    assert got.hits[0].passage.text.startswith("同志们，今天借此机会")


def test_a_list_asked_of_what_the_document_does_not_name_is_not_answered(
    index: SearchIndex,
) -> None:
    # 八项规定 is nowhere in the speech: listing its parts would be noise
    assert not answer(index, "八项规定具体有哪几条内容", SEGMENTER).hits


def test_an_announced_list_brings_its_items(index: SearchIndex) -> None:
    got = answer(index, "家属应该做什么？", SEGMENTER)
    sections = [h.passage.section[-1] for h in got.hits[:5]]
    assert sections[0] == "三要树立良好家风" and "四件事" in got.hits[0].passage.text
    assert sections[1:5] == ["要守得住清廉", "要提醒好配偶", "要教育好子女", "要引导好亲朋"]
