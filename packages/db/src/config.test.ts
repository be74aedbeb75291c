import { describe, expect, it } from 'vitest';
import { loadDatabaseOptions } from './config.js';

describe('loadDatabaseOptions', () => {
  it('defaults to embedded PGlite when nothing is set', () => {
    expect(loadDatabaseOptions({})).toEqual({ databaseUrl: undefined, pgliteDataDir: undefined });
  });

  it('treats empty variables as unset', () => {
    expect(loadDatabaseOptions({ DATABASE_URL: '', PGLITE_DATA_DIR: '  ' })).toEqual({
      databaseUrl: undefined,
      pgliteDataDir: undefined,
    });
  });

  it('accepts postgres and postgresql URLs and a data folder', () => {
    expect(loadDatabaseOptions({ DATABASE_URL: 'postgres://u:p@db:5432/certflow' }).databaseUrl).toBe(
      'postgres://u:p@db:5432/certflow',
    );
    expect(loadDatabaseOptions({ DATABASE_URL: 'postgresql://db/certflow' }).databaseUrl).toBe(
      'postgresql://db/certflow',
    );
    expect(loadDatabaseOptions({ PGLITE_DATA_DIR: '/var/lib/certflow' }).pgliteDataDir).toBe(
      '/var/lib/certflow',
    );
  });

  it('rejects a URL for another database', () => {
    expect(() => loadDatabaseOptions({ DATABASE_URL: 'mysql://db/certflow' })).toThrow(/postgres/);
  });
});
