// `npm run bench`: every benchmark of the project, one after another.
import { benchRunner } from "./runner";

console.log("== runner ==");
await benchRunner();
