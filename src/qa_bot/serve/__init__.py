"""Serving: the FastAPI app (:mod:`.web`), the Gradio chat (:mod:`.chat`), HTML and text for
people (:mod:`.render`) and the guard on who reaches what (:mod:`.guard`)."""
