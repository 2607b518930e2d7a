"""What a user sees when a question says something the plan's way in other words, or asks
more than the plan says: a verb with its complement, an inflected English word, a place
and the act after it, an amount of money, things merged, who does an act (real e5 model,
real Chroma)."""

import pytest

from app.answering import AnswerService, Turn

pytestmark = pytest.mark.slow


def test_a_one_hanzi_verb_with_where_its_act_goes_is_the_plans_verb(service: AnswerService):
    """降下来 is the plan's 降低 (a verb of 降 near it in meaning); 干点啥 asks what is done;
    a verb the texts have no word of (卖掉, 撤出) stays what the plan does not mention."""
    reply = service.ask("方案打算怎么把黑龙江的物流成本降下来？")
    assert not reply.abstained and "有效降低黑龙江省物流成本" in reply.answer, reply.answer
    reply = service.ask("广东的工业设计企业能为黑龙江干点啥？")
    assert not reply.abstained and "引导广东省工业设计企业与黑龙江省制造企业合作" in reply.answer
    for claim, verb in (
        ("方案是不是要把黑龙江的国有企业卖掉？", "卖掉"),
        ("方案是不是要求广东企业从黑龙江撤出？", "撤出"),
    ):
        reply = service.ask(claim)
        assert reply.abstained and verb in reply.answer.split("。")[0], reply.answer


def test_a_yes_needs_the_year_the_claim_gives_in_the_stating_sentence(service: AnswerService):
    """The texts write 2018 elsewhere and say 签署通关一体化合作方案 with no year: a deadline
    of 2018年底 is not confirmed; a year that says which document is asked about is no claim."""
    for claim in (
        "通关一体化合作方案是不是要在2018年底前签署？",
        "通关一体化合作方案是不是要在2018年底前签下来？",
    ):
        reply = service.ask(claim)
        assert reply.abstained and not reply.answer.startswith("是的"), reply.answer
    reply = service.ask("2018年出台的这个方案有没有提到推动两省海关部门签署通关一体化合作方案？")
    assert reply.answer.startswith("是的") and "签署通关一体化合作方案" in reply.answer, (
        reply.answer
    )


def test_who_does_an_act_is_answered_by_a_sentence_stating_the_act(service: AnswerService):
    """由哪家单位运营: the sentence on 跨区域公共资源交易平台 says who builds it, not who runs
    it; 由谁担任组长 is answered by 由省长任组长."""
    reply = service.ask("跨区域公共资源交易平台由哪家单位运营？")
    assert reply.abstained and "运营" in reply.answer.split("。")[0], reply.answer
    reply = service.ask("领导小组由谁担任组长？")
    assert not reply.abstained and "由省长任组长" in reply.answer, reply.answer


def test_an_inflected_english_word_is_read_as_its_dictionary_form(service: AnswerService):
    """sold is sell (销售), held is hold (举办): the glossary lists dictionary forms."""
    reply = service.ask("Does the plan support Heilongjiang rice being sold in Guangdong?")
    assert reply.answer.startswith("Yes") and "销售绿色有机大米" in reply.answer, reply.answer
    reply = service.ask("where and how often are the agricultural product matchmaking events held")
    assert not reply.abstained and "定期在广州、深圳、哈尔滨等市举办" in reply.answer, reply.answer


def test_a_place_and_the_act_after_it_are_two_words(service: AnswerService):
    """哈尔滨飞广东: 飞 (a noun to jieba) relates two places, it is no part of 哈尔滨's name."""
    reply = service.ask("哈尔滨飞广东的航班太少了，方案里提没提加航班？")
    assert "哈尔滨飞" not in reply.answer, reply.answer


def test_how_much_of_a_kind_of_money_asks_an_amount(service: AnswerService):
    """多少建设经费 asks for an amount: 每个地市建立一个科技孵化器 counts 孵化器, not money."""
    first = service.ask("广东要帮黑龙江每个地市建一个科技孵化器吗？")
    reply = service.ask("那每个孵化器给多少建设经费？", [Turn.from_answer(first)])
    assert reply.abstained and "一个科技孵化器" not in reply.answer.split("。")[0], reply.answer


def test_things_merged_are_asked_together(service: AnswerService):
    """石墨新材料和养老产业融合: one thing made of both, not 石墨 and 养老 answered apart."""
    reply = service.ask("方案提到要搞石墨新材料和养老产业融合的项目，具体有哪些？")
    assert reply.abstained, reply.answer


def test_the_classifier_a_number_counts_with_is_no_surname(service: AnswerService):
    """多少名干部: 名 counts cadres; it is no surname before 干部 (a person the plan never
    names), and the plan gives no number of cadres."""
    reply = service.ask("方案要求2020年前两省互派多少名干部挂职？")
    assert reply.abstained and "名干部" not in reply.answer.split("。")[0], reply.answer
    # nor is a measure word without a number (找个合作伙伴: 个 counts one partner; found
    # through planqa serve): the refusal names what the plan lacks, 合作伙伴
    reply = service.ask("俺们是广州做家电的，想去黑龙江找个合作伙伴，方案里有啥门路不？")
    assert "个合作伙伴" not in reply.answer, reply.answer
    reply = service.ask("想找位专家咨询一下方案里的人才政策")  # 位 after a verb counts 专家
    assert "位专家" not in reply.answer, reply.answer


def test_a_hanzi_typed_by_sound_inside_a_word_jieba_joined_to_its_neighbour(
    service: AnswerService,
):
    """科技夫化器: jieba cuts 科技 夫 化器 and joins 科技夫; the stretch 夫化器 sounds as the
    plan's 孵化器 does, so the question is the plan's 科技孵化器 question, and 科技 stays."""
    reply = service.ask("广东是不是要帮黑龙江每个地市建一个科技夫化器")
    assert not reply.abstained and "每个地市建立一个科技孵化器" in reply.answer, reply.answer


@pytest.fixture(scope="module")
def invoice_rules(tmp_path_factory: pytest.TempPathFactory) -> AnswerService:
    """A short regulation whose articles use everyday words a plan does not (时候, 开具)."""
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from app.prompts import load_prompts
    from app.service import parse_all
    from app.settings import PROJECT_ROOT
    from kb.knowledge_base import KnowledgeBase

    folder = tmp_path_factory.mktemp("rules")
    (folder / "发票管理规定.md").write_text(
        "# 某市发票管理规定\n\n"
        "第一条 为了加强发票管理，保障税收收入，制定本规定。\n\n"
        "第二条 单位和个人在购销商品、提供服务的时候，应当按照规定开具发票。\n\n"
        "第三条 已经开具的发票存根联，应当保存5年。\n\n"
        "第四条 开具发票的单位丢失发票的，应当于发现丢失当日书面报告税务机关。\n\n"
        "第五条 本规定自2024年1月1日起施行。\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase(folder / "kb", DeterministicFakeEmbedding(size=32), "fake")
    kb.add_documents(parse_all([folder / "发票管理规定.md"]))
    return AnswerService(kb, load_prompts(PROJECT_ROOT / "prompts"))


def test_a_one_hanzi_verb_with_an_aspect_particle_is_the_act_of_that_hanzi(
    invoice_rules: AnswerService,
):
    """开过的发票 (开 done, jieba's one word 开过) names no topic the texts lack: the rules
    answer how long it is kept."""
    reply = invoice_rules.ask("开过的发票存根联要留几年？")
    assert not reply.abstained and "应当保存5年" in reply.answer, reply.answer


def test_when_a_clause_holds_is_said_by_the_time_word_after_de(invoice_rules: AnswerService):
    """…的时候 says when the rest holds, as …时 does, even where the texts write 时候
    (第二条): it is no part of what the answer must hold."""
    reply = invoice_rules.ask("发票丢了的时候要向谁报告？")
    assert not reply.abstained and "书面报告税务机关" in reply.answer, reply.answer
    # what the texts never say stays missing, however it is framed
    reply = invoice_rules.ask("发票丢了的时候要交多少罚款？")
    assert reply.abstained, reply.answer
