"""Reading input by Encore's rule (module 1).

400 when the input cannot be read, 415 for another media type, 422
when it was read but is invalid; every item names a pointer into the
body or a parameter."""

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from app.api.problems import ProblemError, problem


# FastAPI validates bodies, paths and queries itself; these raise the
# same errors by hand, and install_validation_handlers (below) turns both
# into problems.


def invalid_body(member: str, detail: str) -> RequestValidationError:
    """A 422 item, e.g. for an id in the body that names nothing."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("body", member), "msg": detail}])


def invalid_parameter(name: str, detail: str) -> RequestValidationError:
    """A 400 item for a query parameter, e.g. a cursor that is not ours."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", name), "msg": detail}])


def _pointer(path: tuple[Any, ...]) -> str:
    # JSON Pointer, URI-fragment form: ("seatIds", 0) -> "#/seatIds/0"
    return "#" + "".join(
        "/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _parameter(name: Any) -> str:
    # the name a client sees: show_id -> showId
    return re.sub(r"_([a-z])", lambda m: m[1].upper(), str(name))


# The slug of a plain HTTPException, and of the router's 404 and 405
SLUGS = {400: "malformed-body", 401: "unauthenticated", 403: "forbidden",
         404: "not-found", 405: "method-not-allowed", 409: "conflict",
         412: "precondition-failed", 415: "unsupported-media-type",
         428: "precondition-required", 429: "rate-limited"}


def _invalid(request: Request, status: int,
             items: list[dict[str, str]]) -> JSONResponse:
    slug = "invalid-parameters" if status == 400 else "validation-failed"
    return problem(request, ProblemError(
        status, slug, f"{len(items)} item(s) need attention.", errors=items))


def install_validation_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request,
                      exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()  # loc: ("body", "seatIds", 0), ("path", ...)
        # FastAPI says 422 for all of these; Encore splits them
        if any(e["type"] == "json_invalid" or tuple(e["loc"]) == ("body",)
               for e in errors):  # not JSON, or not a JSON object
            return problem(request, ProblemError(
                400, "malformed-body", "The body is not a JSON object."))
        params = [{"detail": e["msg"], "parameter": _parameter(e["loc"][-1])}
                  for e in errors if e["loc"][0] != "body"]
        if params:
            return _invalid(request, 400, params)
        return _invalid(request, 422, [
            {"detail": e["msg"], "pointer": _pointer(tuple(e["loc"][1:]))}
            for e in errors])

    @app.exception_handler(HTTPException)
    async def http_error(request: Request,
                         exc: HTTPException) -> JSONResponse:
        # unknown routes (404), wrong methods (405), raise HTTPException
        return problem(request, ProblemError(
            exc.status_code, SLUGS.get(exc.status_code, "failed"),
            str(exc.detail), headers=exc.headers))
