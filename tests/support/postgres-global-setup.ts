import type { TestProject } from "vitest/node";
import { startPgCluster } from "../../scripts/db/pg-cluster";

// One throwaway PostgreSQL cluster for the whole integration run; each test file makes its own database in it.
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  project.provide("postgresUrl", cluster.url());
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
