import type { PrismaField } from './parse-prisma-schema.js';

// How Prisma maps schema types and defaults to PostgreSQL, as `prisma migrate` would write them.

export interface ColumnType {
  /** `information_schema.columns.udt_name`: `text`, `uuid`, `timestamptz`, `_text` for text[], the enum name ... */
  udt: string;
  precision?: number | undefined;
  maxLength?: number | undefined;
}

const scalarDefaults: Record<string, ColumnType> = {
  String: { udt: 'text' },
  Boolean: { udt: 'bool' },
  Int: { udt: 'int4' },
  BigInt: { udt: 'int8' },
  Float: { udt: 'float8' },
  Decimal: { udt: 'numeric' },
  DateTime: { udt: 'timestamp', precision: 3 },
  Json: { udt: 'jsonb' },
  Bytes: { udt: 'bytea' },
};

/** Native types (`@db.X`) with the udt they produce; `precision`/`maxLength` take the first argument. */
const nativeTypes: Record<
  string,
  { udt: string; argument?: 'precision' | 'maxLength'; defaultPrecision?: number }
> = {
  Text: { udt: 'text' },
  Uuid: { udt: 'uuid' },
  VarChar: { udt: 'varchar', argument: 'maxLength' },
  Char: { udt: 'bpchar', argument: 'maxLength' },
  Citext: { udt: 'citext' },
  Inet: { udt: 'inet' },
  Xml: { udt: 'xml' },
  SmallInt: { udt: 'int2' },
  Integer: { udt: 'int4' },
  Oid: { udt: 'oid' },
  Real: { udt: 'float4' },
  DoublePrecision: { udt: 'float8' },
  Decimal: { udt: 'numeric' },
  Money: { udt: 'money' },
  Timestamp: { udt: 'timestamp', argument: 'precision', defaultPrecision: 6 },
  Timestamptz: { udt: 'timestamptz', argument: 'precision', defaultPrecision: 6 },
  Date: { udt: 'date' },
  Time: { udt: 'time', argument: 'precision', defaultPrecision: 6 },
  Timetz: { udt: 'timetz', argument: 'precision', defaultPrecision: 6 },
  Json: { udt: 'json' },
  JsonB: { udt: 'jsonb' },
  ByteA: { udt: 'bytea' },
  Boolean: { udt: 'bool' },
};

export function expectedColumnType(field: PrismaField, enumDbNames: Map<string, string>): ColumnType {
  const base = baseType(field, enumDbNames);
  return field.isList ? { ...base, udt: `_${base.udt}` } : base;
}

function baseType(field: PrismaField, enumDbNames: Map<string, string>): ColumnType {
  const enumName = enumDbNames.get(field.type);
  if (enumName !== undefined) return { udt: enumName };
  if (field.nativeType) {
    const native = nativeTypes[field.nativeType.name];
    if (!native)
      throw new Error(
        `Field ${field.name}: native type @db.${field.nativeType.name} is not known to the drift check.`,
      );
    const argument = field.nativeType.args[0];
    const value = argument === undefined ? native.defaultPrecision : Number(argument);
    if (native.argument === 'precision') return { udt: native.udt, precision: value };
    if (native.argument === 'maxLength') return { udt: native.udt, maxLength: value };
    return { udt: native.udt };
  }
  const scalar = scalarDefaults[field.type];
  if (!scalar)
    throw new Error(`Field ${field.name}: type ${field.type} is neither a scalar, an enum nor a model.`);
  return scalar;
}

export interface ExpectedDefault {
  describe: string;
  matches(columnDefault: string): boolean;
}

/** Defaults Prisma computes in the client; they leave no trace in the database. */
const clientSideDefaults = /^(uuid|cuid|nanoid|ulid)\(.*\)$/;

export function expectedDefault(field: PrismaField): ExpectedDefault | undefined {
  const value = field.default;
  if (value === undefined || clientSideDefaults.test(value)) return undefined;
  if (value === 'autoincrement()') {
    return { describe: 'a sequence (autoincrement)', matches: (actual) => actual.startsWith('nextval(') };
  }
  const expressions = expectedExpressions(value);
  return {
    describe: expressions[0] ?? value,
    matches: (actual) => expressions.some((expression) => normalise(expression) === normalise(actual)),
  };
}

function expectedExpressions(value: string): string[] {
  if (value === 'now()') return ['CURRENT_TIMESTAMP', 'now()'];
  const generated = /^dbgenerated\(\s*(".*")\s*\)$/s.exec(value);
  if (generated?.[1]) return [JSON.parse(generated[1]) as string];
  if (value.startsWith('"')) return [sqlString(JSON.parse(value) as string)];
  if (value.startsWith('[')) {
    const items = value
      .slice(1, -1)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) =>
        item.startsWith('"')
          ? sqlString(JSON.parse(item) as string)
          : /^[A-Za-z_]\w*$/.test(item) && item !== 'true' && item !== 'false'
            ? sqlString(item)
            : item,
      );
    return [`ARRAY[${items.join(', ')}]`];
  }
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false') return [value];
  // A bare identifier is an enum value.
  if (/^[A-Za-z_]\w*$/.test(value)) return [sqlString(value)];
  throw new Error(`Default ${value} is not known to the drift check.`);
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Drops type casts and whitespace that PostgreSQL adds when it stores a default expression. */
function normalise(expression: string): string {
  return expression
    .replace(/::(?:"[^"]+"|[a-z_][a-z0-9_ ]*?)(?:\[\])?(?=$|[\s,)\]])/gi, '')
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1');
}

const foreignKeyActions: Record<string, string> = {
  Cascade: 'CASCADE',
  c: 'CASCADE',
  Restrict: 'RESTRICT',
  r: 'RESTRICT',
  NoAction: 'NO ACTION',
  a: 'NO ACTION',
  SetNull: 'SET NULL',
  n: 'SET NULL',
  SetDefault: 'SET DEFAULT',
  d: 'SET DEFAULT',
};

/** Accepts a Prisma referential action (`Cascade`) or a pg_constraint code (`c`). */
export function foreignKeyAction(action: string): string {
  const result = foreignKeyActions[action];
  if (!result) throw new Error(`Unknown referential action ${action}.`);
  return result;
}
