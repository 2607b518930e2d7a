"""Answering: a question analysed once, its coverage decided once, answered by the first
answerer that applies. Open this package to change how questions are read (query.py,
terms.py), how coverage is judged (policy.py, sentences.py) or how answers are written
(answerers.py, citations.py)."""

from app.answering.citations import Answer, Citation, QuestionError
from app.answering.conversation import Turn
from app.answering.llm import LLMAnswerer, make_chat_model
from app.answering.service import AnswerService

__all__ = [
    "Answer",
    "AnswerService",
    "Citation",
    "LLMAnswerer",
    "QuestionError",
    "Turn",
    "make_chat_model",
]
