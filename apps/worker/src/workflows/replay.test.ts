import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows } from '../../test/support/worker.js';

// Recorded histories (test/histories, written by the full-cycle test with CERTFLOW_RECORD_HISTORIES=<label>) replayed
// against today's workflow code: a change that is not behind patched() fails here with a DeterminismViolationError.
const dir = fileURLToPath(new URL('../../test/histories/', import.meta.url));
const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();

describe('replaying recorded workflow histories', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleWorkflows();
  });

  it('has at least one full ISO cycle to replay', () => {
    expect(files).toContain('iso-certification-v1-cycle1.json');
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(`${dir}${file}`, 'utf8')) as unknown);
    await Worker.runReplayHistory({ workflowBundle: bundle, replayName: file }, history);
  });
});
