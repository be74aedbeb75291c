import { API_BASE_URL } from '@/lib/api-client';
import { ApiError, toApiError } from '@/lib/api-error';

export interface EvidenceUpload {
  programId: string;
  taskId: string;
  title: string;
  file: File;
}

/**
 * Uploads one evidence file with XMLHttpRequest, because fetch reports no upload progress. The text fields go
 * before the file (the API checks them before storing a byte). Resolves with the API's answer; rejects with
 * an ApiError naming the field, or the limit on a 413.
 */
export function uploadEvidence(
  upload: EvidenceUpload,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ storage: 'stored' | 'reused'; duplicate: boolean }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (upload.title.trim() !== '') form.append('title', upload.title.trim());
    form.append('taskId', upload.taskId);
    form.append('file', upload.file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE_URL}/programs/${encodeURIComponent(upload.programId)}/evidence`);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr.response as { storage: 'stored' | 'reused'; duplicate: boolean });
      } else reject(toApiError(xhr.status, xhr.response));
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError(0, 'The upload did not reach Certflow. Check your connection and try again.')),
    );
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'The upload was cancelled.')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
