"""StudyBot's retrieval library: documents in, ranked passages out. Knows nothing about Telegram."""
