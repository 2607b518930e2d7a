"""The page header: which documents the knowledge base holds right now."""

from __future__ import annotations

from kb.knowledge_base import KnowledgeBase


def header_markdown(kb: KnowledgeBase) -> str:
    """Read again on each call, so an upload or a removal in 知识库管理 shows at once."""
    kb.refresh()
    documents = kb.documents()
    titles = "、".join(f"《{d.title}》" for d in documents[:3])
    if len(documents) > 3:
        titles = f"{len(documents)} 份文档（{titles} 等）"
    elif not documents:
        titles = "（还没有文档）"
    return f"## planqa 政策问答\n知识库：{titles}。回答只引用方案原文，并标明出处。"
