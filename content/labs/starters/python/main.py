"""Encore starter for the api-architect labs (FastAPI, Pydantic v2).

Probes, lab tokens, problem details and venues are done; the shows routes
are yours to write (`api-architect lab start shows`).
"""

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

try:
    from uuid import uuid7  # Python 3.14+
except ImportError:
    from uuid6 import uuid7

SECRET = os.environ.get(
    "ENCORE_JWT_SECRET", "encore-labs-local-only-hs256-key-0f3c9a7e51d2"
)
PROBLEM = "application/problem+json"

app = FastAPI(title="Encore", version="0.1.0")


class Problem(Exception):
    """Raise one anywhere: the handler below sends it as problem details."""

    def __init__(self, status: int, slug: str, title: str, detail: str,
                 headers: dict[str, str] | None = None, **extra: Any):
        self.status, self.slug, self.title = status, slug, title
        self.detail, self.headers, self.extra = detail, headers or {}, extra


def problem_response(request: Request, p: Problem) -> JSONResponse:
    body = {
        "type": f"https://encore.example/problems/{p.slug}",
        "title": p.title,
        "status": p.status,
        "detail": p.detail,
        "instance": request.url.path,
        "traceId": request.state.trace_id,
        **p.extra,
    }
    return JSONResponse(body, p.status, headers=p.headers, media_type=PROBLEM)


@app.middleware("http")
async def trace_id(request: Request, call_next):
    request.state.trace_id = secrets.token_hex(16)
    return await call_next(request)


@app.exception_handler(Problem)
async def on_problem(request: Request, exc: Problem):
    return problem_response(request, exc)


@app.exception_handler(RequestValidationError)
async def on_invalid(request: Request, exc: RequestValidationError):
    errors = exc.errors()
    if any(e["type"] == "json_invalid" for e in errors):
        return problem_response(request, Problem(
            400, "malformed-body", "The body cannot be read", "Not JSON."))
    items = [
        {"pointer": "#/" + "/".join(str(p) for p in e["loc"][1:]),
         "detail": e["msg"]}
        for e in errors
    ]
    return problem_response(request, Problem(
        422, "validation-failed", "The request body is not valid",
        f"{len(items)} field(s) need attention.", errors=items))


@app.exception_handler(StarletteHTTPException)
async def on_http(request: Request, exc: StarletteHTTPException):
    return problem_response(request, Problem(
        exc.status_code, "not-found" if exc.status_code == 404 else "error",
        "No such resource" if exc.status_code == 404 else "Request failed",
        str(exc.detail)))


@app.exception_handler(Exception)
async def on_crash(request: Request, exc: Exception):
    print("unexpected error, trace", request.state.trace_id, repr(exc))
    return problem_response(request, Problem(
        500, "internal-error", "Something went wrong on our side",
        "The error was logged."))


# --- tokens ------------------------------------------------------------------
@dataclass(frozen=True)
class Principal:
    sub: str
    roles: tuple[str, ...]
    scopes: tuple[str, ...]


def unauthorized(detail: str, token_sent: bool) -> Problem:
    challenge = 'Bearer realm="encore"'
    if token_sent:
        challenge += ', error="invalid_token"'
    return Problem(401, "unauthenticated", "Authentication is required",
                   detail, {"WWW-Authenticate": challenge})


def get_principal(
    authorization: Annotated[str | None, Header()] = None,
) -> Principal:
    if not authorization:
        raise unauthorized("Send a bearer token.", False)
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise unauthorized("Send a bearer token.", True)
    try:
        # Pinning the algorithm rejects alg "none" and algorithm swaps.
        claims = jwt.decode(
            token, SECRET, algorithms=["HS256"],
            audience="encore-api", issuer="https://api.encore.example",
        )
    except jwt.PyJWTError:
        raise unauthorized("The token is not valid.", True) from None
    return Principal(claims["sub"], tuple(claims.get("roles", [])),
                     tuple(claims.get("scope", "").split()))


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*roles: str):
    def check(principal: CurrentPrincipal) -> Principal:
        if not set(roles) & set(principal.roles):
            raise Problem(403, "forbidden", "Not allowed", "Your role may not.")
        return principal
    return Depends(check)


# --- probes ------------------------------------------------------------------
@app.get("/health")
def health(response: Response):
    response.headers["Cache-Control"] = "no-store"
    return {"status": "ok"}


@app.get("/ready")
def ready(response: Response):
    response.headers["Cache-Control"] = "no-store"
    return {"status": "ready", "checks": {"memory": "ok"}}


# --- venues (done: the labs create one before their checks) ------------------
def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class VenueCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=100)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    timezone: str = Field(min_length=1)


VENUES: dict[str, dict] = {}
SEATS: dict[str, dict] = {}


@app.post("/v1/venues", status_code=201,
          dependencies=[require_role("staff", "admin")])
def create_venue(body: VenueCreate, response: Response):
    venue = {"id": str(uuid7()), **body.model_dump(), "capacity": 10,
             "createdAt": now()}
    for row in "AB":
        for number in range(1, 6):
            seat_id = str(uuid7())
            SEATS[seat_id] = {"id": seat_id, "venueId": venue["id"],
                              "label": f"{row}-{number}"}
    VENUES[venue["id"]] = venue
    response.headers["Location"] = f"/v1/venues/{venue['id']}"
    return venue


# --- shows: lab 01 (`api-architect lab start shows`) -------------------------
def yours(request: Request):
    raise Problem(501, "not-implemented", "Not built yet",
                  f"{request.method} {request.url.path} is yours to write.")


for method, path in [("POST", "/v1/shows"), ("GET", "/v1/shows"),
                     ("GET", "/v1/shows/{show_id}"),
                     ("PATCH", "/v1/shows/{show_id}")]:
    app.add_api_route(path, yours, methods=[method])
