// A real store for a describe block (SQLite, or PostgreSQL when DATABASE_URL is set): opened before its tests,
// closed and dropped after them.
import { afterAll, beforeAll } from 'vitest';
import type { SqlStore } from '../../app/store/index.ts';
import { createBackend, type TestBackend } from '../app/backends.ts';

/** Call inside `describe`; the returned function gives the open store inside its tests. */
export function useStore(backendName: 'sqlite' | 'postgres'): () => SqlStore {
  let backend: TestBackend | undefined;
  let store: SqlStore | undefined;
  beforeAll(async () => {
    backend = await createBackend(backendName);
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.dispose();
  });
  return () => {
    if (!store) throw new Error(`the ${backendName} store is not open: call useStore inside describe, use it in tests`);
    return store;
  };
}
