"""Every error leaves as RFC 9457 problem details (module 1).

Handlers raise ProblemError (or a plain HTTPException, whose slug follows
from its status); the handlers installed here write the one
application/problem+json body.
"""

import logging
import re
import secrets
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)
TRACEPARENT = re.compile(r"[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}")


class ProblemError(Exception):
    """An error that already knows its problem: status, slug, detail.

    raise ProblemError(409, "seat-unavailable", "Seat B-14 was taken.",
                       unavailableSeatIds=[str(seat_id)])
    """

    def __init__(self, status: int, slug: str, detail: str, *,
                 headers: dict[str, str] | None = None,
                 **extensions: Any) -> None:
        super().__init__(detail)
        self.status, self.slug, self.detail = status, slug, detail
        self.headers, self.extensions = headers or {}, extensions


def _trace_id(request: Request) -> str:
    # The W3C trace id of the request, from traceparent when it has one.
    # (Module 9 hands this job to OpenTelemetry.)
    sent = TRACEPARENT.fullmatch(request.headers.get("traceparent", ""))
    return sent[1] if sent else secrets.token_hex(16)


def problem(request: Request, p: ProblemError) -> JSONResponse:
    body = {"type": f"https://encore.example/problems/{p.slug}",
            "title": HTTPStatus(p.status).phrase, "status": p.status,
            "detail": p.detail, "instance": request.url.path,
            "traceId": _trace_id(request), **p.extensions}
    return JSONResponse(body, status_code=p.status, headers=p.headers,
                        media_type="application/problem+json")


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def known(request: Request, exc: ProblemError) -> JSONResponse:
        return problem(request, exc)

    @app.exception_handler(Exception)  # the last line of defence
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem(request, ProblemError(500, "internal-error",
            "The error was logged. Quote the trace id to support."))
