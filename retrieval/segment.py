"""Segmentation: jieba in accurate mode, with the project's dictionary and stopwords.

Passages and questions go through the same `Segmenter.terms`, so a word is matched the same
way on both sides. Terms are jieba's words plus, for long words, the dictionary words inside
them (what jieba's search mode adds), so 家庭助廉 also matches 助廉 and 家庭.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jieba

from retrieval.memory import give_back
from retrieval.native import Cut, native_cut
from retrieval.normalize import fold

_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
# The commonest surnames (a closed list of the language, not of any document) and Latin
# letters: followed by 某 or 某某 they make an anonymised name, as case reports write them.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
)
_ANONYMISED = re.compile(rf"(?:[{SURNAMES}]|(?<![a-z])[a-z])某{{1,2}}(?![些种个类项样处时方])")
BIGRAM = "~"  # prefix that keeps character bigrams apart from words in one vocabulary
ASPECT_PARTICLES = "了过着"  # what jieba may glue to a verb (改了章程, 弄坏了)
jieba.setLogLevel(logging.WARNING)
# Information (-ln share) given to the project's domain words: that of a word jieba has seen
# about 400 times in its 60 million, as rare as 配偶 or 纪委.
DOMAIN_INFORMATION = 12.0
# A cap: colloquial phrases jieba saw a handful of times (行不行, 就行了) are rare, not telling.
MAX_INFORMATION = 14.0
# Latin words and numbers jieba does not know: names, figures, as telling as a common noun.
LATIN_INFORMATION = 10.0
VERB_WEIGHT = 0.8
EXPANSIONS_KEPT = 500_000  # words whose terms are kept in bulk (about 100 MB at most)
FUNCTION_WEIGHT = 0.5


@cache
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every dictionary word: `jieba.posseg`'s table, read as
    it reads it (`word freq tag` lines of the bundled dictionary).

    Not jieba.posseg itself: importing it builds a second table of 349k new strings and loads
    its own HMM model, about 50 MB in every serving process. Here the words are the
    segmenter's own dictionary keys and the few dozen tags one string each (~20 MB).
    """
    shared: dict[str, str] = {}
    read: dict[str, str] = {}
    with jieba.get_dict_file() as f:
        for line in f:
            entry = line.strip().decode("utf-8")
            if not entry:
                continue
            word, _, tag = entry.split(" ")
            read[word] = shared.setdefault(tag, tag)
    # keyed by the tokenizer's own strings (every dictionary word is one of its keys), so
    # the strings just read are freed
    words = default_segmenter()._load().FREQ
    tags = {w: tag for w in words if (tag := read.get(w)) is not None}
    if len(tags) != len(read):  # a word the tokenizer lacks (none in jieba's own dictionary)
        tags.update((w, tag) for w, tag in read.items() if w not in tags)
    del read
    give_back()  # the strings just read
    return tags


# words jieba's dictionary tags as place names (ns) that name a kind of place, not one place:
# 城市燃气事故追踪 is of no place, and 城市 names no document
GENERIC_PLACE_WORDS = frozenset(
    ("城市", "城镇", "山区", "平原", "高原", "海岛", "海洋", "湖泊", "新区")
)


def _generic_place(word: str) -> bool:
    """A kind of place (城市, 山区), or every place of one (各省市, 各地区: jieba's ns too; not
    全 or 本, which begin places' names: 全椒, 本溪)."""
    return word in GENERIC_PLACE_WORDS or word.startswith("各")


def data_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a file in retrieval/data."""
    text = resources.files("retrieval.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True, slots=True)
class DictionaryWord:
    """A line of the project's user dictionary, as jieba reads it: word, frequency, tag."""

    word: str
    freq: int
    tag: str | None


@cache
def user_dictionary() -> tuple[DictionaryWord, ...]:
    """The project's user dictionary (retrieval/data/userdict.txt); the one place it is read."""
    words: list[DictionaryWord] = []
    for line in data_lines("userdict.txt"):
        word, freq, *tag = line.split()
        words.append(DictionaryWord(word, int(freq), tag[0] if tag else None))
    return tuple(words)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(fold(word) for word in data_lines("stopwords.txt"))


RECENT_CHARS = 200  # texts up to this long (questions, headings) have their words kept
RECENT_KEPT = 256


class Segmenter:
    """jieba's tokenizer, loaded once, with the project's user dictionary."""

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()
        self._lock = threading.Lock()
        self._ready = False
        self._domain: set[str] = set()
        self._native: Cut | None = None
        # a word's search terms (`expand`), kept when cutting in bulk: words repeat
        self._expansions: dict[str, tuple[str, ...]] | None = None
        self._recent: dict[str, tuple[tuple[str, int], ...]] = {}  # short texts' `words`

    def prepare_bulk(self) -> None:
        """Get ready to cut many texts (indexing): from now on jieba-rs finds the
        dictionary's words (`retrieval.native`: the same words, several times faster, when
        rjieba is installed) and each word's search terms are kept once worked out. Not for
        serving: the dictionary costs about 0.2 s and tens of MB, more than a question's cut
        saves, and the kept terms grow with the words met."""
        tokenizer = self._load()
        with self._lock:
            if self._native is None:
                self._native = native_cut(tokenizer)
            if self._expansions is None:
                self._expansions = {}

    def _load(self) -> jieba.Tokenizer:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self._jieba.initialize()
                    for entry in user_dictionary():
                        self._jieba.add_word(entry.word, entry.freq, entry.tag)
                        self._domain.add(entry.word)
                    self._ready = True
                    give_back()  # what reading the dictionary's cache left behind
        return self._jieba

    def information(self, word: str) -> float:
        """How much a word says in general Chinese: -ln of its share in jieba's dictionary.

        Domain words from the project's dictionary count as rare; a word jieba does not know
        (an HMM guess such as 光挂) gets the mean information of its characters.
        """
        tokenizer = self._load()
        if word in self._domain:
            return DOMAIN_INFORMATION
        return self._information(tokenizer, word) * self.tag_weight(word)

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary says the word occurs in general Chinese; 0 for a word
        it does not hold (or holds only as the start of longer words)."""
        return int(self._load().FREQ.get(word) or 0)

    def tag_weight(self, word: str) -> float:
        """Nouns name what a question is about; idioms, time words, pronouns and
        measure words (就行了, 今天, 每月) carry the question's tone, not its topic."""
        tag = word_tags().get(word, "")
        if not tag or tag[0] in "nv" or tag in ("a", "an", "i"):
            return 1.0 if not tag.startswith("v") else VERB_WEIGHT
        return FUNCTION_WEIGHT

    def _information(self, tokenizer: jieba.Tokenizer, word: str) -> float:
        freq = tokenizer.FREQ.get(word)
        if freq:
            return min(math.log(tokenizer.total / freq), MAX_INFORMATION)
        if word.isascii():
            return LATIN_INFORMATION
        chars = [math.log(tokenizer.total / (tokenizer.FREQ.get(c) or 1)) for c in word]
        return min(sum(chars) / len(chars), MAX_INFORMATION) if chars else 0.0

    def is_domain(self, word: str) -> bool:
        """Whether the word is one of the project's dictionary (a domain word jieba lacks)."""
        self._load()
        return word in self._domain

    def nominal(self, word: str) -> bool:
        """A noun, a domain word, or a word jieba does not know (a name it guessed)."""
        self._load()
        tag = word_tags().get(word, "")
        return word in self._domain or not tag or tag[0] in "nj" or tag in ("vn", "l", "i")

    def proper_nouns(self, text: str, kinds: tuple[str, ...] = ("ns", "nr")) -> list[str]:
        """Places and people's names in `text` (jieba's ns and nr tags; `kinds` ("ns",) for
        places alone)."""
        tags = word_tags()
        return [
            w
            for w, _ in self.words(fold(text))
            if tags.get(w, "") in kinds and not _generic_place(w)
        ]

    def is_place(self, word: str) -> bool:
        """Whether jieba's dictionary tags the word a place name (ns), a kind of place
        (城市, 山区) aside."""
        return word_tags().get(word, "") == "ns" and not _generic_place(word)

    def words(self, folded: str) -> list[tuple[str, int]]:
        """jieba's accurate-mode words of already folded text, with their start offsets.

        An anonymised name (张某, 李某某, x某) is kept whole: jieba would cut 张某收了 into
        张 / 某收 and the name would match nothing. A short text's words are kept a while:
        reading a question cuts it for its words, the laws it names and their short names."""
        if len(folded) <= RECENT_CHARS and (kept := self._recent.get(folded)) is not None:
            return list(kept)
        tokenizer = self._load()
        native = self._native
        out: list[tuple[str, int]] = []
        last = 0
        for m in _ANONYMISED.finditer(folded):
            out += _cut(tokenizer, native, folded[last : m.start()], last)
            out.append((m.group(0), m.start()))
            last = m.end()
        out += _cut(tokenizer, native, folded[last:], last)
        if len(folded) <= RECENT_CHARS:
            if len(self._recent) >= RECENT_KEPT:
                self._recent.clear()
            self._recent[folded] = tuple(out)
        return out

    def _word_list(self, folded: str) -> list[str]:
        """`words` without the offsets."""
        native = self._native
        if native is None:
            return [w for w, _ in self.words(folded)]
        out: list[str] = []
        last = 0
        for m in _ANONYMISED.finditer(folded):
            out += native(folded[last : m.start()])
            out.append(m.group(0))
            last = m.end()
        out += native(folded[last:])
        return out

    def terms(self, text: str) -> list[str]:
        """Search terms of `text`: folded words and the dictionary words inside long words."""
        words = self._word_list(fold(text))
        kept = self._expansions
        if kept is None:
            return list(self.expand(words))
        out: list[str] = []
        for word in words:
            terms = kept.get(word)
            if terms is None:
                if len(kept) >= EXPANSIONS_KEPT:
                    kept.clear()
                terms = kept[word] = tuple(self.expand((word,)))
            out += terms
        return out

    def bigrams(self, text: str) -> list[str]:
        """Overlapping Han character pairs of `text`, as bigram terms.

        Words and character bigrams together find more than either alone (Kwok, TREC-5/6;
        Nie & Ren 1999): a name jieba cuts one way in the question and another in the passage
        (杨溥) still meets on its bigrams. Pairs that are stopwords (什么, 应该) are left out.
        """
        stop = stopwords()
        return [
            BIGRAM + run[i : i + 2]
            for run in _HAN_RUN.findall(fold(text))
            for i in range(len(run) - 1)
            if run[i : i + 2] not in stop
        ]

    def expand(self, words: Iterable[str]) -> Iterable[str]:
        freq = self._load().FREQ
        stop = stopwords()
        for word in words:
            if word in stop or not _WORDLIKE.search(word):
                continue
            yield word
            for n in (2, 3):
                if len(word) > n:
                    for i in range(len(word) - n + 1):
                        sub = word[i : i + n]
                        if freq.get(sub) and sub not in stop:
                            yield sub


def _cut(
    tokenizer: jieba.Tokenizer, native: Cut | None, text: str, at: int
) -> list[tuple[str, int]]:
    """jieba's words of `text` with their offsets, counted from `at`."""
    if native is None:
        return [(w, at + s) for w, s, _ in tokenizer.tokenize(text)]
    out = []
    for word in native(text):
        out.append((word, at))
        at += len(word)
    return out


@cache
def default_segmenter() -> Segmenter:
    return Segmenter()


def is_name(text: str) -> bool:
    """Whether `text` is a person's name jieba knows (习近平), as opens a speech's headline."""
    return word_tags().get(text.strip(), "").startswith("nr")


def may_be_name(text: str) -> bool:
    """Whether a line's two to four characters may be a person's name: one jieba tags a name
    in part (洛桑江村), or not two dictionary words of two characters each (典型案例, 基本案情
    under a case's headline)."""
    segmenter = default_segmenter()
    words = [w for w, _ in segmenter.words(re.sub(r"\s", "", text))]
    if any(is_name(w) for w in words):
        return True
    return not (len(words) > 1 and all(len(w) > 1 and segmenter.frequency(w) for w in words))
