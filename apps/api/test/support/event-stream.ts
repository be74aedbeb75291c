export interface StreamEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface EventStreamClient {
  status: number;
  /** Events and comments in arrival order (comments have event `comment`). */
  received: StreamEvent[];
  /** Waits until an event matching `match` arrived (generous deadline, clear message), returns it. */
  waitFor(match: (e: StreamEvent) => boolean, what: string, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A minimal `text/event-stream` reader over fetch, as a browser's EventSource would see the stream. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const received: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let endedResolve!: () => void;
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  const parse = (block: string) => {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        received.push({ id: undefined, event: 'comment', data: line.slice(1).trim() });
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) received.push({ id, event, data: data.join('\n') });
  };
  if (res.body && res.status === 200) {
    void (async () => {
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            parse(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
          waiters.forEach((wake) => wake());
        }
      } catch {
        // aborted
      } finally {
        endedResolve();
        waiters.forEach((wake) => wake());
      }
    })();
  } else {
    endedResolve();
  }
  return {
    status: res.status,
    received,
    ended,
    close: () => abort.abort(),
    waitFor(match, what, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(received)}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
