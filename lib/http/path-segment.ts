import { AppError } from "../errors";

/** decodeURIComponent for a value taken from the URL, where a malformed %-sequence is the client's mistake. */
export function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError("bad_request:path");
  }
}

/** True when every %-sequence in the path decodes; Next answers the others with a 500 before any handler runs. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
