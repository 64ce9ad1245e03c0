"""SQLAlchemy models; every module imports them from app.models.

Add Show here for lab 01 (module 1 has its columns). The starter creates
missing tables at start-up; migrations arrive in module 7.
"""

from datetime import datetime
from uuid import UUID

from sqlalchemy import DateTime, ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Venue(Base):
    __tablename__ = "venues"

    id: Mapped[UUID] = mapped_column(primary_key=True)  # a UUIDv7
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str]
    capacity: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now())  # timestamptz


class Seat(Base):
    __tablename__ = "seats"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    venue_id: Mapped[UUID] = mapped_column(ForeignKey("venues.id"))
    label: Mapped[str]  # what the ticket says: "B-14"
    section: Mapped[str]
    row: Mapped[str]
    number: Mapped[int]
