"""Venues are done: every lab creates one before its checks."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from app.auth import require_role
from app.core.deps import SessionDep
from app.models import Seat, Venue

try:
    from uuid import uuid7  # Python 3.14+
except ImportError:  # older Pythons: the uuid6 package
    from uuid6 import uuid7

router = APIRouter(prefix="/v1/venues", tags=["venues"])


# snake_case in Python, camelCase on the wire (module 1's CamelModel)
class CamelModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, validate_by_name=True,
                              from_attributes=True, extra="forbid")


class VenueIn(CamelModel):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    city: Annotated[str, Field(min_length=1, max_length=100)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]  # ISO 3166-1
    timezone: Annotated[str, Field(min_length=1)]  # IANA: Europe/Lisbon


class VenueOut(CamelModel):
    id: UUID
    name: str
    city: str
    country: str
    timezone: str
    capacity: int
    created_at: AwareDatetime


@router.post("", response_model=VenueOut, status_code=201,
             dependencies=[Depends(require_role("staff", "admin"))])
async def create_venue(body: VenueIn, db: SessionDep,
                       response: Response) -> Venue:
    venue = Venue(id=uuid7(), capacity=10, **body.model_dump())
    db.add(venue)
    await db.flush()  # the venue's row first: seats refer to it
    # A small seat map: rows A and B, seats 1 to 5, all in the stalls
    db.add_all(Seat(id=uuid7(), venue_id=venue.id, label=f"{row}-{number}",
                    section="stalls", row=row, number=number)
               for row in "AB" for number in range(1, 6))
    await db.commit()
    await db.refresh(venue)  # created_at, set by the database
    response.headers["Location"] = f"/v1/venues/{venue.id}"
    return venue


@router.get("/{venue_id}", response_model=VenueOut)
async def get_venue(venue_id: UUID, db: SessionDep,
                    response: Response) -> Venue:
    venue = await db.get(Venue, venue_id)
    if venue is None:
        raise HTTPException(404, "No venue has this id.")
    response.headers["Cache-Control"] = "public, max-age=60"
    return venue
