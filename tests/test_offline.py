"""The offline settings are in place before any library that reads them is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.offline import OFFLINE_DEFAULTS

# what the libraries themselves concluded, read after planqa's CLI module was imported
PROBE = """
import json, os
import app.cli
import huggingface_hub.constants as hub
from app.offline import OFFLINE_DEFAULTS
print(json.dumps({"hub_offline": hub.HF_HUB_OFFLINE,
                  "env": {k: os.environ.get(k) for k in OFFLINE_DEFAULTS}}))
"""


def probe(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in OFFLINE_DEFAULTS}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_importing_the_cli_sets_every_offline_default_first():
    result = probe()
    assert result["hub_offline"] is True
    assert result["env"] == OFFLINE_DEFAULTS


def test_a_value_set_in_the_environment_wins():
    result = probe(HF_HUB_OFFLINE="0", GRADIO_ANALYTICS_ENABLED="True")
    assert result["hub_offline"] is False
    assert result["env"]["GRADIO_ANALYTICS_ENABLED"] == "True"
