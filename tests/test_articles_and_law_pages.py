"""Articles asked by number however they are written, laws held only by a page reporting them,
texts on a law named after it, and an article asked of several texts with nothing else said;
each rule beside the question it must still answer."""

from __future__ import annotations

from pathlib import Path

from retrieval.corpus import read_document
from retrieval.dates import chinese_number, cn_numeral
from retrieval.model import Document, NoAnswer
from retrieval.names import texts_on_law
from retrieval.normalize import plain_text
from retrieval.question import asks_effect, asks_purpose
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()
CORPORA = Path(__file__).parent / "data" / "corpora"

CODE = parse(
    "minfadian.md",
    [
        "中华人民共和国民法典",
        "第六编 继承",
        "第二章 法定继承",
        "第一千一百二十七条 遗产按照下列顺序继承：配偶、子女、父母为第一顺序。",
        "第一千一百二十八条 被继承人的子女先于被继承人死亡的，由被继承人的子女的直系晚辈血亲"
        "代位继承。",
        "第四章 遗产的处理",
        "第一千一百六十二条 执行遗赠不得妨碍清偿遗赠人依法应当缴纳的税款和债务。",
    ],
)


def test_numbers_past_a_thousand_read_both_ways() -> None:
    for n in (10, 16, 105, 110, 1000, 1001, 1010, 1015, 1128, 1162, 1260, 2000):
        assert chinese_number(cn_numeral(n)) == n
    assert cn_numeral(1010) == "一千零一十"
    assert cn_numeral(1162) == "一千一百六十二"
    assert chinese_number("一千零五十") == 1050


def test_an_article_past_a_thousand_is_found_typed_in_digits_or_written_out() -> None:
    index = index_of([CODE], SEGMENTER)
    for asked in ("第1162条", "民法典第一千一百六十二条讲什么"):
        hits = answer(index, asked, SEGMENTER).hits
        assert hits and hits[0].passage.text.startswith("第一千一百六十二条"), asked
        # and the article heads its own passages, as 第十三条 does
        assert hits[0].passage.section[-1] == "第一千一百六十二条", asked
    top = answer(index, "民法典第1128条讲代位继承是怎么规定的", SEGMENTER).hits[0]
    assert top.passage.text.startswith("第一千一百二十八条")


NEWS = parse(
    "gongyuanfa_xinwen.txt",
    [
        "十四届全国人大常委会第十七次会议9月12日表决通过《中华人民共和国国家公园法》,"
        "自2026年1月1日起施行。国家公园法共7章63条,包括总则、布局和设立、保护和管理。",
        "这部法律规定,国家建立统一规范高效的国家公园管理体制。",
        "制定《国家公园法》是高质量推进国家公园建设的客观要求。",
        "全国人大常委会法工委发言人介绍,《国家公园法》坚持生态优先、从严保护。",
    ],
)
RESERVES = parse(
    "baohuqu_tiaoli.md",
    [
        "中华人民共和国自然保护区条例",
        "第一章 总则",
        "第十条 凡具有下列条件之一的，应当建立自然保护区。",
        "第十一条 自然保护区分为国家级自然保护区和地方级自然保护区。",
    ],
)


def test_a_law_held_only_by_a_page_reporting_its_adoption_is_that_pages() -> None:
    index = index_of([NEWS, RESERVES], SEGMENTER)
    got = answer(index, "国家公园法几章几条", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "gongyuanfa_xinwen.txt"
    # an article of it the page neither holds nor cites is not there to show
    got = answer(index, "国家公园法第十条具体是怎么规定的？", SEGMENTER)
    assert got.reason is NoAnswer.MISSING and "第十条" in got.note
    # counter-example: a law that holds the article answers with it, however it writes 零
    got = answer(index, "自然保护区条例第十条是怎么规定的？", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("第十条")
    statistics = parse(
        "tongjifa.md",
        [
            "中华人民共和国统计法",
            "第一百〇五条 本法自公布之日起施行。",
            "第二条 本法适用于统计活动。",
        ],
    )
    got = answer(index_of([NEWS, statistics], SEGMENTER), "统计法第一百零五条", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("第一百〇五条")


LAW = parse(
    "jichengfa.txt",
    [
        "中华人民共和国继承法",
        "第二条 继承从被继承人死亡时开始。",
        "第三条 遗产是公民死亡时遗留的个人合法财产,包括公民的有价证券。",
    ],
)
OPINION = parse(
    "jichengfa_yijian.txt",
    [
        "最高人民法院关于贯彻执行《中华人民共和国继承法》若干问题的意见",
        "一、关于总则部分",
        "1.继承从被继承人生理死亡或被宣告死亡时开始。失踪人被宣告死亡的,以法院判决中确定的"
        "失踪人的死亡日期,为继承开始的时间。",
        "3.公民可继承的其他合法财产包括有价证券和履行标的为财物的债权等。",
    ],
)


ON_OPINION = parse(
    "shanghai_yijian.txt",
    [
        "上海市高级人民法院对贯彻人民法院关于执行继承法若干意见的意见",
        "一、对《意见》第1条的理解。人民法院对申请宣告失踪人死亡的案件,必须经过调查并发出寻找"
        "失踪人的公告。",
    ],
)


def test_a_text_on_a_law_is_named_by_the_law_and_its_kind() -> None:
    # (a court's 意见 on that 意见 is titled with the law's name too, not as said)
    index = index_of([LAW, OPINION, ON_OPINION], SEGMENTER)
    # (the note of an edition after the kind is no part of it)
    trial = parse(
        "jicheng_yijian_shixing.txt",
        [
            "最高人民法院关于贯彻执行《中华人民共和国继承法》若干问题的意见（试行）",
            "1.继承从被继承人生理死亡或被宣告死亡时开始。",
        ],
    )
    said = plain_text("继承法的意见里继承从什么时候开始")
    assert texts_on_law([LAW, trial], [LAW], said) == [trial]
    index = index_of([LAW, OPINION, ON_OPINION], SEGMENTER)
    for asked in (
        "最高法关于继承法的意见里，失踪人被宣告死亡的继承从哪天开始",
        "贯彻执行继承法若干问题的意见里，失踪人的继承从哪天算",
    ):
        got = answer(index, asked, SEGMENTER)
        assert got.hits and got.hits[0].passage.doc == "jichengfa_yijian.txt", asked
    # counter-example: the law named alone is the law
    got = answer(index, "继承法里公民死亡时遗留的个人合法财产包括有价证券吗", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "jichengfa.txt"


LOCAL = parse(
    "xiaoqinling_tiaoli.md",
    [
        "河南小秦岭国家级自然保护区条例",
        "第一条 根据《中华人民共和国自然保护区条例》，结合本省实际，制定本条例。",
        "第十条 小秦岭保护区实行分区管理。",
        "第十一条 禁止任何单位和个人擅自进入小秦岭保护区的核心区。",
    ],
)
STUDY = parse(
    "kaodian.txt",
    [
        "环评考试考点",
        "《中华人民共和国自然保护区条例》1994年颁布实施，要求掌握功能区的划分。",
    ],
)


def test_an_article_asked_bare_is_of_the_text_the_corpus_cites() -> None:
    index = index_of([RESERVES, LOCAL, STUDY], SEGMENTER)
    for asked in ("第十一条", "条例第十一条说的是什么"):
        got = answer(index, asked, SEGMENTER)
        assert got.hits and got.hits[0].passage.doc == "baohuqu_tiaoli.md", asked
    # counter-example: a question saying more is read for what it says
    got = answer(index, "小秦岭条例第十一条讲核心区什么", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "xiaoqinling_tiaoli.md"
    # and pages citing the local rule cite it, not the nation's whose name it holds
    pages = [
        parse(
            f"xinwen_{i}.txt",
            [f"新闻{i}", f"《河南小秦岭国家级自然保护区条例》第{i}次执法检查启动。"],
        )
        for i in (1, 2)
    ]
    got = answer(index_of([RESERVES, LOCAL, *pages], SEGMENTER), "第十一条", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "xiaoqinling_tiaoli.md"


def test_an_article_asked_bare_of_texts_of_no_rule_kind_is_still_answered() -> None:
    notes = [
        parse(f"biji_{i}.txt", [f"学习笔记{i}", f"第十一条 {line}", "第十二条 要联系实际。"])
        for i, line in ((1, "要加强理论学习。"), (2, "要改进工作作风。"))
    ]
    other = parse(
        "xinwen.txt", ["新闻", "全市召开学习交流会。", "会议要求抓好落实。", "会后分组讨论。"]
    )
    got = answer(index_of([*notes, other], SEGMENTER), "第十一条", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("第十一条")


def _law(doc: str, title: str, history: list[str], lines: list[str]) -> Document:
    return parse(doc, [title, *history, *lines])


ZHOUKOU = _law(
    "zhoukou_2020.md",
    "周口市文明行为促进条例",
    ["2020年8月27日 周口市第四届人民代表大会常务委员会第三十二次会议通过"],
    [
        "第一章 总则",
        "第一条 为了培育和践行社会主义核心价值观，制定本条例。",
        "第二条 本条例所称文明行为，是指遵守宪法和法律、法规规定的行为。",
        "第三章 保障与促进",
        "第二十五条 市、县人民政府及其有关部门在实施乡村振兴战略中，应当加强农村公共服务。",
        "第四章 法律责任",
        "第三十八条 违反本条例规定实施不文明行为，当事人主动消除危害后果的，从轻处罚。",
        "第五章 附则",
        # a page lost the break between the last two articles
        "第四十一条 办理犬只登记的具体办法由市人民政府制定。第四十二条本条例自2021年1月1日起施行。",
    ],
)


def test_two_articles_on_one_line_are_parted_and_asked_when_it_starts_in_any_words() -> None:
    articles = [p for p in ZHOUKOU.passages if p.section[-1:] == ("第四十二条",)]
    assert [p.text for p in articles] == ["第四十二条 本条例自2021年1月1日起施行。"]
    index = index_of([ZHOUKOU], SEGMENTER)
    for asked in (
        "周口市文明行为促进条例啥时候开始实施",
        "周口市文明行为促进条例从哪天起开始执行？",
        "周口文明条例哪天施行",
        "周口市文明行为促进条例是从哪天开始实施的",  # (是从: jieba's word, no topic)
        "周口市文明行为促进条例啥时候开始实行的？",
    ):
        hits = answer(index, asked, SEGMENTER).hits
        assert hits and hits[0].passage.text.startswith("第四十二条"), asked
    # a sentence citing the next article is no article of its own (第三条规定的…)
    cited = parse("c.md", ["某条例", "第二条 本条例所称文明行为，见本法。第三条规定的除外。"])
    assert [p.text for p in cited.passages] == [
        "第二条 本条例所称文明行为，见本法。第三条规定的除外。"
    ]
    # and who carries a rule out, or when a fine is paid, is no question of when it starts
    assert not asks_effect("周口市文明行为促进条例由谁执行，什么时候检查")
    assert not asks_effect("罚款执行的期限是什么时候")
    assert not asks_effect("当事人什么时候可以提起执行异议")
    assert asks_effect("公平竞争审查条例啥时候开始实行的？")
    assert not asks_effect("什么时候实行许可制度")  # 实行 a system, not the text
    assert not asks_effect("两项制度是什么时候一起实行的")


def test_what_a_named_rule_was_based_on_is_its_first_article() -> None:
    rule = parse(
        "shanghai_dianli.md",
        [
            "上海市保护电力设施和维护用电秩序规定",
            "第一条 为了加强电力设施保护，维护用电秩序，根据《中华人民共和国电力法》、《电力设施"
            "保护条例》等法律、行政法规，结合本市实际，制定本规定。",
            "第六条 市电力行政管理部门应当会同其他有关行政管理部门制定电力突发事故应急预案。",
            "第十四条 市电力行政管理部门可以制定保障有序用电的方案，经市人民政府批准后实施。",
            "第十五条 区人民政府可以依据本规定制定具体实施办法。",
            "第十六条 上海市电力企业应当依据国家有关规定制定安全运行规程。",
            "第二十条 违反本规定的，依照《中华人民共和国电力法》予以处罚。",
        ],
    )
    index = index_of([rule], SEGMENTER)
    hits = answer(index, "上海这个规定是依据哪些上位法制定的？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第一条")
    # counter-examples: what a penalty or a revision rests on is no question of the basis
    # the text was made on
    assert not asks_purpose("违反这个规定依据哪部法律处罚？")
    assert not asks_purpose("2017年那次修正是依据哪个决定作出的？")


def test_articles_run_into_their_bracketed_titles_are_articles() -> None:
    document = parse(
        "caoan.txt",
        [
            "关于温泉保护条例(草案)公开征求意见的公告",
            "第一条〔立法目的及依据〕为了加强温泉资源的保护，根据有关法律，制定本条例。",
            "第二条〔适用范围〕本条例适用于本市行政区域内温泉资源的勘查和利用。",
            "第三条【定义】本条例所称温泉资源，是指温度达到25℃以上的地热水资源。",
        ],
    )
    assert [p.section for p in document.passages] == [("第一条",), ("第二条",), ("第三条",)]
    # counter-example: a sentence citing an article with its item in brackets is text
    note = parse(
        "news.txt",
        ["新规解读", "第二条(三)项规定的情形，由市政府另行公布。", "记者从会上获悉。"],
    )
    assert all("第二条" not in p.section for p in note.passages)
    # nor is an article's bracketed title alone on its line: it heads the text under it
    banfa = (
        CORPORA
        / "prepaid_cards_folder"
        / "docs"
        / "shanghai_danyongtuka_guanli_shishi_banfa_2019_sficc.txt"
    )
    passages = read_document(banfa.name, banfa.read_bytes()).passages
    first = next(p for p in passages if p.text.startswith("为落实本市单用途预付消费卡"))
    assert first.section[-1] == "第一条(目的和依据)"
    assert not any(p.text == "第一条(目的和依据)" for p in passages)


def test_a_list_question_a_laws_article_answers_is_that_article() -> None:
    law = parse(
        "chaye_tiaoli.md",
        [
            "某省促进茶产业发展条例",
            "第一条 为了促进茶产业健康可持续发展，制定本条例。",
            "第二条 本条例适用于本省行政区域内的茶产业发展活动。",
            "第三条 省人民政府应当加强茶产业发展的组织领导。",
            "第四条 省人民政府应当安排茶产业发展专项资金，重点支持茶园基础设施建设、"
            "良种繁育、品牌建设和市场开拓。",
            "第五条 茶叶生产者应当建立生产记录。",
        ],
    )
    hits = answer(index_of([law]), "茶产业发展专项资金重点支持哪些方面？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四条")
    # counter-example: an article announcing its items brings them, in order
    listed = parse(
        "shenqing.md",
        [
            "某省茶叶经营管理办法",
            "第一条 为了规范茶叶经营，制定本办法。",
            "第二条 申请茶叶经营许可，应当具备下列条件：",
            "（一）有与经营规模相适应的茶叶贮存场所；",
            "（二）有专职的茶叶质量管理人员；",
            "（三）有健全的茶叶质量管理制度。",
            "第三条 县级人民政府负责本办法的实施。",
        ],
    )
    hits = answer(index_of([listed]), "申请茶叶经营许可要具备哪几个条件", SEGMENTER).hits
    assert "（一）有与经营规模相适应" in "".join(h.passage.text for h in hits[:4])


def test_an_article_asked_of_a_text_is_the_texts_not_a_report_titled_by_its_name() -> None:
    # news pages titled by the 办法 they report (印发《…办法》: a 办法 by its title) beside the
    # notice printing the 办法's articles (a real page, in Traditional characters): 第一条 is
    # the notice's, not a page's first section
    folder = CORPORA / "time_honoured_brands_folder" / "docs"
    names = (
        "jingji_ribao_bainian_laodian_2023.txt",
        "xinhua_banfa_chutai_2023.txt",
        "shifan_chuangjian_guanli_banfa_tongzhi_2023.txt",
    )
    documents = [read_document(n, (folder / n).read_bytes()) for n in names]
    index = index_of(documents, SEGMENTER)
    reply = answer(index, "中华老字号示范创建管理办法第一条讲了什么", SEGMENTER)
    assert reply.hits and reply.hits[0].passage.text.startswith("第一條 為立足新發展階段")
    # with the pages alone, none holds a 第一条: said so, not a page's opening given for it
    pages = index_of(documents[:2], SEGMENTER)
    alone = answer(pages, "中华老字号示范创建管理办法第一条讲了什么", SEGMENTER)
    assert not alone.hits and alone.reason is NoAnswer.MISSING
