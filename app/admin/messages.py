"""知识库管理 speaks Chinese: the reasons ingest and the knowledge base give, in Chinese.

ingest/ and kb/ word their errors in English for the command line and logs; each
reason is one of a few kinds, matched here once, keeping the file name it names.
"""

from __future__ import annotations

import re

# (pattern of the English reason, its Chinese); "{name}" is the file the reason names
REASONS = [
    (r"unsupported file type; supported: (?P<rest>.+)", "不支持这种文件类型，支持：{rest}"),
    (r"file too large \((?P<size>[\d.]+) MB; the limit is (?P<limit>[\d.]+) MB\)",
     "文件太大（{size} MB，上限 {limit} MB）"),
    (r"file is empty", "文件是空的"),
    (r"binary file, not text", "不是文本文件（可能是图片或其他二进制文件）"),
    (r"invalid (?P<enc>\S+) text.*", "文本编码有误（{enc}）"),
    (r"text encoding not recognised.*", "无法识别文本编码（已尝试 UTF-8、UTF-16、GB18030、Big5）"),
    (r"not a readable PDF.*", "无法读取这个 PDF 文件"),
    (r"the PDF is encrypted", "PDF 已加密，请先解除密码"),
    (r"the PDF has no text layer.*", "PDF 没有文字层（扫描件需先做文字识别）"),
    (r"not a readable (?P<kind>\S+) file.*", "无法读取这个 {kind} 文件"),
    (r"refused, its contents would expand.*", "拒绝导入：解压后过大"),
    (r"refused, its contents are compressed.*", "拒绝导入：压缩比异常，疑似压缩炸弹"),
    (r"no main text found in the HTML page", "网页中没有找到正文"),
    (r"no text left after cleaning", "清理后没有剩下正文"),
    (r"no clauses found in the text", "没有识别出条款（需要“一、”“（一）”“1.”或“第一条”这样的标题）"),
    (r"no document '(?P<doc>[^']+)' in the knowledge base", "知识库中没有这份文档（{doc}），可能已被删除"),
]  # fmt: skip


def in_chinese(error: Exception) -> str:
    """ "plan.pdf: the PDF is encrypted" → "plan.pdf：PDF 已加密，请先解除密码"."""
    text = str(error)
    name, _, reason = text.partition(": ") if ": " in text else ("", "", text)
    for pattern, chinese in REASONS:
        for candidate, prefix in ((reason, name), (text, "")):
            match = re.fullmatch(pattern, candidate)
            if match:
                said = chinese.format(**match.groupdict())
                return f"{prefix}：{said}" if prefix else said
    return f"出错了：{text}"
