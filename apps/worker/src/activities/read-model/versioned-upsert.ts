import { Prisma } from '@certflow/db';

/**
 * One multi-row `INSERT … ON CONFLICT DO UPDATE` per read-model table, guarded by the version of the row: a
 * stored row is replaced only by a batch whose (sequence, workflow time) is not older, and only by the program
 * that wrote it. Table and column names are constants of this module, never input.
 */

export interface ProjectionContext {
  programId: string;
  organizationId: string;
  sequence: number;
  /** Workflow time of the snapshot (ISO instant). */
  at: string;
}

export interface Column<R> {
  name: string;
  /** PostgreSQL type the parameter is cast to, e.g. `date`, `text[]`, `jsonb`. */
  type: string;
  value: (row: R) => unknown;
  /** Written when the row is first inserted, never updated (e.g. the cycle a task was created in). */
  insertOnly?: boolean;
}

export interface TableSpec<R> {
  table: string;
  /** The unique key the upsert conflicts on. */
  conflict: readonly string[];
  columns: readonly Column<R>[];
  /** The table has an `updated_at` column without a database default (Prisma's `@updatedAt`). */
  updatedAt?: boolean;
}

const ident = (name: string) => Prisma.raw(`"${name}"`);

/** The stored row's version is not newer than the batch's (a row never written by a projection has none). */
export function notNewer(table: string, ctx: ProjectionContext, strictly = false): Prisma.Sql {
  const op = Prisma.raw(strictly ? '<' : '<=');
  return Prisma.sql`(${ident(table)}."projected_sequence", COALESCE(${ident(table)}."projected_at", '-infinity'::timestamptz)) ${op} (${ctx.sequence}::int, ${ctx.at}::timestamptz)`;
}

export function versionedUpsert<R>(
  spec: TableSpec<R>,
  rows: readonly R[],
  ctx: ProjectionContext,
): Prisma.Sql {
  const names = [
    'program_id',
    'organization_id',
    'projected_sequence',
    'projected_at',
    ...(spec.updatedAt ? ['updated_at'] : []),
    ...spec.columns.map((c) => c.name),
  ];
  const values = rows.map((row) => {
    const cells = [
      Prisma.sql`${ctx.programId}::uuid`,
      Prisma.sql`${ctx.organizationId}::uuid`,
      Prisma.sql`${ctx.sequence}::int`,
      Prisma.sql`${ctx.at}::timestamptz`,
      ...(spec.updatedAt ? [Prisma.sql`now()`] : []),
      ...spec.columns.map((c) => {
        const value = c.value(row);
        const param = c.type === 'jsonb' ? JSON.stringify(value) : (value ?? null);
        return Prisma.sql`${param}::${Prisma.raw(c.type)}`;
      }),
    ];
    return Prisma.sql`(${Prisma.join(cells)})`;
  });
  const updated = [
    'projected_sequence',
    'projected_at',
    ...(spec.updatedAt ? ['updated_at'] : []),
    ...spec.columns.filter((c) => !c.insertOnly).map((c) => c.name),
  ].map((name) => Prisma.sql`${ident(name)} = EXCLUDED.${ident(name)}`);
  const table = ident(spec.table);
  return Prisma.sql`
    INSERT INTO ${table} (${Prisma.join(names.map(ident))})
    VALUES ${Prisma.join(values)}
    ON CONFLICT (${Prisma.join(spec.conflict.map(ident))}) DO UPDATE SET ${Prisma.join(updated)}
    WHERE ${table}."program_id" = EXCLUDED."program_id" AND ${notNewer(spec.table, ctx)}`;
}
