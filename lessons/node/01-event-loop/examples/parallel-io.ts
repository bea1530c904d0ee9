// Three "queries" that each wait on I/O. Awaiting them one by one adds the waits up;
// Promise.all lets the event loop wait for all three at once.
type Row = { table: string; rows: number };

const delays: Record<string, number> = { users: 30, orders: 20, payments: 10 };

function query(table: string): Promise<Row> {
  return new Promise((resolve) => setTimeout(() => resolve({ table, rows: table.length }), delays[table]));
}

const finished: string[] = [];

async function tracked(table: string): Promise<Row> {
  const row = await query(table);
  finished.push(table);
  return row;
}

async function main(): Promise<void> {
  const rows = await Promise.all(["users", "orders", "payments"].map(tracked));
  console.log("finished in order:", finished.join(", "));
  console.log("results keep call order:", rows.map((r) => `${r.table}=${r.rows}`).join(", "));
}

main();
