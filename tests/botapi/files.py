"""Files: what users upload, what the bot sends, getFile and the file URLs."""

from __future__ import annotations

import secrets
from http import HTTPStatus

from aiohttp import web

from .models import (
    FileRecord,
)
from .protocol import (
    DOWNLOAD_LIMIT,
    JSON,
    UPLOAD_LIMIT,
    ApiError,
    Params,
    bad,
    error_response,
)
from .state import ServerState


class FilesMixin(ServerState):
    """Stores files and serves them to the bot."""

    def _store_file(self, data: bytes, filename: str | None, mime_type: str | None) -> FileRecord:
        number = next(self._ids)
        suffix = ""
        if filename and "." in filename:
            suffix = "." + filename.rsplit(".", 1)[1]
        record = FileRecord(
            file_id=f"BQACAgIAAxkBAAI{number:06d}{secrets.token_urlsafe(18)}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"documents/file_{number}{suffix}",
            data=data,
            file_name=filename,
            mime_type=mime_type,
        )
        self.files[record.file_id] = record
        return record

    def _document_input(self, p: Params) -> FileRecord:
        value = p.values.get("document")
        upload = p.files.get("document")
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = p.files.get(value.removeprefix("attach://"))
        if upload is not None:
            if not upload.data:
                raise bad("file must be non-empty")
            if len(upload.data) > UPLOAD_LIMIT:
                raise ApiError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large")
            return self._store_file(upload.data, upload.filename, upload.content_type)
        if isinstance(value, str) and value:
            if value in self.files:
                return self.files[value]
            if value.startswith(("http://", "https://")):
                raise bad("failed to get HTTP URL content")  # the stand-in has no internet
            raise bad("wrong file identifier/HTTP URL specified")
        raise bad("there is no document in the request")

    async def _get_file(self, p: Params) -> JSON:
        record = self.files.get(p.text("file_id") or "")
        if record is None:
            raise bad("invalid file_id")
        if len(record.data) > DOWNLOAD_LIMIT:
            raise bad("file is too big")
        return {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_size": len(record.data),
            "file_path": record.file_path,
        }

    def _serve_file(self, rest: str) -> web.Response:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return error_response(ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized"))
        for record in self.files.values():
            if record.file_path == file_path:
                return web.Response(
                    body=record.data, content_type=record.mime_type or "application/octet-stream"
                )
        return error_response(ApiError(HTTPStatus.NOT_FOUND, "Not Found"))
