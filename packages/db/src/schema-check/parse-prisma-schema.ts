import { readFile } from 'node:fs/promises';
import { defaultSchemaPath } from '../paths.js';

// A deliberately small reader for the subset of the Prisma schema language this package uses.
// @prisma/internals (getDMMF) is not installable without pulling the whole CLI toolchain, and the generated
// client's runtime data model omits native types and indexes. Anything it does not understand is an error,
// so a new construct cannot slip past the drift check unnoticed.

export interface PrismaSchema {
  models: PrismaModel[];
  enums: PrismaEnum[];
}

export interface PrismaEnum {
  name: string;
  dbName: string;
  values: string[];
}

export interface PrismaModel {
  name: string;
  dbName: string;
  fields: PrismaField[];
  primaryKey: string[];
  uniques: PrismaIndex[];
  indexes: PrismaIndex[];
}

export interface PrismaIndex {
  /** Field names, in order. */
  fields: string[];
  /** Explicit database name (`map:`), if any. */
  map?: string;
}

export interface PrismaField {
  name: string;
  dbName: string;
  type: string;
  isList: boolean;
  isOptional: boolean;
  isId: boolean;
  isUnique: boolean;
  uniqueMap?: string;
  isUpdatedAt: boolean;
  /** `@db.X(args)`, e.g. { name: 'Timestamptz', args: ['3'] }. */
  nativeType?: { name: string; args: string[] };
  /** Raw text of the `@default(...)` argument, e.g. `now()`, `"{}"`, `PENDING`, `[]`. */
  default?: string;
  relation?: PrismaRelation;
}

export interface PrismaRelation {
  fields: string[];
  references: string[];
  onDelete?: string;
  onUpdate?: string;
  /** Explicit foreign-key constraint name (`map:`), if any. */
  map?: string;
}

export async function readPrismaSchema(path: string = defaultSchemaPath): Promise<PrismaSchema> {
  return parsePrismaSchema(await readFile(path, 'utf8'));
}

export function parsePrismaSchema(source: string): PrismaSchema {
  const schema: PrismaSchema = { models: [], enums: [] };
  for (const block of readBlocks(stripComments(source))) {
    if (block.keyword === 'model') schema.models.push(parseModel(block.name, block.body));
    else if (block.keyword === 'enum') schema.enums.push(parseEnum(block.name, block.body));
    else if (block.keyword !== 'generator' && block.keyword !== 'datasource') {
      throw new Error(`Unsupported schema block "${block.keyword} ${block.name}".`);
    }
  }
  return schema;
}

interface Block {
  keyword: string;
  name: string;
  body: string;
}

function stripComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (inString) {
      out += char;
      if (char === '\\') out += source[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else {
      out += char;
    }
  }
  return out;
}

function readBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const header = /(\w+)\s+(\w+)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(source)) !== null) {
    const start = header.lastIndex;
    const end = findClosing(source, start - 1, '{', '}');
    blocks.push({ keyword: match[1] ?? '', name: match[2] ?? '', body: source.slice(start, end) });
    header.lastIndex = end + 1;
  }
  return blocks;
}

/** Index of the bracket closing the one at `openAt`, skipping string literals. */
function findClosing(text: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  let inString = false;
  for (let i = openAt; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === open) depth++;
    else if (char === close && --depth === 0) return i;
  }
  throw new Error(`Unbalanced "${open}" in schema near: ${text.slice(openAt, openAt + 60)}`);
}

function lines(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function parseEnum(name: string, body: string): PrismaEnum {
  const result: PrismaEnum = { name, dbName: name, values: [] };
  for (const line of lines(body)) {
    const attribute = parseAttributes(line.startsWith('@@') ? line : '')[0];
    if (attribute?.name === '@@map') result.dbName = stringArg(attribute, 0);
    else if (/^\w+$/.test(line)) result.values.push(line);
    else throw new Error(`Enum ${name}: unsupported line "${line}".`);
  }
  return result;
}

function parseModel(name: string, body: string): PrismaModel {
  const model: PrismaModel = { name, dbName: name, fields: [], primaryKey: [], uniques: [], indexes: [] };
  for (const line of lines(body)) {
    if (line.startsWith('@@')) applyModelAttributes(model, line);
    else model.fields.push(parseField(name, line));
  }
  const idField = model.fields.find((field) => field.isId);
  if (idField) model.primaryKey = [idField.name];
  return model;
}

function applyModelAttributes(model: PrismaModel, line: string): void {
  for (const attribute of parseAttributes(line)) {
    switch (attribute.name) {
      case '@@map':
        model.dbName = stringArg(attribute, 0);
        break;
      case '@@id':
        model.primaryKey = fieldList(attribute);
        break;
      case '@@unique':
        model.uniques.push(indexOf(attribute));
        break;
      case '@@index':
        model.indexes.push(indexOf(attribute));
        break;
      default:
        throw new Error(`Model ${model.name}: unsupported attribute ${attribute.name}.`);
    }
  }
}

function parseField(modelName: string, line: string): PrismaField {
  const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
  if (!match) throw new Error(`Model ${modelName}: cannot read field "${line}".`);
  const [, name = '', type = '', list, optional, rest = ''] = match;
  const field: PrismaField = {
    name,
    dbName: name,
    type,
    isList: list !== undefined,
    isOptional: optional !== undefined,
    isId: false,
    isUnique: false,
    isUpdatedAt: false,
  };
  for (const attribute of parseAttributes(rest)) {
    if (attribute.name.startsWith('@db.')) {
      field.nativeType = { name: attribute.name.slice(4), args: attribute.args.map((arg) => arg.value) };
      continue;
    }
    switch (attribute.name) {
      case '@id':
        field.isId = true;
        break;
      case '@unique':
        field.isUnique = true;
        field.uniqueMap = optionalNamedString(attribute, 'map');
        break;
      case '@map':
        field.dbName = stringArg(attribute, 0);
        break;
      case '@default':
        field.default = positional(attribute, 0);
        break;
      case '@updatedAt':
        field.isUpdatedAt = true;
        break;
      case '@relation':
        field.relation = {
          fields: listValue(named(attribute, 'fields') ?? '[]'),
          references: listValue(named(attribute, 'references') ?? '[]'),
          onDelete: named(attribute, 'onDelete'),
          onUpdate: named(attribute, 'onUpdate'),
          map: optionalNamedString(attribute, 'map'),
        };
        break;
      default:
        throw new Error(`Model ${modelName}, field ${name}: unsupported attribute ${attribute.name}.`);
    }
  }
  return field;
}

interface Attribute {
  name: string;
  args: { key?: string; value: string }[];
}

function parseAttributes(text: string): Attribute[] {
  const attributes: Attribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i++;
      continue;
    }
    const match = /^@@?[\w.]+/.exec(text.slice(i));
    if (!match) throw new Error(`Cannot read attributes in "${text}".`);
    const attribute: Attribute = { name: match[0], args: [] };
    i += match[0].length;
    if (text[i] === '(') {
      const end = findClosing(text, i, '(', ')');
      attribute.args = splitTopLevel(text.slice(i + 1, end)).map(parseArg);
      i = end + 1;
    }
    attributes.push(attribute);
  }
  return attributes;
}

function parseArg(raw: string): { key?: string; value: string } {
  const match = /^(\w+)\s*:\s*([\s\S]*)$/.exec(raw);
  return match ? { key: match[1], value: (match[2] ?? '').trim() } : { value: raw };
}

/** Splits on commas that are not inside strings, brackets or parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (inString) {
      if (char === '\\') current += char + (text[++i] ?? '');
      else {
        if (char === '"') inString = false;
        current += char;
      }
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

function positional(attribute: Attribute, index: number): string {
  const value = attribute.args.filter((arg) => arg.key === undefined)[index]?.value;
  if (value === undefined) throw new Error(`${attribute.name} needs an argument.`);
  return value;
}

function named(attribute: Attribute, key: string): string | undefined {
  return attribute.args.find((arg) => arg.key === key)?.value;
}

function optionalNamedString(attribute: Attribute, key: string): string | undefined {
  const value = named(attribute, key);
  return value === undefined ? undefined : unquote(value);
}

function stringArg(attribute: Attribute, index: number): string {
  return unquote(named(attribute, 'name') ?? positional(attribute, index));
}

function unquote(value: string): string {
  if (!/^".*"$/s.test(value)) throw new Error(`Expected a string literal, got ${value}.`);
  return JSON.parse(value) as string;
}

/** `[a, b(sort: Desc)]` -> ['a', 'b']; sort orders and lengths are not checked. */
function listValue(value: string): string[] {
  if (!value.startsWith('[') || !value.endsWith(']')) throw new Error(`Expected a list, got ${value}.`);
  return splitTopLevel(value.slice(1, -1)).map((item) => item.replace(/\(.*\)$/s, '').trim());
}

function fieldList(attribute: Attribute): string[] {
  return listValue(named(attribute, 'fields') ?? positional(attribute, 0));
}

function indexOf(attribute: Attribute): PrismaIndex {
  const map = optionalNamedString(attribute, 'map');
  return map === undefined ? { fields: fieldList(attribute) } : { fields: fieldList(attribute), map };
}
