// One PostgreSQL cluster for the whole test run (initdb and start cost about
// a second each); test files create their own databases on it.
import type { TestProject } from 'vitest/node';
import { createCluster, destroyCluster, findPostgresBinDir, type ClusterInfo } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which storage startTestServer uses in this project. */
    storageBackend: 'sqlite' | 'postgres';
    /** The shared cluster; only in the postgres project. */
    postgres: ClusterInfo | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('no PostgreSQL binaries found (vitest.config.ts should have left this project out)');
  const cluster = await createCluster(binDir);
  project.provide('postgres', cluster);
  return () => destroyCluster(cluster);
}
