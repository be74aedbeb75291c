import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as domain from './domain.js';
import * as all from './index.js';

const srcDir = fileURLToPath(new URL('.', import.meta.url));

/** Modules reachable from `file` through value imports and re-exports (`import type` vanishes at build). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(srcDir, file), 'utf8');
  for (const m of text.matchAll(/^(?:import|export) (?!type )[^;]*?from '([^']+)';/gms)) {
    const spec = m[1] ?? '';
    // Relative to the importing file, so modules in sub-folders (schedule/) are followed too.
    if (spec.startsWith('.')) reachable(posix.join(dirname(file), spec).replace(/\.js$/, '.ts'), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('the Temporal-free entry (@certflow/contracts/domain)', () => {
  it('reaches no @temporalio module and no Node built-in', () => {
    const modules = [...reachable('domain.ts')];
    expect(modules).toContain('iso-model.ts');
    expect(modules).toContain('schedule/what-if.ts');
    expect(modules.filter((m) => m.startsWith('@temporalio') || m.startsWith('node:'))).toEqual([]);
    expect(modules.filter((m) => !m.endsWith('.ts')).sort()).toEqual(['@certflow/catalog/lookup', 'zod']);
  });

  it('offers the lists the API and the web app would otherwise retype', () => {
    expect(domain.isoStages).toContain('SURVEILLANCE_1');
    expect(domain.soc2Stages).toContain('OBSERVATION');
    expect(domain.programKinds).toEqual(['ISO_CERTIFICATION', 'SOC2_ATTESTATION']);
    expect(domain.isoAuditKinds).toContain('extension-stage2');
    expect(Object.keys(domain.isoUpdateInputSchemas)).toContain('changeSettings');
  });

  it('is re-exported whole by the main entry, which adds the message definitions', () => {
    for (const name of Object.keys(domain)) expect(all, name).toHaveProperty(name);
    expect(all.scheduleAuditUpdate.name).toBe('scheduleAudit');
    expect(domain).not.toHaveProperty('scheduleAuditUpdate');
    expect(reachable('index.ts').has('@temporalio/workflow')).toBe(true);
  });
});
