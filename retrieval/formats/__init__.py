"""Readers for document formats beyond plain text and Word: each turns a file's bytes into
lines for `retrieval.ingest.clean_lines` and the structure parser, one paragraph a line."""
