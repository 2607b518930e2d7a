"""The faces of planqa: answer service, CLI and Gradio chat."""
