"""The `studybot` command: one entry point for indexing, asking, evaluating and running the bot."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from pydantic import ValidationError

from bot import folder, logs, render
from bot.folder import FolderMismatch
from bot.progress import TerminalProgress
from bot.settings import Settings
from retrieval.database import StoreError
from retrieval.ingest import DocumentError
from retrieval.library import Library, ReloadError, ReloadReport
from retrieval.store import Store

Command = Callable[[argparse.Namespace, Settings], Awaitable[int]]


@asynccontextmanager
async def opened_library(
    args: argparse.Namespace, settings: Settings, *, report: bool = False
) -> AsyncIterator[Library]:
    """The store and an index current with its corpus folder (indexing what changed).

    The folder is the store's unless --corpus or STUDYBOT_CORPUS_DIR names one; a different
    one is refused, except by `reload` and `index` (`report`), which switch the store to it
    once the user agrees to what that removes. What the reload did is printed to stderr when
    it changed or refused something, or to stdout when `report`.
    """
    async with await Store.open(settings.db) as store:
        choice = await folder.choose(store, settings, getattr(args, "corpus", None))
        if choice.switching:
            if not report:
                raise FolderMismatch(folder.mismatch(choice, settings.db))
            await confirm_switch(store, choice, settings.db, yes=args.yes)
        library = Library(store, choice.folder)
        progress = TerminalProgress()
        try:
            done = await library.reload(progress=progress)
        finally:
            progress.close()
        if report:
            print(describe_reload(done))
        elif done.modified or done.failed:
            print(describe_reload(done), file=sys.stderr)
        yield library


async def confirm_switch(store: Store, choice: folder.Choice, db: Path, *, yes: bool) -> None:
    """Say how many documents switching the store to another folder removes, and go on only
    with --yes or a "y" typed at a terminal. Nothing is changed when the answer is no."""
    removed = await folder.removed_by_switch(store, choice.folder)
    names = ", ".join(removed[:10]) + (
        f" and {len(removed) - 10} more" if len(removed) > 10 else ""
    )
    print(
        f"studybot: the store {db} holds {choice.documents} document(s) from {choice.stored};"
        f" switching it to {choice.folder.resolve()} removes {len(removed)} of them"
        + (f" ({names})" if removed else "")
        + " and indexes that folder's documents",
        file=sys.stderr,
    )
    if yes:
        return
    if not sys.stdin.isatty():
        raise FolderMismatch("nothing was changed: pass --yes to switch without being asked")
    print("switch? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = await asyncio.to_thread(sys.stdin.readline)
    if answer.strip().lower() not in ("y", "yes"):
        raise FolderMismatch("nothing was changed: the store keeps its folder")


def describe_reload(report: ReloadReport) -> str:
    lines = [
        f"indexed: {len(report.added)} added, {len(report.changed)} changed, "
        f"{len(report.removed)} removed, {len(report.failed)} failed, "
        + (f"{len(report.duplicates)} duplicate(s), " if report.duplicates else "")
        + f"{report.unchanged} unchanged; "
        f"{report.documents} documents, {report.passages} passages in service; "
        f"{report.seconds:.2f} s"
        + (
            f" ({report.docs_per_second:,.1f} documents/s, {report.chars_per_second:,.0f} chars/s)"
            if report.chars
            else ""
        )
    ]
    lines += [
        f"failed: {reason}" if reason.startswith(doc) else f"failed: {doc}：{reason}"
        for doc, reason in report.failed
    ]
    lines += [
        f"duplicate: {d.doc} has the same text as {d.of}; indexed once, as {d.of}"
        if d.same
        else f"duplicate: {d.doc} is contained in {d.of}; indexed once, as {d.of}"
        for d in report.duplicates
    ]
    lines += [f"kept: {doc} is no longer in the corpus folder" for doc in report.kept]
    return "\n".join(lines)


async def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_library(args, settings, report=True) as library:
        index = library.index
    print(f"{len(index.documents)} documents, {len(index.passages)} passages in {settings.db}")
    return 0


def restriction(library: Library, name: str | None) -> frozenset[str] | None:
    """The documents `--doc NAME` names; an error when it names none."""
    if name is None:
        return None
    docs = library.find_documents(name)
    if not docs:
        raise ValueError(f"no document matches --doc {name!r}: see `studybot docs`")
    return docs


async def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    """A file or a link into the corpus folder, then a reload with its report."""
    from bot.adding import add

    async with await Store.open(settings.db) as store:  # the folder check comes first
        choice = await folder.choose(store, settings, args.corpus)
    if choice.switching:
        raise FolderMismatch(folder.mismatch(choice, settings.db))
    corpus = choice.folder
    added = await add(args.source, corpus, allow_private=settings.allow_private_urls)
    verb = "replaced" if added.replaced else "added"
    source = f" from {added.source}" if added.source else ""
    print(f"{verb}: {added.name} ({added.title}){source}", flush=True)
    args.corpus = str(corpus)
    async with opened_library(args, settings, report=True):
        pass
    return 0


async def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_library(args, settings) as library:
        answer = library.answer(args.question, args.top_k, restriction(library, args.doc))
    print(render.terminal(answer, color=sys.stdout.isatty(), toc=render.TOC_IN_TERMINAL))
    return 0


async def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_library(args, settings) as library:
        # undecodable input becomes U+FFFD rather than a crash halfway through a batch
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
        questions = sys.stdin if args.question == "-" else [args.question]
        docs = restriction(library, args.doc)
        for line in questions:
            answer = library.answer(line.rstrip("\r\n"), args.top_k, docs)
            if args.json:
                sys.stdout.write(json.dumps(render.answer_json(answer), ensure_ascii=False) + "\n")
            else:
                terminal = render.terminal(
                    answer, color=sys.stdout.isatty(), toc=render.TOC_IN_TERMINAL
                )
                print(terminal + "\n")
        sys.stdout.flush()
    return 0


async def cmd_outline(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.outline import outline

    path = Path(args.file)
    print("\n".join(render.outline(outline(path.name, path.read_bytes()))))
    return 0


async def cmd_explain(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.explanation import explain

    async with opened_library(args, settings) as library:
        report = explain(library.index, args.question, library.segmenter, library.ranking)
    print("\n".join(render.explanation(args.question, report)))
    return 0


async def cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_library(args, settings) as library:
        summaries = await library.store.summaries()
    metas = {d.doc: d.meta for d in library.index.documents}
    for s in summaries:
        updated = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.updated_at))
        meta = metas.get(s.doc)
        about = render.document_facts(meta) if meta else ""
        print(f"{s.doc}\t{s.passages} passages\tupdated {updated}\t{s.title}\t{about}")
    return 0


async def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.evaluate import (
        baseline,
        evaluate,
        file_matcher,
        gold_judge,
        load_questions,
        paragraph_judge,
    )

    async with opened_library(args, settings) as library:
        pass  # the index stays usable once the store is closed
    path = Path(args.questions) if args.questions else library.corpus_dir / "questions.jsonl"
    questions = load_questions(path)
    passages = library.index.passages
    named = [q.doc for q in questions if q.doc]
    # a set's `doc` names a file of the corpus folder, or one beside its questions (in docs/,
    # as tests/data/corpora/ and ../shared/realdev/ lay them out, indexed from the set's folder)
    places = (library.corpus_dir, path.parent / "docs", path.parent)
    gold_dir = next((d for d in places if named and (d / named[0]).is_file()), library.corpus_dir)
    same = file_matcher(gold_dir, library.corpus_dir)
    judge = (
        gold_judge(gold_dir, library.corpus_dir)
        if named
        else paragraph_judge([p.text for p in passages])
    )
    ours = evaluate(
        questions, lambda q: [h.passage for h in library.answer(q, 5).hits], judge, same
    )
    base = evaluate(questions, baseline(passages), judge, same)
    print(f"{path}: {ours.answerable} answerable, {ours.out_of_scope} out of scope")
    print(
        f"{'':12}{'Hit@1':>8}{'Hit@3':>8}{'MRR@5':>8}{'doc@1':>8}{'section@1':>10}"
        f"{'abstain':>10}{'refused':>9}"
    )
    for name, m in (("studybot", ours), ("plain BM25", base)):
        abstain = f"{m.abstained}/{m.out_of_scope}"
        print(
            f"{name:12}{m.hit1:8.3f}{m.hit3:8.3f}{m.mrr5:8.3f}{m.right_document:8.3f}"
            f"{m.right_section:10.3f}{abstain:>10}{m.wrongly_refused:>9}"
        )
    if args.verbose:
        for label, asked in (
            ("miss", ours.misses),
            ("refused", ours.refusals),
            ("answered out of scope", ours.answered_out_of_scope),
        ):
            for q in asked:
                print(f"{label}: {q}")
    return 0


async def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval import bench

    if args.pipeline:
        return await bench_pipeline(args, settings)
    limit = None if args.reference_all else bench.REFERENCE_LIMIT
    results = await asyncio.to_thread(
        bench.run, args.passages, args.queries, reference_limit=limit, peers=bench.available_peers()
    )
    print(bench.format_table(results))
    return 0


async def bench_pipeline(args: argparse.Namespace, settings: Settings) -> int:
    """`bench --pipeline`: `search --json -`'s cost per question on the store's corpus beside
    jieba + tantivy over the same passages."""
    from retrieval import pipebench

    async with opened_library(args, settings) as library:
        terms = await library.store.terms()  # each passage's, in the index's order
    passages = library.index.passages
    if args.questions:
        text = Path(args.questions).read_text(encoding="utf-8")
        questions = [line for line in text.splitlines() if line.strip()]
    else:
        questions = pipebench.default_questions()

    def ours(question: str) -> str:  # what `search --json -` does for each line
        return json.dumps(render.answer_json(library.answer(question, 5)), ensure_ascii=False)

    def reference() -> pipebench.Reference:
        return pipebench.Reference(
            [p.title for p in passages],
            [p.text for p in passages],
            (" ".join(passage_terms) for passage_terms in terms),
        )

    result = await asyncio.to_thread(pipebench.run, ours, reference, len(passages), questions)
    print(pipebench.format_result(result))
    return 0


async def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """The bot's replies in a terminal conversation, for trying the product without a token."""
    async with opened_library(args, settings) as library:
        pass  # the index stays usable once the store is closed
    usage = "StudyBot 终端问答：输入问题后回车；/toc 查看目录，/help 查看说明，/quit 退出。"
    print(usage)
    while True:
        try:
            question = await asyncio.to_thread(input, "问> ")
        except EOFError:
            break
        command = question.strip().split(maxsplit=1)[0] if question.strip() else ""
        if command in ("/quit", "/exit"):
            break
        if command == "/toc":
            print(render.toc_text(library.index.documents))
            continue
        if command.startswith("/"):  # the bot's other commands need Telegram
            known = command in ("/help", "/start")
            print(usage if known else f"终端里没有 {command} 命令。{usage}")
            continue
        answer = library.answer(question, 3)
        print(render.terminal(answer, color=sys.stdout.isatty()) + "\n")
    return 0


async def cmd_quiz(args: argparse.Namespace, settings: Settings) -> int:
    """Generated quiz questions, for admins to review before a session."""
    import random

    from retrieval.quiz import QuizBank, generate

    async with opened_library(args, settings) as library:
        pass  # the index stays usable once the store is closed
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    bank = QuizBank(library.index, library.segmenter)
    questions = await asyncio.to_thread(generate, bank, args.count, seed, repeat=True)
    distinct = len({q.sentence for q in questions})
    print(f"seed {seed}: {len(questions)} questions from {distinct} sentences", file=sys.stderr)
    if len(questions) < args.count:
        print(
            f"studybot: only {len(questions)} of {args.count}: the corpus gives no more questions"
            " that differ from these",
            file=sys.stderr,
        )
    for number, q in enumerate(questions, start=1):
        if args.json:
            record = {
                "kind": q.kind,
                "prompt": q.prompt,
                "options": list(q.options),
                "answer_index": q.answer_index,
                "answer": q.answer,
                "sentence": q.sentence,
                "passage": q.passage.text,
                "doc": q.doc,
                "title": q.passage.title,
                "section": list(q.section),
                "paragraph": q.paragraph,
                "part": q.passage.part,
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        print(f"{number}. [{'填空' if q.kind == 'cloze' else '出处'}] {q.prompt}")
        for i, option in enumerate(q.options):
            print(f"   {'ABCD'[i]}. {option}{'  ✓' if i == q.answer_index else ''}")
        print(f"   出处：{q.passage.title} · {render.place(q.passage)}\n")
    sys.stdout.flush()
    return 0 if questions or not library.index.passages else 1


async def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """A group's study record as the spreadsheet /export sends, written to FILE."""
    from zoneinfo import ZoneInfo

    from bot import spreadsheet
    from bot.state import BotState

    until = time.time()
    since = until - args.days * 86400 if args.days else None
    async with await Store.open(settings.db) as store:
        state = await BotState.open(store.database)
        study = await state.record.collect([args.chat], since=since, until=until)
    data = spreadsheet.workbook_bytes(study, ZoneInfo(settings.timezone), many=False)
    path = Path(args.file)
    path.write_bytes(data)
    print(
        f"wrote {path}: {len(study.members)} members, {len(study.events)} events of chat"
        f" {args.chat}" + (f" in the last {args.days} days" if args.days else ""),
        file=sys.stderr,
    )
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    problem = settings.token_problem()
    if problem:
        print(
            f"studybot: {problem}. Try `studybot chat` to use the bot in the terminal.",
            file=sys.stderr,
        )
        return 2
    from telegram.error import InvalidToken, NetworkError

    from bot.app import run

    asyncio.run(folder.folder_for(settings))  # a folder other than the store's is refused

    try:
        run(settings)
    except InvalidToken:  # its message quotes the token
        print(
            "studybot: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
            file=sys.stderr,
        )
        return 2
    except NetworkError as exc:
        print(
            f"studybot: cannot reach the Bot API at {settings.api_base_url}: {exc}", file=sys.stderr
        )
        return 2
    return 0


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="studybot", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, func: Command, help: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help, description=help)
        cmd.set_defaults(func=func)
        return cmd

    def corpus_option(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument(
            "--corpus",
            help="corpus folder (default: the store's, else $STUDYBOT_CORPUS_DIR, else the"
            " bundled corpus/); another folder than the store's is refused",
        )

    def doc_option(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("--doc", help="search only documents whose file name or title has this")

    cmd = add("ask", cmd_ask, "answer a question in the terminal")
    cmd.add_argument("question")
    cmd.add_argument("--top-k", type=positive, default=3)
    doc_option(cmd)
    corpus_option(cmd)

    cmd = add(
        "search",
        cmd_search,
        "ranked passages for a question ('-': one question per line from stdin)",
    )
    cmd.add_argument("question")
    cmd.add_argument("--top-k", type=positive, default=5)
    cmd.add_argument("--json", action="store_true", help="one JSON object per question")
    doc_option(cmd)
    corpus_option(cmd)

    cmd = sub.add_parser(
        "outline", help="how a file is read: metadata, heading tree, passages, lines removed"
    )
    cmd.add_argument("file")
    cmd.set_defaults(func=cmd_outline)

    cmd = add("explain", cmd_explain, "the hit test: question words, scores, coverage, threshold")
    cmd.add_argument("question")
    corpus_option(cmd)

    for name, func, help in (
        ("index", cmd_index, "ingest and index the corpus folder"),
        ("reload", cmd_index, "bring the index in line with the corpus folder and report"),
    ):
        cmd = add(name, func, help + "; --corpus DIR switches the store to another folder")
        corpus_option(cmd)
        cmd.add_argument(
            "--yes",
            action="store_true",
            help="switch to another folder without asking (it removes the documents not in it)",
        )
    corpus_option(add("docs", cmd_docs, "list documents with passage counts and dates"))

    cmd = add("add", cmd_add, "add a file or the document at a link to the corpus, then reload")
    cmd.add_argument("source", metavar="PATH_OR_URL")
    corpus_option(cmd)

    cmd = add("eval", cmd_eval, "Hit@1/Hit@3/MRR@5 and abstention beside plain BM25")
    cmd.add_argument(
        "--questions", help="question file (default: questions.jsonl in the corpus folder)"
    )
    cmd.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list the questions missed at rank 1, refused, or answered out of scope",
    )
    corpus_option(cmd)

    corpus_option(add("chat", cmd_chat, "talk to the bot in the terminal (no token needed)"))

    cmd = add("quiz", cmd_quiz, "generated quiz questions, to review before a study session")
    cmd.add_argument("count", type=positive, metavar="N", help="how many questions")
    cmd.add_argument("--seed", type=int, help="the same seed gives the same questions")
    cmd.add_argument("--json", action="store_true", help="one JSON object per question")
    corpus_option(cmd)
    cmd = add("export", cmd_export, "a group's study record (members, events) as an XLSX file")
    cmd.add_argument(
        "--chat", type=int, required=True, help="the group's chat id, e.g. --chat=-1001234567890"
    )
    cmd.add_argument("--days", type=positive, help="only the last N days (default: everything)")
    cmd.add_argument("file", metavar="FILE", help="the .xlsx file to write")
    sub.add_parser("run", help="run the Telegram bot").set_defaults(func=None)
    cmd = sub.add_parser(
        "doctor", help="check settings, token form, database and corpus; say what to fix"
    )
    cmd.add_argument("--health", action="store_true", help="only the database and corpus, quietly")
    cmd.set_defaults(func=None)

    cmd = add("bench", cmd_bench, "speed and memory of the BM25 engine beside rank-bm25")
    cmd.add_argument("--passages", type=int, nargs="+", default=[10_000, 100_000])
    cmd.add_argument("--queries", type=int, default=200)
    cmd.add_argument(
        "--reference-all",
        action="store_true",
        help="run rank-bm25 beside it at every size (minutes and gigabytes at 1,000,000)",
    )
    cmd.add_argument(
        "--pipeline",
        action="store_true",
        help="instead: `search --json -`'s cost per question on the store's corpus beside"
        " jieba + tantivy (needs tantivy: pip install -e '.[bench]')",
    )
    cmd.add_argument("--questions", help="with --pipeline: a file of questions, one a line")
    corpus_option(cmd)
    return p


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    from bot import doctor

    findings = doctor.health(settings) if args.health else doctor.check(settings)
    if not args.health or any(not f.ok for f in findings):
        print("\n".join(f.line() for f in findings))
    return 0 if all(f.ok for f in findings) else 1


def settings_error(exc: ValidationError) -> str:
    """Pydantic's report in one line: which variable, what is wrong."""
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:  # a settings mistake, not a crash
        if args.command == "doctor":  # its job: every mistake on a line, and how to fix it
            from bot import doctor

            findings, fallback = doctor.check_settings(exc)
            if fallback is not None:  # and all the rest, with those settings at their defaults
                findings += doctor.health(fallback) if args.health else doctor.check(fallback)
            print("\n".join(f.line() for f in findings))
            return 1
        print(f"studybot: invalid settings: {settings_error(exc)}", file=sys.stderr)
        return 2
    note = settings.legacy_note()
    if note and args.command not in ("doctor", "run"):  # they say it among findings, in the log
        print(f"studybot: note: {note}", file=sys.stderr)
    try:
        if args.command == "run":
            token = (
                settings.telegram_bot_token.get_secret_value()
                if settings.telegram_bot_token
                else ""
            )
            logs.configure(token, json_lines=settings.log_format == "json")
            return cmd_run(args, settings)
        if args.command == "doctor":
            return cmd_doctor(args, settings)
        return int(asyncio.run(args.func(args, settings)))
    except (
        FileNotFoundError,
        DocumentError,
        ReloadError,
        StoreError,
        ValueError,
    ) as exc:  # one line, no traceback
        print(f"studybot: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        print(
            f"studybot: database {settings.db} cannot be used ({exc}); run `studybot doctor`",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:  # e.g. `studybot quiz --json 50 | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
