"""The faces of planqa: answer service, CLI and Gradio chat."""

# The one exception to "no env mutation at import". huggingface_hub, transformers and
# chromadb read their offline and telemetry settings when first imported, and the
# imports of app/cli/main.py load chromadb before main() runs; this package's __init__ runs
# before any of them, whichever way planqa starts (the console script, python -m
# app.cli, or code importing app). It only sets defaults (a value already in the
# environment wins) and does nothing else.
from app.offline import set_offline_defaults

set_offline_defaults()
