"""政策查找: describe the enterprise, see what the plans offer it and why. Thin over Workspace."""

from __future__ import annotations

import html
from collections import Counter

import gradio as gr

from app.web.reader import READ_LINKS_JS, DocumentReader, reader_link
from app.workspaces.profile import ORIGINS, EnterpriseProfile, industry_examples
from app.workspaces.support import MATCHES, NOTES, SUPPORT_KINDS, SupportResult
from app.workspaces.workspace import Workspace
from ingest.tagging import load_taxonomy

e = html.escape
EXAMPLE = "我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂"


def marked(text: str, sentences: list[str]) -> str:
    """The text escaped, only the given sentences marked."""
    body = e(text)
    for sentence in sentences:
        body = body.replace(e(sentence), f"<mark>{e(sentence)}</mark>", 1)
    return body.replace("\n", "<br>")


def support_html(result: SupportResult) -> str:
    """The clauses closest to the enterprise first, under how they concern it; the note
    most of them share in substance (``NOTES``) is said once, a card says only a note that
    differs from it in substance."""
    parts = []
    if result.unmet:
        parts.append(
            '<div class="support-unmet">方案没有提到：'
            + "、".join(f"“{e(w)}”" for w in result.unmet)
            + "。这方面的支持，方案中找不到依据；下面是方案中与这家企业有关的其他内容。</div>"
        )
    if not result.items:
        parts.append("<p>方案中没有找到适用于这家企业的支持条款。</p>")
        return "\n".join(parts)
    notes = Counter(item.note_kind for item in result.items)
    shared, count = notes.most_common(1)[0]
    scope = "下列各条" if count == len(result.items) else "下列各条，另有注明的除外"
    parts.append(f'<div class="meta support-note">注（{scope}）：{e(NOTES[shared])}</div>')
    for match, title in MATCHES.items():
        items = [item for item in result.items if item.match == match]
        if items:
            parts.append(f'<h3 class="support-match">{e(title)}</h3>')
        for item in items:
            why = "；".join(item.reasons)
            parts.append(
                f'<div class="citation support-item" data-clause-id="{e(item.clause_id)}">'
                f'<div class="label">{e(item.label)}</div>'
                f'<div class="meta">《{e(item.doc_title)}》 · {e(SUPPORT_KINDS[item.kind])}</div>'
                + (f'<div class="why">为什么列出：{e(why)}</div>' if why else "")
                + f'<div class="text">{marked(item.text, item.sentences)}</div>'
                + (
                    f'<div class="meta">注：{e(item.note)}</div>'
                    if item.note_kind != shared
                    else ""
                )
                + f"{reader_link(item.doc_id, item.clause_id, item.sentences)}</div>"
            )
    return "\n".join(parts)


def build_support_tab(workspace: Workspace, reader: DocumentReader) -> None:
    taxonomy = load_taxonomy()
    words = workspace.industry_words()
    industries = [
        (f"{tag}（{'、'.join(ex)}…）" if (ex := industry_examples(words, tag)) else tag, tag)
        for tag in taxonomy.get("industry", {})
    ]
    with gr.Tab("政策查找", id="support"):
        gr.Markdown(
            "用一句话描述企业，查找方案中适用的支持政策和合作机会。"
            "下面的选项会根据描述自动填写，也可以自己选。每条都注明出处。"
        )
        description = gr.Textbox(
            label="企业情况", placeholder=f"例如：{EXAMPLE}", elem_id="support-description"
        )
        with gr.Row():
            origin = gr.Radio(list(ORIGINS), label="企业来自", elem_id="support-origin")
            ownership = gr.Radio(
                ["国有", "民营", "外资"], label="所有制", elem_id="support-ownership"
            )
        with gr.Row():
            industry = gr.Dropdown(
                industries, multiselect=True, label="行业（可多选）", elem_id="support-industry"
            )
            wants = gr.Dropdown(
                [("（不限）", "")] + [(t, t) for t in taxonomy.get("activity", {})],
                value="",
                label="想做的事",
                elem_id="support-wants",
            )
        find = gr.Button("查找", variant="primary", elem_id="support-find")
        found = gr.HTML(elem_id="support-results", js_on_load=READ_LINKS_JS)
        reader.listen(found)

        def on_find(text, origin_, ownership_, industry_, wants_):
            profile = EnterpriseProfile(
                text or "", origin_ or "", ownership_ or "", tuple(industry_ or ()), wants_ or ""
            )
            try:
                result = workspace.find_support(profile)
            except ValueError as exc:
                notice = f'<p class="notice">{e(str(exc))}</p>'
                return gr.update(), gr.update(), gr.update(), gr.update(), notice
            used = result.profile
            return (
                used.origin or None,
                used.ownership or None,
                list(used.industries),
                used.wants,
                support_html(result),
            )

        inputs = [description, origin, ownership, industry, wants]
        outputs = [origin, ownership, industry, wants, found]
        find.click(on_find, inputs, outputs, api_visibility="private")
        description.submit(on_find, inputs, outputs, api_visibility="private")
