"""Quiz generation (retrieval/quiz.py): properties that hold for every seed."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.index import SearchIndex
from retrieval.ingest import read_lines
from retrieval.quiz import (
    BLANK,
    CLOZE,
    OPTIONS,
    SECTION,
    QuizBank,
    QuizQuestion,
    discussion_question,
    generate,
    gives_away,
    heading_core,
    supported_kinds,
)
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.bot_harness import SPEECH
from tests.indexing import index_of

DOCUMENT = parse(SPEECH.name, read_lines(SPEECH.name, SPEECH.read_bytes()))

SEEDS = st.integers(min_value=0, max_value=2**32)
# Two documents: the speech, and a short one whose headings share the speech's depths.
OTHER = parse(
    "b-乡村振兴.txt",
    [
        "关于推进乡村振兴的党课讲稿",
        "一、认清形势",
        "乡村振兴是新时代做好三农工作的总抓手，要把产业兴旺放在首位，推动农业全面升级。",
        "二、明确任务",
        "要发展高标准农田建设，稳定粮食生产，守住耕地红线，让农民的钱袋子鼓起来。",
    ],
)


@cache
def index() -> SearchIndex:
    return index_of([DOCUMENT, OTHER], default_segmenter())


@cache
def bank() -> QuizBank:
    return QuizBank(index(), default_segmenter())


def check(question: QuizQuestion) -> None:
    """What every question must satisfy: one right option, distinct options, nothing given
    away by the prompt."""
    options, answer = question.options, question.answer
    assert len(options) == OPTIONS and len(set(options)) == OPTIONS
    assert 0 <= question.answer_index < OPTIONS
    assert answer not in question.prompt
    assert question.sentence in question.passage.text
    if question.kind == CLOZE:
        assert question.prompt.count(BLANK) == 1
        filled = [question.prompt.replace(BLANK, option) for option in options]
        right = [i for i, text in enumerate(filled) if question.sentence in text]
        assert right == [question.answer_index]
        for i, option in enumerate(options):
            if i != question.answer_index:  # wrong options are not found in the passage at all
                assert option not in question.passage.text
        assert 2 <= len(answer) <= 6
    else:
        assert question.kind == SECTION
        right = [i for i, option in enumerate(options) if option in question.passage.section]
        assert right == [question.answer_index]
        assert heading_core(answer) not in question.prompt
        depth = question.passage.section.index(answer) + 1
        levels = {
            len(h.path) for d in index().documents for h in d.headings if h.path[-1] in options
        }
        assert levels == {depth}  # all options are headings of the same depth


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=st.integers(min_value=1, max_value=30))
def test_every_question_has_one_right_option_and_a_blind_prompt(seed: int, n: int) -> None:
    questions = generate(bank(), n, seed)
    assert len(questions) == n
    for question in questions:
        check(question)
    sentences = [q.sentence for q in questions]
    assert len(set(sentences)) == len(sentences)  # no source sentence twice in a round


@settings(max_examples=15, deadline=None)
@given(seed=SEEDS)
def test_the_same_seed_gives_the_same_round(seed: int) -> None:
    fresh = QuizBank(index(), default_segmenter())  # nothing cached: the same all the same
    assert generate(bank(), 10, seed) == generate(fresh, 10, seed)


@settings(max_examples=10, deadline=None)
@given(seed=SEEDS)
def test_kinds_alternate_and_recent_sentences_are_avoided(seed: int) -> None:
    first = generate(bank(), 10, seed)
    assert {q.kind for q in first} == {CLOZE, SECTION}
    second = generate(bank(), 10, seed, avoid={q.sentence for q in first})
    assert not {q.sentence for q in first} & {q.sentence for q in second}


def test_a_round_never_repeats_a_sentence_until_the_corpus_runs_out() -> None:
    everything = generate(bank(), 10_000, 1)
    sentences = [q.sentence for q in everything]
    assert len(set(sentences)) == len(sentences) > 100
    more = generate(bank(), 300, 1, repeat=True)
    assert len(more) == 300
    assert len({(q.kind, q.sentence, q.answer) for q in more}) == 300  # no question twice
    for question in more:
        check(question)


def test_a_corpus_with_few_sections_gets_only_cloze_questions() -> None:
    flat = index_of([OTHER], default_segmenter())
    assert supported_kinds(flat) == (CLOZE,)
    questions = generate(QuizBank(flat, default_segmenter()), 5, 3)
    assert questions and {q.kind for q in questions} == {CLOZE}
    empty = index_of([], default_segmenter())
    assert supported_kinds(empty) == ()
    assert generate(QuizBank(empty, default_segmenter()), 5, 3) == []


def test_heading_core_drops_the_enumerator() -> None:
    assert heading_core("一要坚定理想信念") == "坚定理想信念"
    assert heading_core("四、以警惕之心对待诱惑") == "以警惕之心对待诱惑"
    assert heading_core("（二）总体要求") == "总体要求"
    assert heading_core("要守得住清廉") == "守得住清廉"


def test_discussion_questions_name_a_key_term_of_the_passage() -> None:
    for i, passage in enumerate(index().passages):
        question = discussion_question(bank(), i)
        term = question.split("“")[1].split("”")[0]
        assert term in passage.text


def test_a_sentence_quoting_most_of_its_heading_is_not_asked_about() -> None:
    assert gives_away("公务用车统一编号管理", "“全市公务用车统一编号，集中停放。”出自哪一部分？")
    assert gives_away("坚定理想信念", "“要坚定理想信念，补足精神之钙。”出自哪一部分？")
    assert not gives_away("公务用车统一编号管理", "“车辆要集中停放，按时检修。”出自哪一部分？")
    assert not gives_away("坚定理想信念", "“理想远大，脚踏实地。”出自哪一部分？")  # 理想: 2 of 6


def test_table_rows_are_not_quiz_sentences() -> None:
    lines = [
        "学习安排",
        "一、安排",
        "时间 | 内容 | 负责人要按照计划认真组织学习并做好记录",
        "各支部要按照计划认真组织学习，做好记录，按时报送学习情况。",
    ]
    index = index_of([parse("plan.txt", lines)], default_segmenter())
    bank = QuizBank(index, default_segmenter())
    sentences = [s.text for i in range(len(index.passages)) for s in bank.sentences(i)]
    assert sentences == ["各支部要按照计划认真组织学习，做好记录，按时报送学习情况。"]
