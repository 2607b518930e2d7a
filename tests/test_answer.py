"""What a user sees from the answer service over the bundled plan (real e5 model, real Chroma)."""

import pytest

from app.answering import AnswerService, QuestionError
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow


def cited_keys(answer, k=3):
    return [c.clause_id.split(":", 1)[1] for c in answer.citations[:k]]


def test_answer_quotes_and_cites_the_clause(service: AnswerService):
    answer = service.ask("领导小组办公室设在哪里？")
    assert not answer.abstained and answer.mode == "extractive"
    top = answer.citations[0]
    assert top.clause_id == f"{PLAN_ID}:5.1"
    assert top.label == "五、保障措施 › （一）完善工作机制"
    assert top.doc_title == "黑龙江省与广东省对口合作实施方案"
    assert "领导小组办公室设在省发展改革委" in top.text
    assert "[1]" in answer.answer and "省发展改革委" in answer.answer
    assert any("省发展改革委" in h for h in top.highlights)
    assert all(h in top.text for h in top.highlights)  # highlights are the clause's own words


@pytest.mark.parametrize(
    ("question", "clause_key"),
    [
        ("廣東企業能參與黑龍江國有企業改革嗎？", "4.1.2"),  # traditional script
        ("Can Guangdong companies invest in care homes in Heilongjiang?", "4.2.10"),  # English
        ("深交所在方案里起什么作用？", "4.2.9"),  # short form 深交所
        ("对口合作分几个阶段推进？", "5.6"),
        ("自贸区方面两省怎么对接？", "4.4.15"),
        # jieba glues a modal to the hanzi before it (人会, 时能): no topic, no refusal
        ("来黑龙江旅游的人会有包机吗", "4.2.10"),
        # a synonym of general Chinese (同义词词林): the plan writes 协商
        ("跟港澳商量共建什么平台", "4.1.4"),
        # English words that only frame a question (they, take) are no missing topic
        ("What should they do to take part in the Belt and Road?", "4.1.4"),
        # "which department" names the kind of answer, not a topic the sentence must hold
        ("Which department houses the office of the leading group?", "5.1"),
    ],
)
def test_questions_in_other_forms_find_their_clause(service, question, clause_key):
    answer = service.ask(question)
    assert not answer.abstained, answer.answer
    assert clause_key in cited_keys(answer)


@pytest.mark.parametrize(
    "question",
    [
        "黑龙江省2019年的GDP是多少？",
        "上海市与大连市的对口合作有哪些重点任务？",
        "What is the population of Tokyo?",
        "两省去年签约项目的总金额是多少？",
        "对口合作工作没完成怎么罚",  # a sanction the plan never states
        "旅游包机去哪报名",  # a procedure the plan never describes
        "参加广交会需要准备哪些材料",
    ],
)
def test_questions_the_plan_does_not_answer_are_declined(service, question):
    answer = service.ask(question)
    assert answer.abstained
    assert "没有回答" in answer.answer or "not answered by the plan" in answer.answer
    assert answer.citations, "the nearest clauses are still shown as related"
    assert "[1]" not in answer.answer


def test_json_shape_is_the_public_interface(service):
    data = service.ask("两省高校怎么合作？").to_json()
    assert set(data) == {
        "question", "answer", "abstained", "citations", "mode", "verified", "verification",
        "standalone_question", "coverage", "missing",
    }  # fmt: skip
    assert data["coverage"] == "answered" and data["missing"] == []
    assert data["mode"] == "extractive" and data["verified"] is True
    citation = data["citations"][0]
    assert {"doc_id", "doc_title", "clause_id", "label", "text", "score"} <= set(citation)
    assert len(citation["text"]) <= 1000
    scores = [c["score"] for c in data["citations"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", ["", "   \n\t", "问" * 2001])
def test_empty_or_oversized_question_gets_a_clear_message(service, question):
    with pytest.raises(QuestionError) as err:
        service.ask(question)
    assert "问题" in str(err.value)


def test_same_question_same_answer(service):
    first = service.ask("两省在旅游方面怎么合作？")
    second = service.ask("两省在旅游方面怎么合作？")
    assert first == second


def test_who_does_what_question_uses_the_duties_table(service):
    answer = service.ask("广东省要做哪些事？")
    assert not answer.abstained and answer.answer.startswith("根据《")
    assert "广东省承担的工作包括" in answer.answer
    assert "广东省协助黑龙江省" in answer.answer
    keys = cited_keys(answer, k=5)
    assert "4.1.4" in keys
    for citation in answer.citations:
        assert all(h in citation.text for h in citation.highlights)


def test_answer_quotes_the_sentence_about_the_topic_not_the_longest(service):
    answer = service.ask("兩省在中醫藥方面有什麼合作？")
    assert "推动中医药项目合作" in answer.answer
    assert "新闻出版" not in answer.answer  # same clause, but about media, not medicine
    assert "10.文化、旅游和健康产业。" not in answer.answer  # a heading is not an answer


def test_more_please_quotes_new_sentences(service):
    from app.answering import Turn

    first = service.ask("两省在金融方面怎么合作？")
    more = service.ask("还有呢？", history=[Turn.from_answer(first)])
    assert more.standalone_question == first.standalone_question
    shown = {h for c in first.citations for h in c.highlights}
    quoted = {h for c in more.citations for h in c.highlights}
    assert quoted and not quoted & shown


def test_more_please_says_when_everything_was_shown(service):
    from app.answering import Turn

    history = [Turn.from_answer(service.ask("领导小组办公室设在哪里？"))]
    for _ in range(6):  # asked again until nothing new is left
        more = service.ask("還有呢？", history=history)
        if "没有更多相关内容" in more.answer:
            break
        history.append(Turn.from_answer(more))
    assert "没有更多相关内容" in more.answer and not more.abstained
    said = {h for turn in history for h in turn.quoted}
    assert not any(h in more.answer for h in said)  # nothing shown before is repeated


def test_a_province_before_which_city_is_where_the_answer_is(service):
    """广东哪个城市: a city of 广东 is asked for (深圳), whatever verb pairs them (结对, the
    plan's 对口合作); 黑龙江哪个城市 for 哈尔滨 names none (the plan pairs it with 深圳)."""
    paired = service.ask("哈尔滨跟广东哪个城市结对？")
    assert not paired.abstained and "哈尔滨市与深圳市对口合作" in paired.answer, paired.answer
    other_way = service.ask("深圳跟黑龙江的哪个城市结对？")
    assert not other_way.abstained and "哈尔滨市与深圳市" in other_way.answer, other_way.answer
    wrong = service.ask("哈尔滨跟黑龙江哪个城市结对？")
    assert wrong.abstained and wrong.coverage == "not_covered", wrong.answer


def test_a_province_or_city_shortened_to_its_first_hanzi_is_that_place(service):
    """黑省 is 黑龙江省 (as 哈市 is 哈尔滨市): not a word the plan does not mention."""
    answer = service.ask("深交所能给黑省企业提供哪些融资渠道？")
    assert not answer.abstained and "首次公开募股" in answer.answer, answer.answer
    pair = service.ask("哈市跟深市是什么关系？")
    assert not pair.abstained and "哈尔滨市与深圳市对口合作" in pair.answer, pair.answer


def test_a_region_a_province_is_in_stands_for_it(service):
    """东北的大米 in a plan of 黑龙江 and 广东 is 黑龙江's rice; 华南的企业 are 广东's."""
    rice = service.ask("东北的大米要在哪些城市办产销对接活动？")
    assert not rice.abstained and "广州、深圳、哈尔滨等市" in rice.answer, rice.answer
    firms = service.ask("华南的企业去东北投资建厂，方案引导它们去哪？")
    assert not firms.abstained and "境外经贸合作园区投资建厂" in firms.answer, firms.answer


def test_a_relation_asked_the_other_way_round_is_declined_quoting_what_the_plan_says(service):
    """The refusal quotes the sentence that states it the other way, with its clause cited
    first; 本省 is the province named before it (黑龙江's own cadre-training bodies)."""
    answer = service.ask("黑龙江省协助广东省的哪些装备企业开展对外贸易？")
    assert answer.abstained and answer.coverage == "not_covered", answer.answer
    said = "广东省协助黑龙江省的发电装备"
    assert f"「{said}" in answer.answer and "」[1]" in answer.answer, answer.answer
    assert any(said in h for h in answer.citations[0].highlights)
    own = service.ask("黑龙江依托本省的干部培训机构培训广东的干部，培训哪些人？")
    assert own.abstained and "「依托广东省各类干部培训机构" in own.answer, own.answer


def test_a_kind_jieba_reads_as_an_adverb_is_part_of_what_is_asked(service):
    """对口合作的日常工作: 日常 (an adverb to jieba) names which work, as the plan writes
    日常工作; the sentences on other work (年度重点工作, 具体对口合作工作) do not answer."""
    answer = service.ask("对口合作的日常工作由谁负责？")
    assert not answer.abstained and "负责对口合作日常工作" in answer.answer, answer.answer
    assert "年度重点工作" not in answer.answer and "具体对口合作工作" not in answer.answer


def test_a_yes_to_a_directed_claim_needs_a_sentence_stating_it_that_way(service):
    """两省干部相互挂职 (both ways) and 哈尔滨市与深圳市对口合作 (side by side) do not say
    that one side does it for the other: no 是的; the refusal quotes the nearest sentence
    with its clause cited first. Asked the way the plan states it, the yes stays: after
    the pieces naming the sides, with the actor left unnamed, or both ways (相互)."""
    for question, said in (
        ("黑龙江帮广东培训干部吗？", "依托广东省各类干部培训机构"),
        ("哈尔滨市帮深圳市建园区吗", "哈尔滨市与深圳市对口合作"),
        ("龙江帮广东培训干部吗？", "依托广东省各类干部培训机构"),  # 龙江 is 黑龙江
        # 在黑龙江省加快推广一批广东省…举措: 黑龙江 is where, not who
        ("黑龙江帮广东推广改革举措吗？", "到2020年"),
    ):
        answer = service.ask(question)
        assert answer.abstained and not answer.answer.startswith("是的"), answer.answer
        assert f"「{said}" in answer.answer and "」[1]" in answer.answer, answer.answer
    for question, said in (
        ("广东会帮黑龙江培训干部吗？", "依托广东省各类干部培训机构"),
        ("黑龙江会帮广东扩大对俄出口吗？", "黑龙江省协助广东省灯具"),  # 扩大 in a later piece
        ("广东会协助黑龙江招商引资吗？", "协助黑龙江省开展招商引资"),  # its actor unnamed
        ("广东的干部会去黑龙江挂职吗？", "组织两省干部相互挂职"),  # each side for the other
    ):
        yes = service.ask(question)
        assert yes.answer.startswith("是的") and said in yes.answer, yes.answer


def test_a_yes_needs_the_side_asked_about_not_only_the_other_one(service):
    """邀请广东省作为中国—俄罗斯博览会的主宾省 makes 广东 the guest province, not 黑龙江."""
    wrong = service.ask("黑龙江是中俄博览会的主宾省吗？")
    assert wrong.abstained and not wrong.answer.startswith("是的"), wrong.answer
    assert "「加强两省经贸投资合作" in wrong.answer and "」[1]" in wrong.answer, wrong.answer
    right = service.ask("广东是中俄博览会的主宾省吗？")
    assert right.answer.startswith("是的") and "邀请广东省作为" in right.answer, right.answer


def test_an_english_question_keeps_which_side_acts(service):
    """English says who acts by word order (Heilongjiang trains Guangdong's cadres) and by
    "in" or "by": asked the plan's way it is a yes, the other way round a refusal in
    English quoting the sentence the plan has, its clause cited."""
    wrong = service.ask("Does Heilongjiang train Guangdong's cadres?")
    assert wrong.abstained and not wrong.answer.startswith("Yes"), wrong.answer
    assert "Heilongjiang train Guangdong's cadres" in wrong.answer, wrong.answer
    assert "「依托广东省各类干部培训机构" in wrong.answer and "」[1]" in wrong.answer
    # what the refusal says the plan lacks is the relation asked, in the question's words
    helped = service.ask("Does Heilongjiang help Guangdong attract investment?")
    assert helped.abstained and "Heilongjiang help Guangdong attract investment" in helped.answer
    away = service.ask("Can Heilongjiang hospitals open branches in Guangdong?")
    assert away.abstained and "Heilongjiang hospitals open branches in Guangdong" in away.answer
    assert "吸引广东省知名医疗机构在黑龙江省设立分支" in away.answer, away.answer
    for question, said in (
        ("Does Guangdong train Heilongjiang's cadres?", "依托广东省各类干部培训机构"),
        ("Can Guangdong hospitals open branches in Heilongjiang?", "在黑龙江省设立分支"),
    ):
        yes = service.ask(question)
        assert yes.answer.startswith("Yes") and said in yes.answer, yes.answer


def test_words_about_the_plan_or_the_asking_name_no_topic(service):
    """方案里点名的… (how the plan says it) and 请都列出来 (a request to whoever answers)
    are words the plan never uses, yet the question is about what it lists."""
    named = service.ask("方案里点名的黑龙江装备制造优势能力一共有哪些？")
    assert not named.abstained and "高档数控机床" in named.answer, named.answer
    listed = service.ask("两省企业要一起参加哪些展会？请都列出来")
    assert not listed.abstained and "中国—俄罗斯博览会" in listed.answer, listed.answer


def test_a_tag_question_asks_whether_the_clause_before_it_is_so(service):
    """…，有这回事吗 / 是真事儿不 ask whether what was said is so: 回事 and 事儿 are no
    topic the plan would have to mention; a false premise before the tag stays refused."""
    said = service.ask("邀请广东当中俄博览会主宾省，有这回事吗")
    assert not said.abstained and "主宾省" in said.answer, said.answer
    how = service.ask("听说广东要帮我们每个市搞个孵化器，是真事儿不，咋个搞法？")
    assert not how.abstained and "每个地市建立一个科技孵化器" in how.answer, how.answer
    premise = service.ask("孵化器要求2019年6月底前每个地市都建好，是这样吧？")
    assert premise.abstained and "月底" in premise.answer, premise.answer
    # a claim before the tag is asked to be confirmed: yes only if the plan states it
    claim = service.ask("广东给黑龙江每个地市建一个科技孵化器，是这样吧？")
    assert claim.answer.startswith("是的") and "每个地市建立一个科技孵化器" in claim.answer


def test_the_cities_of_a_province_pair_with_the_asked_city(service):
    """广东哪些城市和黑龙江的城市结对: a sentence pairing a city of each answers it, in
    Chinese and in English; a city the question names is no answer to which city."""
    for question in (
        "广东哪些城市和黑龙江的城市结对？",
        "Which cities in Guangdong are paired with Heilongjiang cities?",
    ):
        reply = service.ask(question)
        assert not reply.abstained and "哈尔滨市与深圳市对口合作" in reply.answer, reply.answer
    for question in (
        "Which city in Heilongjiang is paired with Harbin?",
        "除了哈尔滨，广东哪些城市和黑龙江的城市结对？",
    ):
        reply = service.ask(question)
        assert reply.abstained, reply.answer


def test_a_kind_of_money_is_never_a_plan_word_near_it_in_meaning(service):
    """租金 the plan never mentions is the question's premise: not 金融租赁公司, which the
    embedding finds near it, and never a yes."""
    reply = service.ask("方案有没有说广东给黑龙江企业免租金三年？")
    assert reply.abstained and "租金" in reply.answer.split("。")[0], reply.answer


def test_a_frequency_question_quotes_the_sentence_with_the_act_asked(service):
    """每年…几次 asks how often; 领导小组 sentences hold 领导 but not the 互访 asked about."""
    answer = service.ask("两省每年领导互访几次")
    assert not answer.abstained and "两省领导每年开展互访或座谈交流" in answer.answer
    assert "领导小组" not in answer.answer, answer.answer
