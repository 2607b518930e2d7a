"""The enterprise's workspace over the bundled plan: what the support finder (政策查找)
reads from a description and which clauses it finds, in what order."""

import pytest

from app.web.support_tab import support_html
from app.workspaces.offers import reasons_text
from app.workspaces.profile import EnterpriseProfile
from app.workspaces.support import MATCHES
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow
MANUFACTURER = "我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂"


def found_clauses(groups):
    return {item.clause_id.split(":")[1] for g in groups for item in g.items}


def sentences_of(groups):
    return [s for g in groups for i in g.items for s in i.sentences]


def test_care_home_operator_from_guangdong_finds_the_elderly_care_clause(workspace):
    groups = workspace.find_support(
        EnterpriseProfile("我们在广东经营养老院，想到黑龙江发展", industries=("养老",))
    ).groups
    assert "4.2.10" in found_clauses(groups)
    assert any("养老机构落地黑龙江省" in s for s in sentences_of(groups))
    assert all(i.note for g in groups for i in g.items)
    assert not any("农业产业化龙头企业" in s for s in sentences_of(groups))  # for farm firms


def test_private_capital_wanting_a_guarantee_company_finds_task_3(workspace):
    groups = workspace.find_support(
        EnterpriseProfile(
            "民营资本，计划设立一家融资担保公司", ownership="民营", wants="设立金融机构"
        )
    ).groups
    financing = next(g for g in groups if g.kind == "financing")
    assert financing.items[0].clause_id == f"{PLAN_ID}:4.1.3"
    assert any("融资担保公司" in s for s in financing.items[0].sentences)
    assert "具备条件" in financing.items[0].note


def test_support_needs_a_description(workspace):
    with pytest.raises(ValueError, match="描述企业"):
        workspace.find_support(EnterpriseProfile(""))


def test_shenzhen_car_parts_maker_reads_its_profile_and_finds_what_concerns_it(workspace):
    result = workspace.find_support(EnterpriseProfile(MANUFACTURER))
    used = result.profile
    assert (used.origin, used.destination, used.ownership) == ("广东", "黑龙江", "民营")
    assert {"装备制造", "新兴产业"} <= set(used.industries) and used.cities == ("深圳", "哈尔滨")
    assert used.wants == "投资"  # 想在哈尔滨建厂
    assert {"3", "4.2.6", "5.5", "4.1.3", "4.1.4"} <= found_clauses(result.groups)
    said = " ".join(sentences_of(result.groups))
    assert "广东省制造业企业在黑龙江省设立研发制造基地" in said and "哈尔滨市与深圳市" in said
    # 3.民营经济发展: Guangdong's private capital, in PPP projects and new small banks
    private = next(i for i in result.items if i.clause_id.endswith(":4.1.3"))
    assert "所有制：民营" in private.reasons
    assert "PPP" in " ".join(private.sentences) and "中小型银行" in " ".join(private.sentences)
    # 4.对内对外开放 names its parts directly: 汽车零配件、汽车电子 are equipment makers' goods
    opening = next(i for i in result.items if i.clause_id.endswith(":4.1.4"))
    assert "行业：装备制造" in opening.reasons and "汽车零配件" in opening.sentences[0]
    for other in ("首次公开募股", "在俄罗斯建设", "农产品产销对接"):
        assert other not in said  # for 黑龙江 firms, abroad, another industry
    pairing = next(g for g in result.groups if g.kind == "pairing")
    assert pairing.items[0].sentences == ["哈尔滨市与深圳市对口合作。"]  # marks one sentence
    assert result.unmet == []


def test_support_for_the_car_parts_maker_is_ranked_industry_then_place_then_general(workspace):
    items = workspace.find_support(EnterpriseProfile(MANUFACTURER)).items
    order = [i.clause_id.split(":")[1] for i in items]
    assert order == ["4.2.6", "4.2.7", "4.1.3", "4.1.4", "5.4", "3", "4.4.16", "5.5"]
    assert [i.match for i in items] == sorted(i.match for i in items)
    headings = {i.clause_id.split(":")[1]: MATCHES[i.match] for i in items}
    # 装备制造 and 设立 (it wants to invest), 新兴产业 (新能源), private capital invited to
    # invest, its car parts; then 哈尔滨市与深圳市对口合作; then the green channel for all
    assert {c for c, h in headings.items() if h == "与企业的行业或想做的事直接相关"} == {
        "4.2.6", "4.2.7", "4.1.3", "4.1.4", "5.4"
    }  # fmt: skip
    assert headings["3"] == headings["4.4.16"] == "与企业的所在地、去向或所有制相关"
    assert headings["5.5"] == "对口合作项目普遍适用的支持"


def test_why_a_clause_is_listed_says_each_kind_of_reason_once(workspace):
    result = workspace.find_support(EnterpriseProfile(MANUFACTURER))
    private = next(i for i in result.items if i.clause_id.endswith(":4.1.3"))
    # two sentences, each 涉及 and 面向: one reason of each kind, its words once
    assert private.reasons == [
        "涉及：投资、设立",
        "面向广东省社会资本、广东省具备条件的社会资本",
        "所有制：民营",
    ]
    for item in result.items:
        assert len({r[:2] for r in item.reasons}) == len(item.reasons)
    assert "为什么列出：涉及：投资、设立；面向广东省社会资本" in support_html(result)
    # a word said within another is not said again: 投资 in 投资建厂
    said = reasons_text([("涉及：", "投资"), ("涉及：", "投资建厂"), ("涉及：", "建设")])
    assert said == ["涉及：投资建厂、建设"]


def test_a_card_repeats_no_note_the_top_of_the_list_already_gives(workspace):
    result = workspace.find_support(EnterpriseProfile(MANUFACTURER))
    private = next(i for i in result.items if i.clause_id.endswith(":4.1.3"))
    assert "具备条件" in private.note  # said more closely, the same in substance
    shown = support_html(result)
    assert shown.count("没有规定具体条件、金额或申请程序") == 1  # the note at the top
    assert "注（下列各条）" in shown and '<div class="meta">注：' not in shown
    assert "具体条件、金额或申请程序" not in shown.split("3.民营经济发展", 1)[1]


@pytest.mark.parametrize(
    ("description", "wants"),
    [
        (MANUFACTURER, "投资"),
        ("广州的旅游公司想在哈尔滨设厂", "投资"),
        ("深圳一家电子商务企业想投资黑龙江", "投资"),
        ("黑龙江的一家粮食企业，想到深圳上市", "上市融资"),
        ("我们在广东经营养老院，想到黑龙江发展", "养老服务"),
        ("广东的制造企业，希望在黑龙江享受减税", ""),
    ],
)
def test_the_description_fills_what_the_enterprise_wants(workspace, description, wants):
    result = workspace.find_support(EnterpriseProfile(description))
    assert result.profile.wants == wants
    assert not set(result.unmet) & {"建厂", "设厂", "投资", "上市"}  # read, so not unmet


def test_a_request_the_plan_does_not_meet_is_named(workspace):
    result = workspace.find_support(EnterpriseProfile("广东的制造企业，希望在黑龙江享受减税"))
    assert result.unmet == ["减税"]
