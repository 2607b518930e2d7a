"""知识库管理 › 反馈: the ratings users gave, filterable, and a 👎 turned into an evaluation
case (appended to ``<data dir>/feedback_cases.jsonl``, which ``planqa eval --set feedback``
scores). Thin over ``FeedbackStore``; every handler checks the admin session first.
"""

from __future__ import annotations

import html

import gradio as gr

from app.admin.feedback import Feedback, FeedbackStore
from app.admin.service import AdminService

HEADERS = ["编号", "时间", "评价", "问题", "说明", "评测用例", "引用条款", "回答"]
RATINGS = [("全部", ""), ("👎 差评", "down"), ("👍 好评", "up")]
_SHOWN = {"up": "👍 好评", "down": "👎 差评"}
NOT_LOGGED_IN = '<p class="notice">请先登录。</p>'


def _notice(text: str) -> str:
    return f'<p class="notice">{html.escape(text)}</p>'


def feedback_rows(store: FeedbackStore, rating: str | None) -> list[list[object]]:
    return [
        [f.id, f.when, _SHOWN[f.rating], f.question, f.comment, f.made_case,
         "、".join(c.get("label") or c.get("clause_id", "") for c in f.citations), f.answer[:300]]
        for f in store.entries(rating or None)
    ]  # fmt: skip


def _clauses(item: Feedback) -> list[tuple[str, str]]:
    """(label, clause text) of each clause the answer cited: the evidence to pick from."""
    return [(c.get("label") or c["clause_id"], c.get("text", "")) for c in item.citations]


def build_feedback_view(admin: AdminService, session: gr.State) -> None:
    """The view, inside the logged-in panel; filled when the session changes (a login)."""
    store = admin.feedback
    with gr.Accordion("反馈", open=True, elem_id="admin-feedback-view"):
        with gr.Row():
            rating = gr.Radio(RATINGS, value="", label="评价", elem_id="feedback-filter")
            refresh = gr.Button("刷新", elem_id="feedback-refresh")
        table = gr.Dataframe(headers=HEADERS, interactive=False, wrap=True,
                             elem_id="admin-feedback")  # fmt: skip
        gr.Markdown("点一行 👎 选中它，选出（或填写）本应引用的条款原文，再转为评测用例。")
        with gr.Row():
            chosen = gr.Number(label="反馈编号", precision=0, elem_id="feedback-case-id")
            clause = gr.Dropdown([], label="引用过的条款", elem_id="feedback-case-clause")
            answerable = gr.Checkbox(
                True, label="方案能回答这个问题", elem_id="feedback-answerable"
            )
        evidence = gr.Textbox(label="本应引用的条款原文（证据）", lines=3,
                              elem_id="feedback-case-evidence")  # fmt: skip
        make = gr.Button("转为评测用例", variant="primary", elem_id="feedback-make-case")
        status = gr.HTML(elem_id="feedback-case-status")

    def show(token: str, wanted: str):
        if not admin.logged_in(token):
            return []
        return feedback_rows(store, wanted)

    def select(token: str, event: gr.SelectData):
        row = event.row_value or []
        return int(row[0]) if admin.logged_in(token) and row else None

    def pick(token: str, feedback_id: float | None):
        """The clauses the answer cited, the first chosen (its text becomes the evidence)."""
        if not admin.logged_in(token) or not feedback_id:
            return gr.update(choices=[], value=None)
        try:
            cited = _clauses(store.get(int(feedback_id)))
        except ValueError:
            return gr.update(choices=[], value=None)
        return gr.update(choices=cited, value=cited[0][1] if cited else None)

    def make_case(token: str, feedback_id: float | None, text: str, can_answer: bool, wanted: str):
        if not admin.logged_in(token):
            return NOT_LOGGED_IN, gr.update()
        if not feedback_id:
            return _notice("请先选中一条 👎 反馈。"), gr.update()
        try:
            case = store.make_case(int(feedback_id), [text or ""], can_answer)
        except ValueError as exc:
            return _notice(f"未转换：{exc}"), gr.update()
        where = store.cases
        return _notice(f"已转为评测用例 {case['id']}（{where}；planqa eval --set feedback）。"), \
            feedback_rows(store, wanted)  # fmt: skip

    session.change(show, [session, rating], table, api_visibility="private")
    refresh.click(show, [session, rating], table, api_visibility="private")
    rating.change(show, [session, rating], table, api_visibility="private")
    table.select(select, session, chosen, api_visibility="private")
    chosen.change(pick, [session, chosen], clause, api_visibility="private")
    clause.change(lambda text: text or "", clause, evidence, api_visibility="private")
    make.click(
        make_case,
        [session, chosen, evidence, answerable, rating],
        [status, table],
        api_visibility="private",
    )
