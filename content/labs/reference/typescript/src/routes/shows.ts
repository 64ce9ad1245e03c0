// Shows: a cursor-paginated, filterable list, creation with an idempotency
// key, conditional reads (ETag, 304) and conditional updates (If-Match).
import { Router, type Request } from "express";
import { z } from "zod";
import { requireRole } from "../auth/require-auth.js";
import { etagOf, ifMatchHolds } from "../http/etag.js";
import { idempotency } from "../http/idempotency.js";
import { nextLink, paginate, parseSort } from "../http/pagination.js";
import {
  badParameters,
  invalidBody,
  notFound,
  Problem,
} from "../http/problem.js";
import { parseBody, parseQuery, requireBody } from "../http/validate.js";
import { newId, timestamp, type Db, type Show } from "../store.js";

const ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const id = z.string().regex(ID, "must be a UUIDv7 in lower case");
const instant = z.iso.datetime({ message: "must be an RFC 3339 time in UTC" });
const money = z.strictObject({
  amount: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
});
const pricing = z
  .array(z.strictObject({ section: z.string().min(1).max(50), price: money }))
  .min(1);

const ShowCreate = z
  .strictObject({
    title: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    venueId: id,
    startsAt: instant,
    endsAt: instant.optional(),
    status: z.enum(["draft", "on-sale"]).default("draft"),
    pricing: pricing.optional(),
  })
  .refine((s) => s.status !== "on-sale" || s.pricing, {
    path: ["pricing"],
    message: "a show on sale needs prices",
  })
  .refine((s) => !s.endsAt || s.endsAt > s.startsAt, {
    path: ["endsAt"],
    message: "must be after startsAt",
  });

const ShowPatch = z
  .strictObject({
    title: z.string().min(1).max(200),
    description: z.string().max(2000).nullable(),
    startsAt: instant,
    endsAt: instant.nullable(),
    status: z.enum(["draft", "on-sale", "sold-out", "cancelled", "ended"]),
    pricing,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "change at least one member");

const FIELDS = [
  "id",
  "title",
  "description",
  "venueId",
  "startsAt",
  "endsAt",
  "status",
  "pricing",
  "createdAt",
  "updatedAt",
] as const;

const ListQuery = z.object({
  status: z
    .enum(["draft", "on-sale", "sold-out", "cancelled", "ended"])
    .optional(),
  venueId: id.optional(),
  startsAfter: instant.optional(),
  startsBefore: instant.optional(),
  sort: z.string().default("startsAt"),
  fields: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(1000).optional(),
});

const isStaff = (req: Request) =>
  req.auth?.roles.some((r) => r === "staff" || r === "admin") ?? false;

function sparse(show: Show, fields: string | undefined) {
  if (!fields) return show;
  const wanted = fields.split(",");
  const unknown = wanted.find(
    (f) => !(FIELDS as readonly string[]).includes(f),
  );
  if (unknown) {
    throw badParameters([
      { parameter: "fields", detail: `no field ${unknown}` },
    ]);
  }
  const entries = Object.entries(show).filter(
    ([k]) => k === "id" || wanted.includes(k),
  );
  return Object.fromEntries(entries);
}

function findShow(db: Db, req: Request): Show {
  const showId = String(req.params.showId);
  if (!ID.test(showId)) {
    throw badParameters([{ parameter: "showId", detail: "must be a UUIDv7" }]);
  }
  const show = db.shows.get(showId);
  // Drafts are not public: to everyone else they do not exist.
  if (!show || (show.status === "draft" && !isStaff(req))) {
    throw notFound("show");
  }
  return show;
}

export function showsRouter(db: Db) {
  const router = Router();
  const staff = requireRole("staff", "admin");

  router.get("/", (req, res) => {
    const q = parseQuery(ListQuery, req);
    const sort = parseSort(q.sort, ["startsAt", "title", "createdAt"]);
    const filters = Object.fromEntries(
      Object.entries({
        status: q.status,
        venueId: q.venueId,
        startsAfter: q.startsAfter,
        startsBefore: q.startsBefore,
      }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const staffView = isStaff(req);
    const matching = [...db.shows.values()].filter(
      (s) =>
        (staffView || s.status !== "draft") &&
        (!q.status || s.status === q.status) &&
        (!q.venueId || s.venueId === q.venueId) &&
        (!q.startsAfter || s.startsAt >= q.startsAfter) &&
        (!q.startsBefore || s.startsAt < q.startsBefore),
    );
    const page = paginate(
      matching,
      { sort, filters, limit: q.limit, cursor: q.cursor },
      (s, field) => s[field as "startsAt" | "title" | "createdAt"],
    );
    const body = {
      data: page.data.map((s) => sparse(s, q.fields)),
      nextCursor: page.nextCursor,
    };
    if (page.nextCursor) res.set("Link", nextLink(req, page.nextCursor));
    // Staff see drafts: such a page must never sit in a shared cache.
    res.set({
      ETag: etagOf(body),
      "Cache-Control": staffView ? "private, no-store" : "public, max-age=60",
    });
    res.json(body);
  });

  router.post(
    "/",
    staff,
    requireBody("application/json"),
    idempotency({ required: false }),
    (req, res) => {
      const input = parseBody(ShowCreate, req);
      if (!db.venues.has(input.venueId)) {
        throw invalidBody([
          { pointer: "#/venueId", detail: "no venue has this id" },
        ]);
      }
      const now = timestamp();
      const show: Show = {
        id: newId(),
        ...input,
        pricing: input.pricing ?? [],
        createdAt: now,
        updatedAt: now,
      };
      db.shows.set(show.id, show);
      res.status(201).location(`/v1/shows/${show.id}`);
      res.set("ETag", etagOf(show)).json(show);
    },
  );

  router.get("/:showId", (req, res) => {
    const show = findShow(db, req);
    // With an ETag set, Express answers 304 itself when If-None-Match matches.
    res.set({
      ETag: etagOf(show),
      "Cache-Control":
        show.status === "draft" ? "private, no-store" : "public, max-age=60",
    });
    res.json(show);
  });

  router.patch(
    "/:showId",
    staff,
    requireBody("application/merge-patch+json"),
    (req, res) => {
      const show = findShow(db, req);
      const ifMatch = req.get("if-match");
      if (!ifMatch) {
        throw new Problem(
          428,
          "precondition-required",
          "Send the ETag you last read as If-Match.",
        );
      }
      if (!ifMatchHolds(ifMatch, etagOf(show))) {
        throw new Problem(
          412,
          "precondition-failed",
          "Read it again and reapply your change.",
        );
      }
      const patch = parseBody(ShowPatch, req);
      const closed = show.status === "ended" || show.status === "cancelled";
      if (patch.status && closed && patch.status !== show.status) {
        throw new Problem(
          409,
          "invalid-status-change",
          `A show that is ${show.status} stays ${show.status}.`,
        );
      }
      // JSON Merge Patch: null removes a member, absent members stay.
      const next: Show = { ...show, updatedAt: timestamp() };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete next[key as "description" | "endsAt"];
        else Object.assign(next, { [key]: value });
      }
      db.shows.set(next.id, next);
      res.set("ETag", etagOf(next)).json(next);
    },
  );

  router.get("/:showId/seats", (req, res) => {
    const show = findShow(db, req);
    const taken = new Map<string, "held" | "sold">();
    for (const b of db.bookings.values()) {
      if (b.showId !== show.id) continue;
      if (b.status === "confirmed")
        b.seatIds.forEach((s) => taken.set(s, "sold"));
      if (b.status === "held") b.seatIds.forEach((s) => taken.set(s, "held"));
    }
    const seats = db.seatsOf(show.venueId).map((seat) => ({
      id: seat.id,
      label: seat.label,
      section: seat.section,
      row: seat.row,
      number: seat.number,
      status: taken.get(seat.id) ?? "available",
      price: show.pricing.find((p) => p.section === seat.section)?.price ?? {
        amount: 0,
        currency: "EUR",
      },
    }));
    res
      .set("Cache-Control", "no-store")
      .json({ data: seats, nextCursor: null });
  });

  return router;
}
