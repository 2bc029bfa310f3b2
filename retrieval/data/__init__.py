"""Word lists shipped with the retrieval library: user dictionary, stopwords, synonyms."""
