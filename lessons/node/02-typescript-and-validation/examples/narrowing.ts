// Modelling a payment's states as a discriminated union: the compiler knows which fields exist in each state,
// and `never` makes it complain if a new state is added but not handled.
type Payment =
  | { status: "pending"; id: string; createdAt: string }
  | { status: "paid"; id: string; paidAt: string; amountCents: number }
  | { status: "failed"; id: string; reason: string };

function describePayment(payment: Payment): string {
  switch (payment.status) {
    case "pending":
      return `${payment.id}: waiting since ${payment.createdAt}`;
    case "paid":
      // Only here does TypeScript let us read amountCents: the status narrowed the type.
      return `${payment.id}: paid ${(payment.amountCents / 100).toFixed(2)} EUR on ${payment.paidAt}`;
    case "failed":
      return `${payment.id}: failed (${payment.reason})`;
    default: {
      const unhandled: never = payment; // a compile error here if a status above is missing
      return unhandled;
    }
  }
}

const payments: Payment[] = [
  { status: "pending", id: "p1", createdAt: "2025-07-01" },
  { status: "paid", id: "p2", paidAt: "2025-07-02", amountCents: 4250 },
  { status: "failed", id: "p3", reason: "card declined" },
];
for (const payment of payments) console.log(describePayment(payment));

// The types are gone at run time. Data from outside is whatever it is, whatever we claim:
const fromTheWire = JSON.parse('{"status": "paid", "id": "p4", "paidAt": "2025-07-03"}') as Payment;
console.log(describePayment(fromTheWire));
