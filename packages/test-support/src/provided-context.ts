// What the global setup hands every test file (vitest's provide/inject), typed for both sides.
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseKind: string;
    /** Where test servers keep their search index files (one per database), removed after the run. */
    searchIndexDir: string;
  }
}

export {};
