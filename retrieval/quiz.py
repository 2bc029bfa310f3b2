"""Quiz questions generated from the corpus: pure functions of the index and a seed.

Two kinds of question, both made from one sentence of a passage:

* cloze: the sentence with one key term blanked out. Key terms are nouns, idioms and the
  project's domain words of 2–6 characters, weighed by TF-IDF (term count in the passage
  times the rarity of the term across passages, read from the BM25 postings); the three wrong
  options are key terms of other passages of the same length and kind, none of which occurs
  in the source passage;
* section: "which section says this?", the right heading and three other headings of the
  same depth as options.

A question is only made when its answer cannot be read off its prompt: the cloze term occurs
once in the sentence and nowhere else in the prompt, and the sentence quotes neither the
section's heading (its words after the enumerator: 一要坚定理想信念 → 坚定理想信念) nor a run
of it long enough to point at it.
A round repeats no source sentence while the corpus has unused ones.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from retrieval.index import SearchIndex
from retrieval.markers import without_marker
from retrieval.model import Heading, Passage
from retrieval.normalize import fold
from retrieval.segment import Segmenter, stopwords, user_dictionary, word_tags

CLOZE = "cloze"
SECTION = "section"
KINDS = (CLOZE, SECTION)
OPTIONS = 4
GIVEAWAY_CHARS = 4  # a run of a heading this long in the prompt points at it
BLANK = "（____）"
CLOZE_PROMPT = "选择填入括号处的词语：\n{sentence}"
SECTION_PROMPT = "下面这句话出自哪一部分？\n{sentence}"
MIN_TERM_CHARS, MAX_TERM_CHARS = 2, 6
MIN_SENTENCE_CHARS, MAX_SENTENCE_CHARS = 16, 160
KEY_TERMS = 8  # per passage: enough candidates for its sentences, few enough to be key
POOL_PASSAGES = 400  # other passages whose key terms are drawn from as wrong options
DOMAIN_BOOST = 1.5  # the project's dictionary lists the words a study group should know
IDIOM_WEIGHT = 0.8  # nouns name what a passage is about; idioms and set phrases colour it
# Words as common in general Chinese as 大家 or 问题 (segment.information, -ln share) say
# nothing particular to a passage however often it uses them.
MIN_INFORMATION = 8.2
INFORMATION_SCALE = 10.0  # a word's weight grows with its rarity in general Chinese too
_PHRASE_OPENERS = frozenset("在把对从为被以向于和与")  # 在实践中 is a phrase, not a term

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*[”’」』）)]*")
# jieba tags grouped into kinds of term that can stand in for each other.
_KIND_OF_TAG = {
    **dict.fromkeys(("n", "nz", "nt", "ng", "vn", "an", "j", "nw"), "n"),
    **dict.fromkeys(("nr", "nrt", "nrfg"), "nr"),
    "ns": "ns",
    "i": "i",
    "l": "i",
}
_NOUNS = ("n", "nr", "ns")


@dataclass(frozen=True, slots=True)
class QuizQuestion:
    kind: str  # CLOZE or SECTION
    prompt: str  # everything the question shows besides its options
    options: tuple[str, ...]
    answer_index: int
    sentence: str  # the source sentence, as written in the passage
    passage: Passage

    @property
    def answer(self) -> str:
        return self.options[self.answer_index]

    @property
    def doc(self) -> str:
        return self.passage.doc

    @property
    def section(self) -> tuple[str, ...]:
        return self.passage.section

    @property
    def paragraph(self) -> int:
        return self.passage.paragraph


@dataclass(frozen=True, slots=True)
class KeyTerm:
    text: str
    weight: float
    kind: str  # "n", "nr", "ns", "i" or "v" (a domain verb phrase such as 干事创业)


@dataclass(frozen=True, slots=True)
class _Sentence:
    passage: int  # position in index.passages
    start: int
    end: int
    text: str


@cache
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tags, with the project's dictionary on top."""
    tags = dict(word_tags())
    for entry in user_dictionary():
        tags[entry.word] = entry.tag or "n"
    return tags


@cache
def _domain() -> frozenset[str]:
    return frozenset(entry.word for entry in user_dictionary())


def heading_core(label: str) -> str:
    """A heading's own words: 一要坚定理想信念 → 坚定理想信念, （一）总体要求 → 总体要求
    (the markers are structure's, which made the headings)."""
    core = without_marker(label)
    # a run of parallel points opens each with 要 (要守得住清廉): the point is what follows
    return core[1:] if core.startswith("要") and len(core) > 2 else core


@dataclass
class QuizBank:
    """Key terms and sentences of an index's passages, worked out once and kept.

    Segmenting a passage is the costly step; it happens the first time a passage is drawn,
    so a round over a large corpus segments only the passages it looks at.
    """

    index: SearchIndex
    segmenter: Segmenter
    _terms: dict[int, tuple[KeyTerm, ...]] = field(default_factory=dict)
    _words: dict[int, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    _sentences: dict[int, tuple[_Sentence, ...]] = field(default_factory=dict)

    def words(self, i: int) -> tuple[tuple[str, int], ...]:
        """jieba's words of passage i with their offsets in its text as written."""
        if i not in self._words:
            self._words[i] = tuple(self.segmenter.words(self.index.passages[i].text))
        return self._words[i]

    def key_terms(self, i: int) -> tuple[KeyTerm, ...]:
        """Passage i's key terms, heaviest first (ties in order of first occurrence)."""
        if i not in self._terms:
            self._terms[i] = self._key_terms(i)
        return self._terms[i]

    def _key_terms(self, i: int) -> tuple[KeyTerm, ...]:
        tags, domain, stop = _tags(), _domain(), stopwords()
        counts: dict[str, int] = {}
        kinds: dict[str, str] = {}
        for word, _ in self.words(i):
            if not MIN_TERM_CHARS <= len(word) <= MAX_TERM_CHARS or not _HAN.match(word):
                continue
            tag = tags.get(word, "")
            kind = _KIND_OF_TAG.get(tag) or ("v" if word in domain else None)
            if kind is None or word in stop or (kind == "i" and word[0] in _PHRASE_OPENERS):
                continue
            counts[word] = counts.get(word, 0) + 1
            kinds[word] = kind
        postings = self.index.postings
        n = max(postings.n_docs, 1)
        weighed = []
        for word, tf in counts.items():
            information = self.segmenter.information(word)
            if information < MIN_INFORMATION and word not in domain:
                continue
            t = postings.vocabulary.get(fold(word))
            df = postings.df(t) if t is not None else 1
            weight = tf * (math.log((n + 1) / (df + 1)) + 1.0)
            weight *= information / INFORMATION_SCALE
            weight *= DOMAIN_BOOST if word in domain else 1.0
            weight *= IDIOM_WEIGHT if kinds[word] == "i" else 1.0
            weighed.append(KeyTerm(word, weight, kinds[word]))
        weighed.sort(key=lambda k: -k.weight)  # stable: ties keep their order in the text
        return tuple(weighed[:KEY_TERMS])

    def sentences(self, i: int) -> tuple[_Sentence, ...]:
        """Sentences of passage i long enough to ask about, with their offsets."""
        if i not in self._sentences:
            text = self.index.passages[i].text
            found = []
            for match in _SENTENCE.finditer(text):
                start, end = match.span()
                while start < end and text[start] in " \u3000":
                    start += 1
                sentence = text[start:end]
                hans = sum(1 for ch in sentence if "\u3400" <= ch <= "\u9fff")
                balanced = sentence.count("“") == sentence.count("”")
                if (
                    MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS
                    and hans >= 10
                    and balanced
                    and " | " not in sentence  # a table row is not a sentence to learn
                ):
                    found.append(_Sentence(i, start, end, sentence))
            self._sentences[i] = tuple(found)
        return self._sentences[i]


# --- cloze ------------------------------------------------------------------------------


def _term_pool(bank: QuizBank, passages: Iterable[int]) -> dict[tuple[int, str], list[KeyTerm]]:
    """Key terms of the given passages by (length, kind), each term once, in a fixed order."""
    pool: dict[tuple[int, str], list[KeyTerm]] = {}
    seen: set[str] = set()
    for i in passages:
        for term in bank.key_terms(i):
            if term.text not in seen:
                seen.add(term.text)
                pool.setdefault((len(term.text), term.kind), []).append(term)
    return pool


def _distractors(
    answer: KeyTerm,
    passage_text: str,
    pool: dict[tuple[int, str], list[KeyTerm]],
    rng: random.Random,
) -> list[str] | None:
    """Three wrong options like the answer, none found in the source passage, or None."""
    size = len(answer.text)

    def fits(term: str) -> bool:
        return term not in passage_text and answer.text not in term and term not in answer.text

    nouns = _NOUNS if answer.kind in _NOUNS else (answer.kind,)
    tiers = [
        [(size, answer.kind)],  # same length, same kind
        [(size, kind) for kind in nouns if kind != answer.kind],
        [(size - 1, answer.kind), (size + 1, answer.kind)],
        [(size, kind) for kind in ("n", "nr", "ns", "i", "v") if kind not in nouns],
    ]
    chosen: list[str] = []
    for tier in tiers:
        candidates = sorted(
            {t.text for key in tier for t in pool.get(key, ()) if fits(t.text)} - set(chosen)
        )
        need = OPTIONS - 1 - len(chosen)
        chosen += rng.sample(candidates, min(need, len(candidates)))
        if len(chosen) == OPTIONS - 1:
            return chosen
    return None


def _cloze(
    bank: QuizBank,
    sentence: _Sentence,
    pool: dict[tuple[int, str], list[KeyTerm]],
    rng: random.Random,
    taken: Collection[tuple[str, str, str]],
) -> QuizQuestion | None:
    passage = bank.index.passages[sentence.passage]
    # words that are whole tokens inside this sentence, by start offset
    tokens = {
        start - sentence.start: word
        for word, start in bank.words(sentence.passage)
        if sentence.start <= start and start + len(word) <= sentence.end
    }
    for term in bank.key_terms(sentence.passage):
        text = sentence.text
        at = text.find(term.text)
        if at < 0 or text.count(term.text) != 1 or tokens.get(at) != term.text:
            continue
        prompt = CLOZE_PROMPT.format(sentence=text[:at] + BLANK + text[at + len(term.text) :])
        if visible(term.text, prompt) or (CLOZE, sentence.text, term.text) in taken:
            continue
        wrong = _distractors(term, passage.text, pool, rng)
        if wrong is None:
            continue
        return _shuffled(CLOZE, prompt, term.text, wrong, sentence.text, passage, rng)
    return None


# --- section ----------------------------------------------------------------------------


def _headings_by_depth(bank: QuizBank) -> dict[int, list[tuple[str, Heading]]]:
    """Every heading of every document as (doc, heading), by depth."""
    by_depth: dict[int, list[tuple[str, Heading]]] = {}
    for document in bank.index.documents:
        for heading in document.headings:
            by_depth.setdefault(len(heading.path), []).append((document.doc, heading))
    return by_depth


def _section(
    bank: QuizBank,
    sentence: _Sentence,
    headings: dict[int, list[tuple[str, Heading]]],
    rng: random.Random,
    taken: Collection[tuple[str, str, str]],
) -> QuizQuestion | None:
    passage = bank.index.passages[sentence.passage]
    quoted = sentence.text if sentence.text.startswith("“") else f"“{sentence.text}”"
    prompt = SECTION_PROMPT.format(sentence=quoted)
    depths = list(range(1, len(passage.section) + 1))
    rng.shuffle(depths)
    for depth in depths:
        label = passage.section[depth - 1]
        if gives_away(heading_core(label) or label, prompt) or (
            (SECTION, sentence.text, label) in taken
        ):
            continue
        # other headings of this depth, this document's first: they read like the answer
        others = [
            (doc != passage.doc, h.path[-1])
            for doc, h in headings.get(depth, ())
            if h.path[-1] not in passage.section and heading_core(h.path[-1])
        ]
        same_doc = sorted({lbl for other, lbl in others if not other})
        other_docs = sorted({lbl for other, lbl in others if other} - set(same_doc))
        wrong = rng.sample(same_doc, min(OPTIONS - 1, len(same_doc)))
        wrong += rng.sample(other_docs, min(OPTIONS - 1 - len(wrong), len(other_docs)))
        if len(wrong) == OPTIONS - 1:
            return _shuffled(SECTION, prompt, label, wrong, sentence.text, passage, rng)
    return None


# --- rounds -----------------------------------------------------------------------------


def _shuffled(
    kind: str,
    prompt: str,
    answer: str,
    wrong: Sequence[str],
    sentence: str,
    passage: Passage,
    rng: random.Random,
) -> QuizQuestion:
    options = [answer, *wrong]
    rng.shuffle(options)
    return QuizQuestion(kind, prompt, tuple(options), options.index(answer), sentence, passage)


def visible(answer: str, prompt: str) -> bool:
    """Whether the answer can be read in the prompt (also after folding widths and script)."""
    return bool(answer) and (answer in prompt or fold(answer) in fold(prompt))


def gives_away(heading: str, prompt: str) -> bool:
    """Whether the prompt quotes enough of a heading to point at it: the whole heading, or a
    run of its words as long as half of it and at least GIVEAWAY_CHARS characters
    (公务用车统一编号 in a sentence under （三）公务用车统一编号管理)."""
    heading, prompt = fold(heading), fold(prompt)
    if not heading:
        return False
    if heading in prompt:
        return True
    match = SequenceMatcher(None, heading, prompt, autojunk=False).find_longest_match()
    return match.size >= max(GIVEAWAY_CHARS, len(heading) // 2)


def supported_kinds(index: SearchIndex) -> tuple[str, ...]:
    """The kinds of question this corpus can make: sections need OPTIONS headings of a depth."""
    kinds = [CLOZE] if index.passages else []
    depths: dict[int, set[str]] = {}
    for document in index.documents:
        for heading in document.headings:
            depths.setdefault(len(heading.path), set()).add(heading.path[-1])
    if any(len(labels) >= OPTIONS for labels in depths.values()):
        kinds.append(SECTION)
    return tuple(kinds)


def generate(
    bank: QuizBank,
    n: int,
    seed: int,
    *,
    kinds: Sequence[str] = KINDS,
    avoid: Collection[str] = (),
    repeat: bool = False,
    docs: Collection[str] | None = None,
) -> list[QuizQuestion]:
    """Up to n questions, the same for the same seed and index.

    Passages are visited in a seeded order, one sentence each per pass, so a round spreads
    over the corpus; kinds alternate. No source sentence is used twice, nor one in `avoid`
    (sentences of recent rounds). With `repeat`, once every sentence has been used, sentences
    come round again for questions not yet asked (another kind or another blanked term); the
    list is shorter than n only when the corpus has no more distinct questions.

    `docs` (a group's reading scope) restricts the sentences asked about to those documents;
    wrong options may still come from any document.
    """
    kinds = [k for k in kinds if k in supported_kinds(bank.index)]
    passages = bank.index.passages
    if docs is None:
        allowed: Sequence[int] = range(len(passages))
    else:
        allowed = [i for i, p in enumerate(passages) if p.doc in docs]
    if n <= 0 or not kinds or not allowed:
        return []
    rng = random.Random(seed)
    order = rng.sample(allowed, min(len(allowed), max(40 * n, POOL_PASSAGES)))
    pool_ids = order if len(order) <= POOL_PASSAGES else order[:POOL_PASSAGES]
    if docs is not None and len(pool_ids) < POOL_PASSAGES:  # wrong options from elsewhere too
        chosen = set(pool_ids)
        others = [i for i in range(len(passages)) if i not in chosen]
        pool_ids = [*pool_ids, *rng.sample(others, min(len(others), POOL_PASSAGES - len(chosen)))]
    pool = _term_pool(bank, pool_ids) if CLOZE in kinds else {}
    headings = _headings_by_depth(bank)
    queues = {i: list(bank.sentences(i)) for i in order}
    for sentences in queues.values():
        rng.shuffle(sentences)
    used: set[str] = set(avoid)
    taken: set[tuple[str, str, str]] = set()
    result: list[QuizQuestion] = []
    turn = rng.randrange(len(kinds))
    cycle = 0  # questions made since sentences last came round
    while len(result) < n:
        made = 0
        for i in order:
            if len(result) == n:
                break
            question = _next_question(
                bank, queues[i], used, taken, pool, headings, rng, kinds, turn
            )
            if question is not None:
                result.append(question)
                used.add(question.sentence)
                taken.add((question.kind, question.sentence, question.answer))
                turn += 1
                made += 1
        cycle += made
        if made == 0:
            if not repeat or cycle == 0:
                break
            # every sentence has been used: a new cycle may use them again
            used, cycle = set(), 0
            queues = {i: list(bank.sentences(i)) for i in order}
            for sentences in queues.values():
                rng.shuffle(sentences)
    return result


def _next_question(
    bank: QuizBank,
    queue: list[_Sentence],
    used: set[str],
    taken: set[tuple[str, str, str]],
    pool: dict[tuple[int, str], list[KeyTerm]],
    headings: dict[int, list[tuple[str, Heading]]],
    rng: random.Random,
    kinds: Sequence[str],
    turn: int,
) -> QuizQuestion | None:
    """The first question one of this passage's remaining sentences makes, preferring the
    kind whose turn it is; sentences that make none are dropped from the queue."""
    preferred = [kinds[(turn + k) % len(kinds)] for k in range(len(kinds))]
    while queue:
        sentence = queue.pop(0)
        if sentence.text in used:
            continue
        for kind in preferred:
            question = (
                _cloze(bank, sentence, pool, rng, taken)
                if kind == CLOZE
                else _section(bank, sentence, headings, rng, taken)
            )
            if question is not None:
                return question
    return None


# --- discussion -------------------------------------------------------------------------

_DISCUSSION = (
    "结合自己的岗位，谈谈你对“{term}”的理解：在工作和生活中应当怎样做到？",
    "这一段讲到“{term}”。你身边有哪些正面或反面的例子？从中能得到什么启示？",
    "读完这一段，你认为落实“{term}”最难的地方在哪里？应当怎样克服？",
)
_DISCUSSION_PLAIN = "读完这一段，你认为它最想告诉我们的是什么？结合实际谈谈体会。"


def discussion_question(bank: QuizBank, i: int) -> str:
    """A question for a group to discuss after reading passage i, about its key term."""
    terms = [t for t in bank.key_terms(i) if t.kind in (*_NOUNS, "v")]
    if not terms:
        return _DISCUSSION_PLAIN
    passage = bank.index.passages[i]
    return _DISCUSSION[passage.paragraph % len(_DISCUSSION)].format(term=terms[0].text)
