"""Lab 01 is yours to write: `api-architect lab start shows`.

Until then every route answers 501 as problem details.
"""

from fastapi import APIRouter, Depends, Request

from app.api.problems import ProblemError
from app.auth import require_role

router = APIRouter(prefix="/v1/shows", tags=["shows"])
staff = [Depends(require_role("staff", "admin"))]


def yours(request: Request) -> None:
    where = f"{request.method} {request.url.path}"
    raise ProblemError(501, "not-implemented", f"{where} is yours to write.")


router.add_api_route("", yours, methods=["GET"])
router.add_api_route("/{show_id}", yours, methods=["GET"])
router.add_api_route("", yours, methods=["POST"], dependencies=staff)
router.add_api_route("/{show_id}", yours, methods=["PATCH"],
                     dependencies=staff)
