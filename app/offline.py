"""Offline defaults: no telemetry, no analytics, no model-hub look-ups; nothing leaves the machine."""

from __future__ import annotations

import os

OFFLINE_DEFAULTS = {
    "HF_HUB_OFFLINE": "1",  # huggingface_hub reads it when first imported
    "TRANSFORMERS_OFFLINE": "1",  # transformers, likewise
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",  # chromadb
    "TOKENIZERS_PARALLELISM": "false",  # no fork warning from the tokenizers library
}


def set_offline_defaults() -> None:
    """Set each variable unless the environment already chose a value."""
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)
