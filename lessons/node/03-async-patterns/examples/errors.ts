// Where an async error goes: to whoever awaits the promise, or, if nobody does, to the process.
process.on("unhandledRejection", (reason) => {
  // Without this listener Node.js (since version 15) prints the error and exits with code 1.
  console.log(`unhandledRejection: nobody handled "${(reason as Error).message}"`);
});

async function queryDb(): Promise<string> {
  await Promise.resolve();
  throw new Error("db down");
}

async function withoutAwait(): Promise<string> {
  try {
    return queryDb(); // the promise leaves the try block before it rejects
  } catch {
    return "never reached";
  }
}

async function withAwait(): Promise<string> {
  try {
    return await queryDb();
  } catch (error) {
    return `caught "${(error as Error).message}"`;
  }
}

class UserLoadError extends Error {
  constructor(userId: number, options: { cause: unknown }) {
    super(`loading user ${userId} failed`, options);
    this.name = "UserLoadError";
  }
}

async function loadUser(userId: number): Promise<string> {
  try {
    return await queryDb();
  } catch (cause) {
    throw new UserLoadError(userId, { cause }); // add context, keep the original
  }
}

async function main(): Promise<void> {
  await withoutAwait().catch((e: Error) => console.log(`return without await: the caller got "${e.message}", the catch block never ran`));
  console.log(`return await: ${await withAwait()}`);
  try {
    await loadUser(7);
  } catch (error) {
    const e = error as Error;
    console.log(`${e.name}: ${e.message} <- ${(e.cause as Error).message}`);
  }
  queryDb(); // started and forgotten: no await, no .catch
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log("done");
}

main();
