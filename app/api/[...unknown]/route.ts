import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Any /api address no route claims: the same JSON answer as every other API error, not the HTML 404 page.
const notFound = route({}, async () => {
  throw new AppError("not_found:resource", "There is no API at this address.");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
