import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certflowSearchAttributes } from './search-attributes.js';

// scripts/start.sh registers the attributes on the local dev server from this file, which shell can read.
const listFile = new URL('../../../infra/temporal/search-attributes.txt', import.meta.url);

// The CLI's `--search-attribute Name=Type` spelling of each SearchAttributeType.
const cliTypeName = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
} as const;

describe('infra/temporal/search-attributes.txt', () => {
  it('lists exactly the search attributes defined in @certflow/contracts', () => {
    const fromFile = readFileSync(listFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .sort();
    const fromContracts = certflowSearchAttributes
      .map((key) => `${key.name}=${cliTypeName[key.type]}`)
      .sort();
    expect(fromFile).toEqual(fromContracts);
  });
});
