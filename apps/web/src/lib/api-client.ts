import { createApiClient } from '@certflow/api-client';

/** The browser always talks to the API through the `/api` prefix, which Vite (dev and preview) proxies. */
export const API_BASE_URL = '/api';

export const api = createApiClient(API_BASE_URL);
