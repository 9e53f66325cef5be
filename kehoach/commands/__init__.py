"""One module per command; each exposes ``run(...) -> int`` and knows nothing of the CLI library."""
