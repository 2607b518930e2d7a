"""The citation column of the chat: each answer's sources, as escaped HTML.

For every answer of the conversation, the clauses it quotes come first (the quoted
words marked, numbered like the answer's [n] markers), the other retrieved clauses
folded under 相关条款; a refusal shows its nearest clauses folded, saying they do
not answer. The latest answer is open; earlier ones stay reachable, folded.
Users see document titles and clause paths, never internal ids (those stay in
``data-`` attributes for the reader links).
"""

from __future__ import annotations

import html

from app.answering import Answer, Citation
from app.web.reader import reader_link

e = html.escape

EMPTY = (
    '<p class="sources-empty">提问后，回答所引用的条款显示在这里：引文标黄，'
    "点击回答中的 [1]、[2] 跳到对应条款；其余检索到的条款折叠在“相关条款”下。</p>"
)
REFUSAL_NOTE = (
    "知识库中没有回答这个问题的条款。下面是检索到的最接近的条款，它们并不回答这个问题，仅供参考。"
)


def sources_html(answers: list[Answer]) -> str:
    """The column for a whole conversation: the latest answer open, earlier ones folded."""
    if not answers:
        return EMPTY
    latest = len(answers)
    parts = [answer_sources(latest, answers[-1])]
    if latest > 1:
        parts.append('<h3 class="earlier-title">之前的回答</h3>')
    for k in range(latest - 1, 0, -1):
        answer = answers[k - 1]
        parts.append(
            f'<details class="earlier-answer" data-answer="{k}"><summary>第{k}问：'
            f"{e(answer.question)}</summary>{answer_sources(k, answer)}</details>"
        )
    return "\n".join(parts)


def answer_sources(k: int, answer: Answer) -> str:
    """The sources of the k-th answer (1-based): its quoted clauses, then the others folded."""
    quoted = answer.quoted_numbers()
    numbered = list(enumerate(answer.citations, 1))
    first = [citation_html(k, n, c) for n, c in numbered if n in quoted]
    # a refusal may quote what the texts say instead ([1]): that clause keeps its number
    marked = answer.marked_numbers()
    others = [
        citation_html(k, n, c, related=True, numbered=n in marked)
        for n, c in numbered
        if n not in quoted
    ]
    parts = [f'<section class="answer-sources" id="sources-{k}" data-answer="{k}">']
    if first:
        parts.append(f'<h3 class="sources-title">引用条款（{len(first)}）</h3>')
        parts.extend(first)
    elif answer.abstained:
        parts.append(f'<p class="refusal-note">{REFUSAL_NOTE}</p>')
    if others:
        summary = f"相关条款（{len(others)} 条，{'未被引用' if first else '不回答所问'}）"
        parts.append(
            f'<details class="related-clauses"><summary>{summary}</summary>'
            f"{''.join(others)}</details>"
        )
    parts.append("</section>")
    return "".join(parts)


def citation_html(
    k: int, n: int, citation: Citation, related: bool = False, numbered: bool = False
) -> str:
    """One clause: [n], its path in the outline, its document, its words, a reader link.
    A related clause carries no [n] unless the text refers to it (a refusal quoting what
    the texts say instead): a number beside the cited ones would read as a citation."""
    body = e(citation.text)
    for sentence in citation.highlights:
        escaped = e(sentence)
        body = body.replace(escaped, f"<mark>{escaped}</mark>", 1)
    body = body.replace("\n", "<br>")
    kind = "related" if related else "quoted"
    mark = "相关" if related and not numbered else f"[{n}]"
    return (
        f'<div class="citation {kind}" id="cite-{k}-{n}" data-n="{n}" '
        f'data-clause-id="{e(citation.clause_id)}">'
        f'<div class="label">{mark} {e(citation.label)}</div>'
        f'<div class="meta">{e(citation.source)}</div>'
        f'<div class="text">{body}</div>'
        f"{reader_link(citation.doc_id, citation.clause_id, citation.highlights)}</div>"
    )
