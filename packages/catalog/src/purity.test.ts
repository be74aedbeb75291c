import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The catalog is bundled into Temporal workflow code, which must be deterministic and free of I/O.
const srcDir = new URL('.', import.meta.url).pathname;
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(srcDir, f), 'utf8') }));

describe('workflow safety', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))(
    '%s has no I/O, clock or randomness',
    (_file, text) => {
      expect(text).not.toMatch(/from ['"](node:|fs|path|os|crypto|child_process)/);
      expect(text).not.toMatch(
        /\bDate\.now\(|new Date\(|Math\.random\(|\bprocess\.(env|argv|hrtime|exit)|performance\.now|with \{ type: ['"]json['"] \}/,
      );
    },
  );
});

describe('the workflow lookup entry (@certflow/catalog/lookup)', () => {
  // Value imports reachable from lookup.ts; `import type` lines vanish at compile time.
  const reachable = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(join(srcDir, file), 'utf8');
    for (const m of text.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)) {
      const spec = m[1] ?? '';
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      reachable(join(file, '..', spec).replace(/\.js$/, '.ts'), seen);
    }
    return seen;
  };

  it('loads no zod and no validation, so the worker can share it between workflows', () => {
    const files = [...reachable('lookup.ts')];
    expect(files).toContain('frameworks/data.ts');
    expect(files).toContain('crosswalks/data.ts');
    expect(files.filter((f) => !f.endsWith('.ts'))).toEqual([]);
    expect(files).not.toContain('schema.ts');
  });
});
