"""Renderers: they only format the facts and the model, for a map, a PDF, a chart or a file."""
