// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// The layering rule of STYLE.md (app → features → shared; features never import each other), checked on the
// source so a stray import fails the build instead of waiting for a review.
const srcDir = fileURLToPath(new URL('.', import.meta.url));
const featuresDir = join(srcDir, 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('architecture', () => {
  const features = readdirSync(featuresDir);

  it('has the features this app is built from', () => {
    expect(features.sort()).toEqual([
      'admin',
      'audit-trail',
      'auth',
      'cost',
      'cost-calculator',
      'gap-assessment',
      'health',
      'implementation',
      'organizations',
      'overview',
      'programs',
      'schedule',
      'statement-of-applicability',
      'tasks',
    ]);
  });

  it.each(features)('feature %s imports no other feature and not the app', (feature) => {
    const offending = sourceFiles(join(featuresDir, feature)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          if (spec.startsWith('@/app') || /^@\/features\/(?!$)/.test(spec)) return true;
          if (!spec.startsWith('.')) return false;
          const target = relative(featuresDir, join(file, '..', spec));
          return target.startsWith('..') ? false : !target.startsWith(feature);
        })
        .map((spec) => `${relative(srcDir, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('imports contracts only through its Temporal-free entries (access, domain, implementation)', () => {
    const allowed = new Set([
      '@certflow/contracts/access',
      '@certflow/contracts/domain',
      '@certflow/contracts/implementation',
    ]);
    const offending = sourceFiles(srcDir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@certflow/contracts') && !allowed.has(spec))
        .map((spec) => `${relative(srcDir, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps shared code (lib, config) free of features and the app', () => {
    const offending = ['lib', 'config'].flatMap((dir) =>
      sourceFiles(join(srcDir, dir)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^@\/(app|features)/.test(spec))
          .map((spec) => `${relative(srcDir, file)} → ${spec}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
