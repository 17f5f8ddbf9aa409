// Starts the throwaway PostgreSQL server shared by every test file (each file gets its own database).
import type { TestProject } from 'vitest/node';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../../scripts/throwaway-postgres.ts';

let postgres: ThrowawayPostgres | undefined;

export async function setup(project: TestProject) {
  if (!postgresMissing()) {
    postgres = await startPostgres();
    project.provide('postgresUrl', postgres.url());
  }
}

export function teardown() {
  postgres?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
