PRAGMA user_version = 7;
BEGIN TRANSACTION;
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        user_id INTEGER,
        action TEXT NOT NULL,
        allowed INTEGER NOT NULL,
        detail TEXT NOT NULL
    );
INSERT INTO "audit_log" VALUES(1,1.796226335954130888e+09,7,'/reload',0,'not an admin');
CREATE TABLE chat_settings (
        chat_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (chat_id, key)
    );
INSERT INTO "chat_settings" VALUES(0,'corpus_dir','/tmp/wt13fx/corpus');
INSERT INTO "chat_settings" VALUES(0,'duplicates_checked','eee192119272b63cd8e7b483ce4ee9ccdca456918bc127895a760b45fd884464');
INSERT INTO "chat_settings" VALUES(-100,'mode','all');
INSERT INTO "chat_settings" VALUES(-100,'admin_only','on');
INSERT INTO "chat_settings" VALUES(-100,'scope','["讲话.txt"]');
CREATE TABLE daily_subscriptions (
        chat_id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        next_due REAL NOT NULL,
        doc TEXT,
        paragraph INTEGER,
        part INTEGER,
        sent INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER,
        created_at REAL NOT NULL
    );
INSERT INTO "daily_subscriptions" VALUES(-300,'21:30','Asia/Shanghai',6000.0,NULL,NULL,NULL,0,9,1100.0);
INSERT INTO "daily_subscriptions" VALUES(-100,'08:00','Asia/Shanghai',91400.0,'讲话.txt',1,1,1,7,1000.0);
CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        analyzer TEXT NOT NULL,
        headings TEXT NOT NULL,
        added_at REAL NOT NULL,
        updated_at REAL NOT NULL
    , meta TEXT NOT NULL DEFAULT '{}');
INSERT INTO "documents" VALUES(1,'讲话.txt','关于家风建设的讲话','e568318d1a8a856ee05fb3a33d17d40e9ca34ffe1ed5768ad2ceb07a1ab2fc01',189,1796226335337290943,'2f9fa5c43af47f25','[[["一、树立良好家风"], 1], [["二、严格要求"], 2]]',1.79622633594913029674e+09,1.79622633594913029674e+09,'{"kind": "讲话"}');
CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        query_id INTEGER REFERENCES query_log(id) ON DELETE SET NULL,
        chat_id INTEGER,
        user_id INTEGER,
        doc TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        helpful INTEGER NOT NULL,
        reason TEXT
    );
INSERT INTO "feedback" VALUES(1,1.79622633595364117626e+09,1,-100,7,'讲话.txt',1,0,'不够具体');
INSERT INTO "feedback" VALUES(2,1.79622633595383524897e+09,1,-100,8,'讲话.txt',1,1,NULL);
CREATE TABLE index_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation TEXT NOT NULL,
        layout INTEGER NOT NULL,
        passages INTEGER NOT NULL,
        vocabulary BLOB NOT NULL,
        ptr BLOB NOT NULL,
        doc_ids BLOB NOT NULL,
        tf BLOB NOT NULL,
        lengths BLOB NOT NULL,
        created_at REAL NOT NULL
    );
INSERT INTO "index_snapshot" VALUES(1,'eee192119272b63cd8e7b483ce4ee9ccdca456918bc127895a760b45fd884464',3,2,X'',X'',X'',X'',X'',1.79622633595155310626e+09);
CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        paragraph INTEGER NOT NULL,
        part INTEGER NOT NULL,
        section TEXT NOT NULL,
        text TEXT NOT NULL,
        terms TEXT NOT NULL,
        UNIQUE (document_id, paragraph, part)
    );
INSERT INTO "passages" VALUES(1,1,1,1,'["一、树立良好家风"]','家属应该做廉洁家庭的守护者，常吹枕边风。','家属做廉洁家庭守护者守护常吹枕边风枕边树立良好家风良好家风树立良好家风良好家风~树立~立良~良好~好家~家风~家属~属应~该做~做廉~廉洁~洁家~家庭~庭的~的守~守护~护者~常吹~吹枕~枕边~边风');
INSERT INTO "passages" VALUES(2,1,2,1,'["二、严格要求"]','领导干部要管好亲属和身边工作人员。','领导干部领导干部管好亲属身边工作人员工作作人人员二严格要求严格要求二严格要求严格要求~严格~格要~要求~领导~导干~干部~部要~要管~管好~好亲~亲属~属和~和身~身边~边工~工作~作人~人员');
CREATE TABLE query_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        chat_id INTEGER,
        user_id INTEGER,
        source TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        results TEXT NOT NULL,
        latency_ms REAL NOT NULL
    );
INSERT INTO "query_log" VALUES(1,1.79622633595336675645e+09,-100,7,'private','家属应该做什么',1,'[["讲话.txt", 1, 0.9]]',3.5);
INSERT INTO "query_log" VALUES(2,1.79622633595349478728e+09,-100,8,'group','今天股市',0,'[]',1.0);
CREATE TABLE quiz_answers (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES quiz_questions(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        at REAL NOT NULL,
        UNIQUE (question_id, user_id)
    );
INSERT INTO "quiz_answers" VALUES(1,1,-100,7,'张三',0,1,1002.0);
INSERT INTO "quiz_answers" VALUES(2,1,-100,8,'李四',2,0,1003.0);
CREATE TABLE quiz_questions (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options TEXT NOT NULL,
        answer_index INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        doc TEXT NOT NULL,
        title TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        part INTEGER NOT NULL,
        passage TEXT NOT NULL,
        message_id INTEGER,
        asked_at REAL,
        deadline REAL,
        revealed_at REAL,
        UNIQUE (round_id, number)
    );
INSERT INTO "quiz_questions" VALUES(1,1,1,'blank','____应该做廉洁家庭的守护者','["家属", "同事", "朋友", "邻居"]',0,'家属应该做廉洁家庭的守护者，常吹枕边风。','讲话.txt','关于家风建设的讲话','["一、树立良好家风"]',1,1,'家属应该做廉洁家庭的守护者，常吹枕边风。',55,1001.0,1031.0,1031.0);
INSERT INTO "quiz_questions" VALUES(2,1,2,'blank','____应该做廉洁家庭的守护者','["家属", "同事", "朋友", "邻居"]',0,'家属应该做廉洁家庭的守护者，常吹枕边风。','讲话.txt','关于家风建设的讲话','["一、树立良好家风"]',1,1,'家属应该做廉洁家庭的守护者，常吹枕边风。',NULL,NULL,NULL,NULL);
INSERT INTO "quiz_questions" VALUES(3,2,1,'blank','____应该做廉洁家庭的守护者','["家属", "同事", "朋友", "邻居"]',0,'家属应该做廉洁家庭的守护者，常吹枕边风。','讲话.txt','关于家风建设的讲话','["一、树立良好家风"]',1,1,'家属应该做廉洁家庭的守护者，常吹枕边风。',NULL,NULL,NULL,NULL);
CREATE TABLE quiz_rounds (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        starter_id INTEGER NOT NULL,
        total INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL,
        outcome TEXT
    );
INSERT INTO "quiz_rounds" VALUES(1,-100,7,2,30,3,1000.0,1040.0,'stopped');
INSERT INTO "quiz_rounds" VALUES(2,-200,9,1,20,4,2000.0,NULL,NULL);
CREATE TABLE quiz_scores (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
INSERT INTO "quiz_scores" VALUES(-100,7,'张三',1,1,1031.0);
INSERT INTO "quiz_scores" VALUES(-100,8,'李四',0,1,1031.0);
CREATE TABLE reading_positions (
        user_id INTEGER NOT NULL,
        doc TEXT NOT NULL,
        step INTEGER NOT NULL,
        section TEXT NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (user_id, doc)
    );
INSERT INTO "reading_positions" VALUES(7,'讲话.txt',2,'["一、树立良好家风"]',1200.0);
CREATE TABLE study_chats (
        chat_id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
INSERT INTO "study_chats" VALUES(-100,'学习一组',950.0);
CREATE TABLE study_deliveries (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        at REAL NOT NULL,
        doc TEXT NOT NULL,
        title TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL
    );
INSERT INTO "study_deliveries" VALUES(1,-100,5000.0,'讲话.txt','关于家风建设的讲话','["一、树立良好家风"]',1);
CREATE TABLE study_members (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        username TEXT,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL,
        left_at REAL,
        PRIMARY KEY (chat_id, user_id)
    );
INSERT INTO "study_members" VALUES(-100,7,'张三','zhang',900.0,900.0,NULL);
INSERT INTO "study_members" VALUES(-100,8,'李四',NULL,950.0,950.0,1500.0);
CREATE TABLE updates (
        update_id INTEGER PRIMARY KEY,
        payload TEXT,
        received_at REAL NOT NULL,
        handled_at REAL
    );
INSERT INTO "updates" VALUES(501,NULL,1.79622633595419716832e+09,1.79622633595428895948e+09);
INSERT INTO "updates" VALUES(502,'{"update_id": 502}',1.79622633595419716832e+09,NULL);
CREATE INDEX query_log_at ON query_log(at);
CREATE UNIQUE INDEX quiz_rounds_open ON quiz_rounds(chat_id) WHERE ended_at IS NULL;
CREATE INDEX quiz_answers_chat_at ON quiz_answers(chat_id, at);
CREATE INDEX updates_pending ON updates(update_id) WHERE handled_at IS NULL;
CREATE INDEX updates_handled_at ON updates(handled_at);
CREATE UNIQUE INDEX feedback_one_vote ON feedback(query_id, user_id);
CREATE INDEX study_deliveries_chat_at ON study_deliveries(chat_id, at);
CREATE INDEX query_log_chat_at ON query_log(chat_id, at);
COMMIT;
