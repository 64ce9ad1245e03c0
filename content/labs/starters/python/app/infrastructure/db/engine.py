"""One AsyncEngine per process (module 5 tunes its pool)."""

import os

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get(
    "DATABASE_URL",  # compose.yaml's database
    "postgresql+asyncpg://encore:encore-local-only@127.0.0.1:5432/encore")

engine = create_async_engine(DATABASE_URL, pool_pre_ping=True)
# expire_on_commit=False: objects stay readable after a commit, so a
# handler can return what it just saved without another query.
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)
