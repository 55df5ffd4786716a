"""One JSON shape for every error the API returns.

``{"error": {"status": 404, "code": "not_found", "message": "...", "hint": "...", "detail": ...}}``
whether the error came from routing, validation, authentication, dateline itself or a bug.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dateline.errors import BadInputError, DatelineError

log = logging.getLogger("dateline.web")


class APIError(Exception):
    """An error a route raises on purpose, with the code clients match on."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        hint: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.headers = headers


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    hint: str | None = None,
    detail: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if hint:
        body["hint"] = hint
    if detail is not None:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


async def _api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, APIError)
    return error_response(
        error.status, error.code, error.message, hint=error.hint, headers=error.headers
    )


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    message = (
        error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    )
    return error_response(
        error.status_code, _code(error.status_code), message, headers=error.headers
    )


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    # Only where and why: echoing the rejected input back is of no use and could be large.
    detail = [
        {"loc": [str(part) for part in item.get("loc", ())], "msg": item.get("msg", "")}
        for item in error.errors()
    ]
    first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"][1:] or first["loc"])
    return error_response(422, "validation_error", f"{where}: {first['msg']}", detail=detail)


async def _dateline_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DatelineError)
    status = 422 if isinstance(error, BadInputError) else 500
    message = str(error.args[0]) if error.args else type(error).__name__
    return error_response(status, error.code, message, hint=error.hint or None)


async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=error)
    return error_response(
        500,
        "internal_error",
        "the server failed to answer this request",
        hint="The server log has the details.",
    )


def install(app: FastAPI) -> None:
    """Route every kind of error through the one shape."""
    app.add_exception_handler(APIError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(Exception, _unexpected)
