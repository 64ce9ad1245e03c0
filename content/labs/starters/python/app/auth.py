"""The one auth shape (module 3): CurrentPrincipal in every handler.

The labs sign their tokens with a shared HS256 key (ENCORE_JWT_SECRET);
Encore itself verifies ES256 access tokens from its JWKS (module 3).
"""

import os
from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

ISSUER = "https://api.encore.example"
LAB_KEY = os.environ.get("ENCORE_JWT_SECRET",
                         "encore-labs-local-only-hs256-key-0f3c9a7e51d2")
bearer = HTTPBearer(auto_error=False)  # a missing token is our 401, below


@dataclass(frozen=True)
class Principal:
    sub: UUID
    roles: frozenset[str]
    scopes: frozenset[str]


def unauthenticated(detail: str | None = None) -> HTTPException:
    challenge = 'Bearer realm="encore"'
    if detail:
        challenge += ', error="invalid_token"'
    return HTTPException(401, detail or "Send a token.",
                         {"WWW-Authenticate": challenge})


def get_principal(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    if creds is None:
        raise unauthenticated()
    try:
        claims = jwt.decode(
            creds.credentials, LAB_KEY,
            algorithms=["HS256"],  # fixed here, never taken from the token
            issuer=ISSUER, audience="encore-api", leeway=30,
            options={"require": ["exp", "iat", "sub"]},
        )
        return Principal(
            sub=UUID(claims["sub"]),  # ValueError unless a UUID
            roles=frozenset(claims.get("roles", [])),
            scopes=frozenset(claims.get("scope", "").split()),
        )
    except jwt.ExpiredSignatureError:
        raise unauthenticated("The access token has expired.") from None
    except (jwt.InvalidTokenError, ValueError):
        raise unauthenticated("The access token is not valid.") from None


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*allowed: str):
    # 403: the caller is known, and the answer is no.
    def check(principal: CurrentPrincipal) -> Principal:
        if principal.roles.isdisjoint(allowed):
            roles = ", ".join(allowed)
            raise HTTPException(403, f"This needs one of the roles: {roles}.")
        return principal

    return check
