"""Dependencies every router shares."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.infrastructure.db.engine import SessionLocal


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:  # one session per request
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
