import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { API_BASE_URL } from './api-client';

/** What the stream says about an audit event (details come from the API). */
export interface LiveEvent {
  id: string;
  type: string;
  programId: string | null;
  taskId: string | null;
  actor: string | null;
  occurredAt: string;
}

// Queries that never depend on the audit trail: the signed-in person and the API's health.
const untouched = new Set(['me', 'health']);
const COALESCE_MS = 250;
const REOPEN_MS = 10_000;

function refreshEverythingShown(queryClient: QueryClient) {
  void queryClient.invalidateQueries({
    predicate: (query) => !untouched.has(String(query.queryKey[0])),
  });
}

/**
 * One EventSource per signed-in organisation: every audit event the person may see marks the cached data as
 * stale, so what is on screen (programs, tasks, evidence, the audit trail) refetches without a reload. A burst
 * of events costs one refetch. The browser reconnects by itself with Last-Event-ID; if the server refuses
 * (the session ended), /me is asked again, which sends the person to sign in.
 */
export function useLiveUpdates(organizationId: string | undefined, onEvent?: (event: LiveEvent) => void) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!organizationId || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        refreshEverythingShown(queryClient);
      }, COALESCE_MS);
    };
    const open = () => {
      source = new EventSource(
        `${API_BASE_URL}/organizations/${encodeURIComponent(organizationId)}/events/stream`,
        { withCredentials: true },
      );
      source.addEventListener('audit-event', (message) => {
        schedule();
        if (onEvent) onEvent(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
      });
      source.addEventListener('reset', schedule);
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        void queryClient.invalidateQueries({ queryKey: ['me'] });
        reopen = setTimeout(open, REOPEN_MS);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(pending);
      clearTimeout(reopen);
      source?.close();
    };
  }, [organizationId, queryClient, onEvent]);
}
