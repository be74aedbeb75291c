import type { TestProject } from 'vitest/node';

import type { DemoAccount } from './support/demo';
import { startStack } from './support/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    mailboxUrl: string;
    issuer: string;
    accounts: DemoAccount[];
  }
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const stack = await startStack();
  const total = Math.round(performance.now() - started);
  console.log(
    `e2e stack up in ${total} ms ${JSON.stringify(stack.timings)} → web ${stack.webUrl}, api ${stack.apiUrl}`,
  );
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('mailboxUrl', stack.mailboxUrl);
  project.provide('issuer', stack.issuer);
  project.provide('accounts', stack.accounts);
  return async () => {
    const stopping = performance.now();
    await stack.stop();
    console.log(`e2e stack stopped in ${Math.round(performance.now() - stopping)} ms`);
  };
}
