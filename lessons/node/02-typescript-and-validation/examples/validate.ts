// Validating a request body at the edge with zod: one schema gives the run-time check and the static type.
import { z } from "zod";

const CreateOrder = z.object({
  email: z.email().transform((s) => s.toLowerCase()),
  items: z
    .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }))
    .min(1, "an order needs at least one item"),
  coupon: z.string().optional(),
});
type CreateOrder = z.infer<typeof CreateOrder>; // { email: string; items: {...}[]; coupon?: string }

function handle(body: unknown): string {
  const result = CreateOrder.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    return `400 ${JSON.stringify({ error: "invalid body", problems })}`;
  }
  const order: CreateOrder = result.data; // typed, checked, and normalised
  const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return `201 order for ${order.email}, ${units} unit(s)`;
}

console.log(handle({ email: "Ada@Example.com", items: [{ sku: "book", quantity: 2 }] }));
console.log(handle({ email: "not-an-email", items: [{ sku: "", quantity: 1.5 }] }));
console.log(handle({ email: "ada@example.com", items: [] }));
console.log(handle("just a string"));

// Query strings are always text: coerce them explicitly.
const Page = z.object({ page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().max(100).default(20) });
console.log(JSON.stringify(Page.parse({ page: "3" })));
console.log(Page.safeParse({ size: "500" }).success);
