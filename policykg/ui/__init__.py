"""The Gradio UI (policykg serve)."""
