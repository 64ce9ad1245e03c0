// Venues. A new venue gets a small default seat map (two rows of five in the
// stalls): the contract has no operation for designing seat maps.
import { Router } from "express";
import { z } from "zod";
import { requireRole } from "../auth/require-auth.js";
import { etagOf } from "../http/etag.js";
import { notFound } from "../http/problem.js";
import { parseBody, requireBody } from "../http/validate.js";
import { newId, timestamp, type Db, type Venue } from "../store.js";

const VenueCreate = z.strictObject({
  name: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 code"),
  timezone: z.string().min(1),
});

function addSeats(db: Db, venue: Venue) {
  for (const row of ["A", "B"]) {
    for (let number = 1; number <= 5; number++) {
      const id = newId();
      const label = `${row}-${number}`;
      const seat = {
        id,
        venueId: venue.id,
        label,
        section: "stalls",
        row,
        number,
      };
      db.seats.set(id, seat);
      venue.capacity++;
    }
  }
}

export function venuesRouter(db: Db) {
  const router = Router();
  const staff = requireRole("staff", "admin");

  router.post("/", staff, requireBody("application/json"), (req, res) => {
    const input = parseBody(VenueCreate, req);
    const venue: Venue = {
      id: newId(),
      ...input,
      capacity: 0,
      createdAt: timestamp(),
    };
    addSeats(db, venue);
    db.venues.set(venue.id, venue);
    res.status(201).location(`/v1/venues/${venue.id}`).json(venue);
  });

  router.get("/:venueId", (req, res) => {
    const venue = db.venues.get(req.params.venueId);
    if (!venue) throw notFound("venue");
    res.set({ ETag: etagOf(venue), "Cache-Control": "public, max-age=60" });
    res.json(venue);
  });

  return router;
}
