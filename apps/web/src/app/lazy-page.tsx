import { Loading } from '@certflow/ui';
import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A route's screen loaded on demand (route-level code splitting): its feature's code, and what only it uses
 * (the charts), is fetched when the route is first opened, so the first page stays small
 * (scripts/initial-bundle.mjs checks the budget).
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: Props) {
    return (
      <Suspense fallback={<Loading>Loading…</Loading>}>
        <Page {...props} />
      </Suspense>
    );
  };
}
