// Venues are done: every lab creates one before its checks.
import { Router } from "express";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { ProblemError } from "../api/problems.js";
import { parseBody, parseId } from "../api/validation.js";
import { requireAuth } from "../auth/require-auth.js";
import { requireRole } from "../auth/require-role.js";
import { db, timestamp, type Venue } from "../store.js";

const VenueCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  country: z.string().regex(/^[A-Z]{2}$/), // ISO 3166-1 alpha-2
  timezone: z.string().min(1), // IANA, such as Europe/Lisbon
});

export const venuesRouter = Router(); // app.use("/v1/venues", venuesRouter)

venuesRouter.post("/", requireAuth, requireRole("staff", "admin"),
  (req, res) => {
    const input = parseBody(VenueCreate, req); // 415, 400 or 422
    const venue: Venue = {
      id: uuidv7(), ...input, capacity: 10, createdAt: timestamp(),
    };
    // A small seat map: rows A and B, seats 1 to 5, all in the stalls
    for (const row of ["A", "B"]) {
      for (let number = 1; number <= 5; number++) {
        const id = uuidv7();
        db.seats.set(id, { id, venueId: venue.id, label: `${row}-${number}`,
          section: "stalls", row, number });
      }
    }
    db.venues.set(venue.id, venue);
    res.status(201).location(`/v1/venues/${venue.id}`).json(venue);
  });

venuesRouter.get("/:venueId", (req, res) => {
  const venue = db.venues.get(parseId(req, "venueId")); // 400 unless a UUID
  if (!venue) {
    throw new ProblemError(404, "not-found", "No venue has this id.");
  }
  res.set("Cache-Control", "public, max-age=60").json(venue);
});
