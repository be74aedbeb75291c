import type { SqlExecutor } from '../sql-connection.js';
import type { PrismaField, PrismaModel, PrismaSchema } from './parse-prisma-schema.js';
import {
  expectedColumnType,
  expectedDefault,
  foreignKeyAction,
  type ColumnType,
} from './prisma-to-postgres.js';

export interface SchemaDifference {
  kind: 'table' | 'column' | 'enum' | 'primary-key' | 'index' | 'foreign-key';
  /** What differs, e.g. `programs.stage` or `audit_events_workflow_id_sequence_key`. */
  subject: string;
  message: string;
}

/**
 * Compares the live database (current schema, normally `public`) with the Prisma schema: tables, columns
 * (type, nullability, default), enums, primary keys, unique constraints, indexes and foreign keys, in both
 * directions. An empty array means they agree. `_prisma_migrations` is ignored. Triggers, functions and
 * check constraints are outside the Prisma schema and not compared.
 */
export async function findSchemaDrift(db: SqlExecutor, schema: PrismaSchema): Promise<SchemaDifference[]> {
  const actual = await readDatabase(db);
  const differences: SchemaDifference[] = [];
  const report = (kind: SchemaDifference['kind'], subject: string, problem: string) =>
    differences.push({ kind, subject, message: `${subject}: ${problem}` });

  compareEnums(schema, actual, report);
  compareTables(schema, actual, report);
  return differences;
}

type Report = (kind: SchemaDifference['kind'], subject: string, problem: string) => void;

function compareEnums(schema: PrismaSchema, actual: DatabaseShape, report: Report): void {
  for (const prismaEnum of schema.enums) {
    const values = actual.enums.get(prismaEnum.dbName);
    if (!values) {
      report('enum', prismaEnum.dbName, 'enum type is missing');
      continue;
    }
    if (values.join(',') !== prismaEnum.values.join(',')) {
      report(
        'enum',
        prismaEnum.dbName,
        `values are [${values.join(', ')}], expected [${prismaEnum.values.join(', ')}]`,
      );
    }
  }
  const expected = new Set(schema.enums.map((prismaEnum) => prismaEnum.dbName));
  for (const name of actual.enums.keys()) {
    if (!expected.has(name)) report('enum', name, 'enum type exists in the database but not in the schema');
  }
}

function compareTables(schema: PrismaSchema, actual: DatabaseShape, report: Report): void {
  const models = new Map(schema.models.map((model) => [model.name, model]));
  const enumNames = new Map(schema.enums.map((prismaEnum) => [prismaEnum.name, prismaEnum.dbName]));

  for (const model of schema.models) {
    const columns = actual.columns.get(model.dbName);
    if (!columns) {
      report('table', model.dbName, 'table is missing');
      continue;
    }
    const scalarFields = model.fields.filter((field) => !models.has(field.type));
    for (const field of scalarFields) {
      compareColumn(model, field, columns.get(field.dbName), enumNames, report);
    }
    const expectedColumns = new Set(scalarFields.map((field) => field.dbName));
    for (const column of columns.keys()) {
      if (!expectedColumns.has(column))
        report('column', `${model.dbName}.${column}`, 'column exists in the database but not in the schema');
    }
  }

  const expectedTables = new Set(schema.models.map((model) => model.dbName));
  for (const table of actual.columns.keys()) {
    if (!expectedTables.has(table) && table !== '_prisma_migrations') {
      report('table', table, 'table exists in the database but not in the schema');
    }
  }

  compareIndexes(schema, actual, report);
  compareForeignKeys(schema, models, actual, report);
}

function compareColumn(
  model: PrismaModel,
  field: PrismaField,
  column: ColumnRow | undefined,
  enumNames: Map<string, string>,
  report: Report,
): void {
  const subject = `${model.dbName}.${field.dbName}`;
  if (!column) {
    report('column', subject, 'column is missing');
    return;
  }
  const expected = expectedColumnType(field, enumNames);
  const actualType: ColumnType = {
    udt: column.udt_name,
    precision: column.datetime_precision ?? undefined,
    maxLength: column.character_maximum_length ?? undefined,
  };
  if (describeType(actualType, expected) !== describeType(expected, expected)) {
    report(
      'column',
      subject,
      `type is ${describeType(actualType, expected)}, expected ${describeType(expected, expected)}`,
    );
  }
  // Prisma leaves list columns nullable in PostgreSQL even though the client never writes NULL.
  if (!field.isList) {
    const nullable = column.is_nullable === 'YES';
    if (nullable !== field.isOptional) {
      report(
        'column',
        subject,
        nullable ? 'is nullable, expected NOT NULL' : 'is NOT NULL, expected nullable',
      );
    }
  }
  const defaultProblem = compareDefault(field, column.column_default);
  if (defaultProblem) report('column', subject, defaultProblem);
}

/** Only mentions precision and length when the expected type has them, so unrelated catalogue detail is ignored. */
function describeType(type: ColumnType, expected: ColumnType): string {
  let text = type.udt;
  if (expected.precision !== undefined) text += `(${type.precision ?? '?'})`;
  if (expected.maxLength !== undefined) text += `(${type.maxLength ?? '?'})`;
  return text;
}

function compareDefault(field: PrismaField, actualDefault: string | null): string | undefined {
  const expected = expectedDefault(field);
  if (expected === undefined) {
    return actualDefault === null ? undefined : `has default ${actualDefault}, expected none`;
  }
  if (actualDefault === null) return `has no default, expected ${expected.describe}`;
  return expected.matches(actualDefault)
    ? undefined
    : `default is ${actualDefault}, expected ${expected.describe}`;
}

interface ExpectedIndex {
  table: string;
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

function expectedIndexes(schema: PrismaSchema): ExpectedIndex[] {
  const result: ExpectedIndex[] = [];
  for (const model of schema.models) {
    const table = model.dbName;
    const columnsOf = (fields: string[]) => fields.map((name) => columnName(model, name));
    if (model.primaryKey.length > 0) {
      result.push({
        table,
        name: `${table}_pkey`,
        columns: columnsOf(model.primaryKey),
        unique: true,
        primary: true,
      });
    }
    const uniques = [
      ...model.fields
        .filter((field) => field.isUnique)
        .map((field) => ({ fields: [field.name], map: field.uniqueMap })),
      ...model.uniques,
    ];
    for (const unique of uniques) {
      const columns = columnsOf(unique.fields);
      result.push({
        table,
        name: unique.map ?? `${table}_${columns.join('_')}_key`,
        columns,
        unique: true,
        primary: false,
      });
    }
    for (const index of model.indexes) {
      const columns = columnsOf(index.fields);
      result.push({
        table,
        name: index.map ?? `${table}_${columns.join('_')}_idx`,
        columns,
        unique: false,
        primary: false,
      });
    }
  }
  return result;
}

function compareIndexes(schema: PrismaSchema, actual: DatabaseShape, report: Report): void {
  const expected = expectedIndexes(schema);
  const tables = new Set(schema.models.map((model) => model.dbName));
  const describe = (index: { columns: string[]; unique: boolean; primary: boolean }) =>
    `${index.primary ? 'primary key' : index.unique ? 'unique index' : 'index'} on (${index.columns.join(', ')})`;

  for (const index of expected) {
    if (!actual.columns.has(index.table)) continue; // already reported as a missing table
    const found = actual.indexes.find((candidate) => candidate.index_name === index.name);
    if (!found) {
      report(
        index.primary ? 'primary-key' : 'index',
        index.name,
        `${describe(index)} on ${index.table} is missing`,
      );
      continue;
    }
    const foundShape = { columns: found.columns, unique: found.is_unique, primary: found.is_primary };
    if (found.table_name !== index.table || describe(foundShape) !== describe(index)) {
      report(
        index.primary ? 'primary-key' : 'index',
        index.name,
        `is ${describe(foundShape)} on ${found.table_name}, expected ${describe(index)} on ${index.table}`,
      );
    }
  }
  const expectedNames = new Set(expected.map((index) => index.name));
  for (const index of actual.indexes) {
    if (tables.has(index.table_name) && !expectedNames.has(index.index_name)) {
      report(
        'index',
        index.index_name,
        `index on ${index.table_name}(${index.columns.join(', ')}) exists in the database but not in the schema`,
      );
    }
  }
}

function compareForeignKeys(
  schema: PrismaSchema,
  models: Map<string, PrismaModel>,
  actual: DatabaseShape,
  report: Report,
): void {
  const expectedNames = new Set<string>();
  for (const model of schema.models) {
    for (const field of model.fields) {
      const target = models.get(field.type);
      if (!target || !field.relation || field.relation.fields.length === 0) continue;
      const columns = field.relation.fields.map((name) => columnName(model, name));
      const references = field.relation.references.map((name) => columnName(target, name));
      const optional = field.relation.fields.some(
        (name) => model.fields.find((f) => f.name === name)?.isOptional,
      );
      const onDelete = foreignKeyAction(field.relation.onDelete ?? (optional ? 'SetNull' : 'Restrict'));
      const onUpdate = foreignKeyAction(field.relation.onUpdate ?? 'Cascade');
      const name = field.relation.map ?? `${model.dbName}_${columns.join('_')}_fkey`;
      expectedNames.add(name);

      const expectedText = `(${columns.join(', ')}) -> ${target.dbName}(${references.join(', ')}) on delete ${onDelete} on update ${onUpdate}`;
      const found = actual.foreignKeys.find(
        (fk) => fk.constraint_name === name && fk.table_name === model.dbName,
      );
      if (!found) {
        if (actual.columns.has(model.dbName))
          report('foreign-key', name, `foreign key ${expectedText} is missing`);
        continue;
      }
      const foundText = `(${found.columns.join(', ')}) -> ${found.referenced_table}(${found.referenced_columns.join(', ')}) on delete ${foreignKeyAction(found.delete_rule)} on update ${foreignKeyAction(found.update_rule)}`;
      if (foundText !== expectedText)
        report('foreign-key', name, `is ${foundText}, expected ${expectedText}`);
    }
  }
  const tables = new Set(schema.models.map((model) => model.dbName));
  for (const fk of actual.foreignKeys) {
    if (tables.has(fk.table_name) && !expectedNames.has(fk.constraint_name)) {
      report(
        'foreign-key',
        fk.constraint_name,
        `foreign key on ${fk.table_name} exists in the database but not in the schema`,
      );
    }
  }
}

function columnName(model: PrismaModel, fieldName: string): string {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`Model ${model.name} refers to unknown field ${fieldName}.`);
  return field.dbName;
}

interface ColumnRow extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  character_maximum_length: number | null;
  datetime_precision: number | null;
}

interface IndexRow extends Record<string, unknown> {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string[];
}

interface ForeignKeyRow extends Record<string, unknown> {
  constraint_name: string;
  table_name: string;
  referenced_table: string;
  columns: string[];
  referenced_columns: string[];
  delete_rule: string;
  update_rule: string;
}

interface DatabaseShape {
  /** table -> column -> row */
  columns: Map<string, Map<string, ColumnRow>>;
  enums: Map<string, string[]>;
  indexes: IndexRow[];
  foreignKeys: ForeignKeyRow[];
}

async function readDatabase(db: SqlExecutor): Promise<DatabaseShape> {
  const columnRows = await db.query<ColumnRow>(`
    SELECT c.table_name::text, c.column_name::text, c.udt_name::text, c.is_nullable::text, c.column_default::text,
           c.character_maximum_length::int, c.datetime_precision::int
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`);
  const columns = new Map<string, Map<string, ColumnRow>>();
  for (const row of columnRows) {
    const table = columns.get(row.table_name) ?? new Map<string, ColumnRow>();
    table.set(row.column_name, row);
    columns.set(row.table_name, table);
  }

  const enumRows = await db.query<{ enum_name: string; value: string }>(`
    SELECT t.typname::text AS enum_name, e.enumlabel::text AS value
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema()
    ORDER BY t.typname, e.enumsortorder`);
  const enums = new Map<string, string[]>();
  for (const row of enumRows) enums.set(row.enum_name, [...(enums.get(row.enum_name) ?? []), row.value]);

  const indexes = await db.query<IndexRow>(`
    SELECT tbl.relname::text AS table_name, idx.relname::text AS index_name,
           ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           ARRAY(
             SELECT a.attname::text
             FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = tbl.oid AND a.attnum = k.attnum
             ORDER BY k.ord
           ) AS columns
    FROM pg_index ix
    JOIN pg_class idx ON idx.oid = ix.indexrelid
    JOIN pg_class tbl ON tbl.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = tbl.relnamespace
    WHERE n.nspname = current_schema()`);

  const foreignKeys = await db.query<ForeignKeyRow>(`
    SELECT con.conname::text AS constraint_name, tbl.relname::text AS table_name, ref.relname::text AS referenced_table,
           ARRAY(
             SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord
           ) AS columns,
           ARRAY(
             SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord
           ) AS referenced_columns,
           con.confdeltype::text AS delete_rule, con.confupdtype::text AS update_rule
    FROM pg_constraint con
    JOIN pg_class tbl ON tbl.oid = con.conrelid
    JOIN pg_class ref ON ref.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = tbl.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`);

  return { columns, enums, indexes, foreignKeys };
}
