import { PEER_HEADER, PEER_HEADER_ENV } from "@/lib/http/client-address";

/**
 * The headers the production server (scripts/serve.mjs) adds to a request that came from `address`, for route tests
 * that call handlers directly; like that server, it also marks this process as one whose peer header is believed.
 */
export function fromAddress(address: string): Record<string, string> {
  process.env[PEER_HEADER_ENV] = "1";
  return { [PEER_HEADER]: address };
}
