"""Build tools run from the project's root (``python -m tools.<name>``); not part of the app."""
