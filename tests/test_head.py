"""Document metadata read from the text: title, 文号, issuing body, date."""

from ingest.pipeline import parse_text

CITING = (
    "按照《国务院关于深入推进实施新一轮东北振兴战略的意见》（国发〔2016〕62号）要求，制定本方案。"
)


def test_covering_notice_gives_issuer_and_date_of_the_attached_plan():
    text = "\n".join(
        [
            "国家发展改革委",
            "2018年3月17日",
            "附件",
            "某某实施方案",
            CITING,
            "一、总体要求",
            "坚持改革。",
        ]
    )
    doc = parse_text(text, "plan", "plan.txt")
    assert (doc.title, doc.issuer, doc.date, doc.doc_number) == (
        "某某实施方案",
        "国家发展改革委",
        "2018年3月17日",
        "",  # the 文号 in the preamble names another document
    )


def test_masthead_number_wrapped_title_and_signature():
    text = "\n".join(
        [
            "黑龙江省人民政府办公厅文件",
            "黑政办规[2019] 第8号",
            "黑龙江省人民政府办公厅关于印发黑龙江省",
            "冰雪旅游产业发展规划的通知",
            "各市（地）人民政府（行署）：",
            "现将规划印发给你们，请认真贯彻执行。",
            "一、发展目标",
            "到2025年，冰雪旅游收入明显增长。",
            "黑龙江省人民政府办公厅",
            "2019年12月2日",
            "（此件公开发布）",
        ]
    )
    doc = parse_text(text, "plan", "plan.txt")
    assert doc.title == "黑龙江省人民政府办公厅关于印发黑龙江省冰雪旅游产业发展规划的通知"
    assert doc.doc_number == "黑政办规〔2019〕8号"
    assert doc.issuer == "黑龙江省人民政府办公厅" and doc.date == "2019年12月2日"
    assert doc.citation_name() == f"《{doc.title}》（黑政办规〔2019〕8号）"
    last = doc.clauses[-1]
    assert last.text == "到2025年，冰雪旅游收入明显增长。"  # the signature is not clause text


def test_regulation_adoption_line():
    text = "\n".join(
        [
            "黑龙江省促进科技成果转化条例",
            "（2019年10月18日黑龙江省第十三届人民代表大会常务委员会第十四次会议通过）",
            "第一章 总则",
            "第一条 为了促进科技成果转化，制定本条例。",
        ]
    )
    doc = parse_text(text, "law", "law.txt")
    assert doc.issuer == "黑龙江省人民代表大会常务委员会"
    assert doc.date == "2019年10月18日"
    assert [c.label for c in doc.clauses] == ["第一章 总则 › 第一条"]


def test_document_without_head_keeps_every_line():
    text = "一、总体要求\n坚持改革。\n二、主要任务\n推进合作。"
    doc = parse_text(text, "bare", "bare.txt")
    assert doc.title == "bare" and doc.issuer == doc.date == doc.doc_number == ""
    assert [c.text for c in doc.clauses] == ["坚持改革。", "推进合作。"]
