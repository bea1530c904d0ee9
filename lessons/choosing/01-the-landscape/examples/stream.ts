// One open stream (an AI reply sent chunk by chunk) and two short requests, all on one event loop.
// networkWait() stands in for waiting on the network: it hands the thread back to the loop for one turn.
const networkWait = (): Promise<void> => Promise.resolve();

async function streamReply(question: string, chunks: string[]): Promise<number> {
  console.log(`[chat]    streaming a reply to "${question}"`);
  for (const [index, chunk] of chunks.entries()) {
    await networkWait(); // the model is still producing the next chunk
    console.log(`[chat]    chunk ${index + 1}: "${chunk}"`);
  }
  console.log(`[chat]    stream closed after ${chunks.length} chunks`);
  return chunks.length;
}

async function shortRequest(name: string): Promise<string> {
  console.log(`[${name}]`.padEnd(10) + "request received");
  await networkWait(); // a quick cache lookup
  console.log(`[${name}]`.padEnd(10) + "200 OK");
  return name;
}

async function main(): Promise<void> {
  const chunks = ["A goroutine", " is a function", " running concurrently", " with others."];
  const [, ...served] = await Promise.all([
    streamReply("what is a goroutine?", chunks),
    shortRequest("health"),
    shortRequest("profile"),
  ]);
  console.log(`served ${served.length} short requests while 1 stream was open`);
}

main();
