"""The browser faces: the chat, the workspace tabs and 知识库管理 (Gradio)."""
