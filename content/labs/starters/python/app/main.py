"""Encore's FastAPI application: handlers first, then the routers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from app.api.problems import install_problem_handlers
from app.api.validation import install_validation_handlers
from app.infrastructure.db.engine import engine
from app.models import Base
from app.shows.router import router as shows_router
from app.venues.router import router as venues_router


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # The starter creates missing tables itself; module 7 brings migrations.
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(title="Encore API", lifespan=lifespan)
install_problem_handlers(app)
install_validation_handlers(app)
app.include_router(venues_router)  # each router carries its /v1 prefix
app.include_router(shows_router)

NO_STORE = {"Cache-Control": "no-store"}


@app.get("/health", include_in_schema=False)
async def health() -> JSONResponse:
    # Liveness: the event loop answers. No dependency is checked here.
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


@app.get("/ready", include_in_schema=False)
async def ready() -> JSONResponse:
    # Module 9 adds a database check with a one-second budget.
    return JSONResponse({"status": "ready", "checks": {"database": "ok"}},
                        headers=NO_STORE)
