// A CPU-heavy handler and a health check on one event loop: first as one long computation,
// then split into chunks that hand the thread back between them.
const CHUNKS = 4;
const CHUNK_SIZE = 250_000;

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

function crunch(start, stop) {
  let sum = 0;
  for (let i = start; i < stop; i++) sum += i % 7; // pure computation: nothing to wait for
  return sum;
}

async function report(chunked) {
  console.log("report: started");
  let total = 0;
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    total += crunch(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE);
    if (chunked) await nextTurn(); // let anyone else who is waiting have a turn
  }
  console.log(`report: done, total = ${total}`);
}

async function health() {
  console.log("health: request received");
  await nextTurn();
  console.log("health: 200 OK");
}

async function main() {
  console.log("-- one long computation --");
  await Promise.all([report(false), health()]);
  console.log(`-- the same work in ${CHUNKS} chunks --`);
  await Promise.all([report(true), health()]);
}

main();
