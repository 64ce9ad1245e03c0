// Payments: created pending for a held booking (the amount comes from the
// booking, never from the client); the provider's webhook settles them.
import { Router } from "express";
import { z } from "zod";
import { requireRole } from "../auth/require-auth.js";
import { idempotency } from "../http/idempotency.js";
import { invalidBody, notFound, Problem } from "../http/problem.js";
import { parseBody, requireBody } from "../http/validate.js";
import {
  expireHolds,
  newId,
  timestamp,
  type Db,
  type Payment,
} from "../store.js";

const PRIVATE = { "Cache-Control": "private, no-store" };

const PaymentCreate = z.strictObject({
  bookingId: z.uuid(),
  paymentMethodId: z.string().min(1).max(255),
});

export function paymentsRouter(db: Db) {
  const router = Router();

  router.post(
    "/",
    requireRole("customer"),
    requireBody("application/json"),
    idempotency({ required: true }),
    (req, res) => {
      const input = parseBody(PaymentCreate, req);
      expireHolds(db);
      const booking = db.bookings.get(input.bookingId);
      if (!booking || booking.customerId !== req.auth!.sub) {
        throw invalidBody([
          { pointer: "#/bookingId", detail: "no booking of yours has this id" },
        ]);
      }
      if (booking.status !== "held") {
        throw new Problem(
          409,
          "booking-not-payable",
          `The booking is ${booking.status}.`,
        );
      }
      const now = timestamp();
      const payment: Payment = {
        id: newId(),
        bookingId: booking.id,
        customerId: booking.customerId,
        paymentMethodId: input.paymentMethodId,
        amount: booking.total,
        status: "pending",
        failureReason: null,
        createdAt: now,
        updatedAt: now,
      };
      db.payments.set(payment.id, payment);
      res.status(201).location(`/v1/payments/${payment.id}`);
      res.set(PRIVATE).json(view(payment));
    },
  );

  router.get("/:paymentId", (req, res) => {
    const payment = db.payments.get(req.params.paymentId);
    const staff = req.auth!.roles.some((r) => r === "staff" || r === "admin");
    if (!payment || (payment.customerId !== req.auth!.sub && !staff)) {
      throw notFound("payment");
    }
    res.set(PRIVATE).json(view(payment));
  });

  return router;
}

/** What the API shows: everything but the internal owner and card token. */
function view(p: Payment) {
  const { customerId: _owner, paymentMethodId: _token, ...shown } = p;
  return shown;
}
