"""What a user sees when a question asks something of a thing the plan names but never
describes: which side it belongs to, what it holds, how many there are, on which days, how
many times a year, who by name (real e5 model, real Chroma)."""

import pytest

from app.answering import AnswerService, Turn

pytestmark = pytest.mark.slow


def test_a_side_put_where_the_plan_puts_the_other_is_not_confirmed(service: AnswerService):
    """邀请广东省作为中国—俄罗斯博览会的主宾省: a question inviting 黑龙江省 names one side only,
    so no relation between two sides is read; the sentence sets the other side after the
    same verb, and the refusal quotes it."""
    for claim in (
        "是邀请黑龙江省作为中国—俄罗斯博览会主宾省，没错吧？",
        "邀请黑龙江当中国—俄罗斯博览会的主宾省，这事怎么落实？",
    ):
        reply = service.ask(claim)
        assert reply.abstained and not reply.answer.startswith("是的"), reply.answer
        assert "邀请黑龙江" in reply.missing[0] and "邀请广东省作为" in reply.answer, reply.answer
    reply = service.ask("是邀请广东省作为中国—俄罗斯博览会的主宾省吗？")
    assert reply.answer.startswith("是的") and "邀请广东省作为" in reply.answer, reply.answer
    # a side naming whose thing it is, not what the verb acts on: the plan says so
    reply = service.ask("中央预算内资金会优先支持黑龙江的PPP项目吗？")
    assert reply.answer.startswith("是的"), reply.answer


def test_what_a_named_thing_holds_is_given_only_by_a_list_of_it(service: AnswerService):
    """The plan names 负面清单 and 产教联盟 among other things and lists nothing of them; the
    展会 it has the two provinces' enterprises attend it lists (…交易会等展会)."""
    for question, thing in (
        ("企业投资项目管理负面清单里具体列了哪些禁止类行业？", "负面清单"),
        ("产教联盟的成员单位有哪几所学校？", "产教联盟"),
    ):
        reply = service.ask(question)
        assert reply.abstained and thing in reply.missing[0], reply.answer
        assert "没有列出" in reply.answer.split("。")[0], reply.answer
    reply = service.ask("方案推动两省企业参加的展会里有哪些？")
    assert not reply.abstained and "中国进出口商品交易会" in reply.answer, reply.answer
    reply = service.ask("领导小组的成员单位有哪些？")
    assert not reply.abstained and "作为领导小组成员单位" in reply.answer, reply.answer


def test_how_many_is_answered_by_a_number_or_a_list_of_the_things_counted(
    service: AnswerService,
):
    """几个领域 is answered by 商务、…、旅游等重点合作领域; 几所学校 is not answered by
    职业院校、技工院校结对共建 (kinds of school, no count) nor by the years of a title."""
    reply = service.ask("两省共同打造的职教集团一共有几所学校加入？")
    assert reply.abstained and "学校数量" in reply.missing[0], reply.answer
    reply = service.ask("两省干部培训机构有几家？")  # not by 2018—2019年，…干部交流和人才培训
    assert reply.abstained and "培训机构的数量" in reply.missing[0], reply.answer
    reply = service.ask("推进时间表分几个阶段？")
    assert not reply.abstained and "2018—2019年" in reply.answer, reply.answer
    reply = service.ask("加入职教集团的学校有几所？")
    assert reply.abstained and "学校的数量" in reply.missing[0], reply.answer
    reply = service.ask("专项实施方案要编几个领域？")
    assert not reply.abstained and "商务、粮食、智能制造、科技创新、旅游" in reply.answer
    reply = service.ask("广东社会资本可以在黑龙江发起设立几类金融机构？")
    assert not reply.abstained and "中小型银行、金融租赁公司和融资担保公司" in reply.answer


def test_a_thing_a_side_is_said_to_hold_abroad_is_that_sides_own(service: AnswerService):
    """利用广东省在东盟的境外生产基地: 在东盟 says where the bases are, not whose; a question
    giving them to 黑龙江 (龙江在东盟的…, 黑龙江…自己在东盟的…) states the other side's."""
    for question in (
        "黑龙江怎么用自己在东盟的境外生产基地帮广东企业开拓东盟市场？",
        "粤企借龙江在东盟的境外生产基地开拓东盟市场，怎么操作？",
    ):
        reply = service.ask(question)
        assert reply.abstained, reply.answer
        assert "在东盟的境外生产基地" in reply.missing[0], reply.missing
        assert "利用广东省在东盟的境外生产基地" in reply.answer, reply.answer
    reply = service.ask("黑龙江企业怎么利用广东在东盟的境外生产基地开拓东盟市场？")
    assert not reply.abstained and "利用广东省在东盟的境外生产基地" in reply.answer
    # 自己 is the side the question is about, not the place named nearest before it
    reply = service.ask("黑龙江向广东学习的同时，怎样发挥自己的资源优势？")
    assert not reply.abstained and "依托黑龙江省良好资源优势" in reply.answer, reply.answer


def test_a_persons_name_asked_for_is_not_answered_by_who_is_to_act(service: AnswerService):
    """明确专人负责 says someone will be named, not who: 是谁？给个名字 asks a person's name,
    and 这位 after a question about the group's leader asks the same."""
    reply = service.ask("重点园区明确的专人负责是谁？给个名字和电话")
    assert reply.abstained and "姓名" in reply.missing[0], reply.answer
    history = [Turn.from_answer(service.ask("领导小组组长由谁担任？"))]
    reply = service.ask("黑龙江现在的这位叫啥名字？", history=history)
    assert reply.abstained and "姓名" in reply.missing[0], reply.answer


@pytest.mark.parametrize(
    "question", ["两省互设的城市主题日是哪几天？", "产销对接活动在哪几个月办？"]
)
def test_which_days_or_months_asks_a_date(service: AnswerService, question: str):
    """哪几天 and 哪几个月 ask when (not a list, not a count): 研究互设城市主题日 and 定期举办
    give no day or month."""
    reply = service.ask(question)
    assert reply.abstained and reply.missing[0].endswith("具体时间"), reply.answer


def test_which_numbers_of_documents_is_a_list_not_a_date(service: AnswerService):
    reply = service.ask("方案依据了国务院哪几号文件？")
    assert not reply.abstained and "国发〔2016〕62号" in reply.answer, reply.answer


def test_a_span_of_time_pointed_at_is_no_name_the_plan_lacks(service: AnswerService):
    """那段时间: jieba reads 段时间 as a name; it is a measure word and 时间, what the plan
    says for 2018—2019年 answers."""
    reply = service.ask("2018年到2019年那段时间要完成哪些事？")
    assert not reply.abstained and "2018—2019年，进一步完善" in reply.answer, reply.answer


def test_how_many_times_a_year_wants_a_number_of_times(service: AnswerService):
    """每年办几期 asks how many times: 定期安排 says it recurs, not how often; 多久办一次 is
    answered by it."""
    reply = service.ask("廣東對黑龍江的幹部培訓每年辦幾期？")
    assert reply.abstained and reply.missing[0].endswith("具体频次"), reply.answer
    reply = service.ask("农产品产销对接活动多久办一次？")
    assert not reply.abstained and "定期在广州、深圳、哈尔滨等市举办" in reply.answer, reply.answer
