import { errorResponse } from "../errors";

/** Wraps a route handler so that every thrown error becomes a JSON answer from the error catalogue. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
