// Type-only: pulls vitest's declarations into the program so the augmentation below has a target.
import type {} from 'vitest';

/** The key under which the vitest global setup provides the shared dev server's address. */
export const TEMPORAL_ADDRESS_KEY = 'temporalDevServerAddress';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalDevServerAddress: string;
  }
}
