// Encore's data, in memory: enough for the labs, gone when the process stops.
// A real Encore keeps it in a database (TypeORM in the TypeScript lessons).
import { v7 as uuidv7 } from "uuid";

export interface Money {
  amount: number;
  currency: string;
}

export interface Venue {
  id: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  capacity: number;
  createdAt: string;
}

export interface Seat {
  id: string;
  venueId: string;
  label: string;
  section: string;
  row: string;
  number: number;
}

export type ShowStatus =
  "draft" | "on-sale" | "sold-out" | "cancelled" | "ended";

export interface Show {
  id: string;
  title: string;
  description?: string;
  venueId: string;
  startsAt: string;
  endsAt?: string;
  status: ShowStatus;
  pricing: { section: string; price: Money }[];
  createdAt: string;
  updatedAt: string;
}

export interface Booking {
  id: string;
  customerId: string;
  showId: string;
  seatIds: string[];
  status: "held" | "confirmed" | "cancelled" | "expired";
  total: Money;
  holdExpiresAt: string | null;
  paymentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Payment {
  id: string;
  bookingId: string;
  customerId: string;
  paymentMethodId: string;
  amount: Money;
  status: "pending" | "succeeded" | "failed" | "refunded";
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Job {
  id: string;
  type: "sales-report";
  showId: string;
  startedBy: string;
  status: "queued" | "running" | "succeeded" | "failed";
  resultUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Customer {
  id: string;
  email: string;
  name: string;
  roles: string[];
  passwordHash: string;
  createdAt: string;
}

export const newId = () => uuidv7();

/** RFC 3339 in UTC, whole seconds. */
export const timestamp = (at = new Date()) =>
  at.toISOString().replace(/\.\d{3}Z$/, "Z");

export class Db {
  venues = new Map<string, Venue>();
  seats = new Map<string, Seat>();
  shows = new Map<string, Show>();
  bookings = new Map<string, Booking>();
  payments = new Map<string, Payment>();
  jobs = new Map<string, Job>();
  customers = new Map<string, Customer>();
  /** webhook-id values already processed (a real store expires them). */
  deliveries = new Set<string>();

  seatsOf(venueId: string): Seat[] {
    return [...this.seats.values()].filter((s) => s.venueId === venueId);
  }
}

/** Holds end on their own: a held booking past its time is expired. */
export function expireHolds(db: Db, now = new Date()) {
  for (const b of db.bookings.values()) {
    if (
      b.status === "held" &&
      b.holdExpiresAt &&
      new Date(b.holdExpiresAt) <= now
    ) {
      Object.assign(b, {
        status: "expired",
        holdExpiresAt: null,
        updatedAt: timestamp(now),
      });
    }
  }
}
