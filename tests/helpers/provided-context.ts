// Values the global setups hand to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** Tarball of a migrated PGlite data dir; null when the tests run on DATABASE_URL. */
    pgliteTemplatePath: string | null;
    e2eBaseUrl: string;
    e2eServerLogPath: string;
  }
}

export {};
