"""How tests/data/release_0_1_db.sql was made: run from a checkout of the release (8da0eda),

    python tests/data/make_release_db.py tests/data/release_0_1_db.sql

with that checkout's code, which kept every table in retrieval/store.py. It indexes a
one-file corpus, writes rows into every table through the release's own methods, and dumps
the database as SQL (sqlite3's iterdump, with PRAGMA user_version first). It imports what this
release no longer has, so it is kept as a record, not run by the tests.
"""

# ruff: noqa
# mypy: ignore-errors
import asyncio
import json
import shutil
import sqlite3
import sys
from pathlib import Path

from retrieval import record
from retrieval.library import Library
from retrieval.store import QuestionDraft, Store

WORK = Path("/tmp/wt13fx")
SPEECH = "关于家风建设的讲话\n\n一、树立良好家风\n\n家属应该做廉洁家庭的守护者，常吹枕边风。\n\n二、严格要求\n\n领导干部要管好亲属和身边工作人员。\n"


async def main(out: Path) -> None:
    db_dir, folder = WORK / "db", WORK / "corpus"
    shutil.rmtree(db_dir, ignore_errors=True)
    db_dir.mkdir(parents=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    store = await Store.open(db_dir / "studybot.db")
    lib = Library(store, folder)
    await lib.reload()
    p = lib.index.documents[0].passages[0]
    qid = await store.log_query(
        source="private",
        question="家属应该做什么",
        results=[(p.doc, p.paragraph, 0.9)],
        latency_ms=3.5,
        chat_id=-100,
        user_id=7,
    )
    await store.log_query(
        source="group", question="今天股市", results=[], latency_ms=1.0, chat_id=-100, user_id=8
    )
    fid, _ = await store.add_feedback(
        doc=p.doc, paragraph=p.paragraph, helpful=False, query_id=qid, chat_id=-100, user_id=7
    )
    await store.set_feedback_reason(fid, "不够具体")
    await store.add_feedback(
        doc=p.doc, paragraph=p.paragraph, helpful=True, query_id=qid, chat_id=-100, user_id=8
    )
    await store.set_setting(-100, "mode", "all")
    await store.set_setting(-100, "admin_only", "on")
    await store.set_setting(-100, "scope", json.dumps([p.doc], ensure_ascii=False))
    await store.audit(user_id=7, action="/reload", allowed=False, detail="not an admin")
    await store.receive_updates(
        [(501, json.dumps({"update_id": 501})), (502, json.dumps({"update_id": 502}))]
    )
    await store.mark_handled(501)
    draft = QuestionDraft(
        "blank", "____应该做廉洁家庭的守护者", ("家属", "同事", "朋友", "邻居"), 0, p.text, p
    )
    rid = await store.start_quiz_round(
        chat_id=-100, starter_id=7, seconds=30, seed=3, at=1000.0, questions=[draft, draft]
    )
    questions = await store.quiz_questions(rid)
    await store.mark_question_asked(
        questions[0].id, message_id=55, asked_at=1001.0, deadline=1031.0
    )
    await store.record_quiz_answer(questions[0].id, user_id=7, name="张三", choice=0, at=1002.0)
    await store.record_quiz_answer(questions[0].id, user_id=8, name="李四", choice=2, at=1003.0)
    await store.reveal_quiz_question(questions[0].id, at=1031.0)
    await store.end_quiz_round(rid, at=1040.0, outcome="stopped")
    await store.start_quiz_round(
        chat_id=-200, starter_id=9, seconds=20, seed=4, at=2000.0, questions=[draft]
    )
    await store.subscribe_daily(
        -100, time="08:00", timezone="Asia/Shanghai", next_due=5000.0, user_id=7, at=1000.0
    )
    await store.advance_daily(
        -100, due=5000.0, doc=p.doc, paragraph=p.paragraph, part=p.part, next_due=91400.0
    )
    await store.subscribe_daily(
        -300, time="21:30", timezone="Asia/Shanghai", next_due=6000.0, user_id=9, at=1100.0
    )
    await store.set_reading_position(7, p.doc, step=2, section=p.section, at=1200.0)
    await record.member_seen(
        store,
        chat_id=-100,
        chat_title="学习一组",
        user_id=7,
        name="张三",
        username="zhang",
        at=900.0,
        joined=True,
    )
    await record.member_seen(
        store, chat_id=-100, chat_title="学习一组", user_id=8, name="李四", username=None, at=950.0
    )
    await record.member_left(store, chat_id=-100, user_id=8, at=1500.0)
    await record.delivered(store, -100, p, 5000.0)
    await store.close()
    db = sqlite3.connect(db_dir / "studybot.db")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    out.write_text(
        "\n".join([f"PRAGMA user_version = {version};", *db.iterdump()]) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
