// Bookings: a customer holds seats, reads only their own bookings (another
// customer's booking is a 404, so ids cannot be probed), and lists them.
import { Router, type Request } from "express";
import { z } from "zod";
import { requireRole } from "../auth/require-auth.js";
import { idempotency } from "../http/idempotency.js";
import { nextLink, paginate } from "../http/pagination.js";
import { invalidBody, notFound, Problem } from "../http/problem.js";
import { parseBody, parseQuery, requireBody } from "../http/validate.js";
import {
  expireHolds,
  newId,
  timestamp,
  type Booking,
  type Db,
} from "../store.js";

const HOLD_MS = 10 * 60 * 1000;
const PRIVATE = { "Cache-Control": "private, no-store" };

const BookingCreate = z.strictObject({
  showId: z.uuid(),
  seatIds: z
    .array(z.uuid())
    .min(1)
    .max(8)
    .refine((ids) => new Set(ids).size === ids.length, "seats must differ"),
});

const MineQuery = z.object({
  status: z.enum(["held", "confirmed", "cancelled", "expired"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(1000).optional(),
});

const canSeeAll = (req: Request) =>
  req.auth!.roles.some((r) => r === "staff" || r === "admin");

/** The booking, if the caller may see it: its owner, or staff. */
export function visibleBooking(db: Db, req: Request, id: string): Booking {
  expireHolds(db);
  const booking = db.bookings.get(id);
  if (!booking) throw notFound("booking");
  // Object-level authorization: the same 404 as for an unknown id.
  if (booking.customerId !== req.auth!.sub && !canSeeAll(req)) {
    throw notFound("booking");
  }
  return booking;
}

function hold(db: Db, customerId: string, showId: string, seatIds: string[]) {
  const show = db.shows.get(showId);
  if (!show || show.status === "draft") {
    throw invalidBody([{ pointer: "#/showId", detail: "no show has this id" }]);
  }
  const seats = seatIds.map((id) => db.seats.get(id));
  const unknown = seats.findIndex((s) => s?.venueId !== show.venueId);
  if (unknown >= 0) {
    throw invalidBody([
      { pointer: `#/seatIds/${unknown}`, detail: "is not a seat of this show" },
    ]);
  }
  if (show.status !== "on-sale") {
    throw new Problem(
      409,
      "show-not-on-sale",
      `The show is ${show.status}.`,
    );
  }
  expireHolds(db);
  const busy = new Set(
    [...db.bookings.values()]
      .filter((b) => b.showId === showId)
      .filter((b) => b.status === "held" || b.status === "confirmed")
      .flatMap((b) => b.seatIds),
  );
  const unavailable = seatIds.filter((id) => busy.has(id));
  if (unavailable.length) {
    throw new Problem(
      409,
      "seat-unavailable",
      `${unavailable.length} seat(s) were taken meanwhile.`,
      { unavailableSeatIds: unavailable },
    );
  }
  const price = (section: string) =>
    show.pricing.find((p) => p.section === section)?.price.amount ?? 0;
  const now = new Date();
  const booking: Booking = {
    id: newId(),
    customerId,
    showId,
    seatIds,
    status: "held",
    total: {
      amount: seats.reduce((sum, s) => sum + price(s!.section), 0),
      currency: show.pricing[0]?.price.currency ?? "EUR",
    },
    holdExpiresAt: timestamp(new Date(now.getTime() + HOLD_MS)),
    paymentId: null,
    createdAt: timestamp(now),
    updatedAt: timestamp(now),
  };
  db.bookings.set(booking.id, booking);
  return booking;
}

export function bookingsRouter(db: Db) {
  const router = Router();

  router.post(
    "/",
    requireRole("customer"),
    requireBody("application/json"),
    idempotency({ required: false }),
    (req, res) => {
      const input = parseBody(BookingCreate, req);
      const booking = hold(db, req.auth!.sub, input.showId, input.seatIds);
      res.status(201).location(`/v1/bookings/${booking.id}`);
      res.set(PRIVATE).json(booking);
    },
  );

  router.get("/:bookingId", (req, res) => {
    res.set(PRIVATE).json(visibleBooking(db, req, req.params.bookingId));
  });

  router.post("/:bookingId/cancel", (req, res) => {
    const booking = visibleBooking(db, req, req.params.bookingId);
    if (booking.status === "expired") {
      throw new Problem(
        409,
        "booking-not-cancellable",
        "Its hold has expired.",
      );
    }
    if (booking.status !== "cancelled") {
      Object.assign(booking, {
        status: "cancelled",
        holdExpiresAt: null,
        updatedAt: timestamp(),
      });
    }
    res.set(PRIVATE).json(booking);
  });

  return router;
}

/** GET /v1/me/bookings: the caller's bookings, newest first. */
export function myBookingsRouter(db: Db) {
  const router = Router();
  router.get("/", (req, res) => {
    const q = parseQuery(MineQuery, req);
    expireHolds(db);
    const mine = [...db.bookings.values()].filter(
      (b) =>
        b.customerId === req.auth!.sub && (!q.status || b.status === q.status),
    );
    const page = paginate(
      mine,
      {
        sort: [{ field: "createdAt", desc: true }],
        filters: q.status ? { status: q.status } : {},
        limit: q.limit,
        cursor: q.cursor,
      },
      (b) => b.createdAt,
    );
    if (page.nextCursor) res.set("Link", nextLink(req, page.nextCursor));
    res.set(PRIVATE).json(page);
  });
  return router;
}
