#!/bin/sh
# First start: seed the corpus volume with the bundled documents.
set -eu
if [ ! -d "$STUDYBOT_CORPUS_DIR" ]; then
    mkdir -p "$STUDYBOT_CORPUS_DIR"
    cp -r /app/corpus-seed/. "$STUDYBOT_CORPUS_DIR/"
fi
exec "$@"
