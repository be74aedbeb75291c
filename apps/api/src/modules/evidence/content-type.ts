import { fileTypeFromBuffer } from 'file-type';

/**
 * What a stored file is, decided from its bytes only (the client's Content-Type and file name are ignored):
 * binary formats by their signatures (file-type), else UTF-8 text, with markup that a browser would render
 * or run recognised as such so it is never served as itself.
 */
export async function detectContentType(sample: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return detected.mime;
  if (sample.length === 0) return 'application/octet-stream';
  if (!isUtf8Text(sample)) return 'application/octet-stream';
  const head = sample
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe)\b/.test(head)) return 'text/html';
  if (/^<svg\b/.test(head) || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  if (head.startsWith('<?xml')) return 'application/xml';
  return 'text/plain';
}

/** No NUL bytes and valid UTF-8 (a multi-byte character cut at the end of the sample is tolerated). */
function isUtf8Text(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Up to three trailing bytes may belong to a character the sample cut in half.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      decoder.decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try without the last byte(s)
    }
  }
  return false;
}

/**
 * Types a download may carry as themselves. Anything else — HTML, SVG, XML, scripts, or what we could not
 * identify — goes out as application/octet-stream, and every download is an attachment with nosniff, so no
 * evidence file can run in the Certflow origin.
 */
const servedAsIs = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb',
]);

export function servedContentType(contentType: string): string {
  if (!servedAsIs.has(contentType)) return 'application/octet-stream';
  return contentType === 'text/plain' ? 'text/plain; charset=utf-8' : contentType;
}

/**
 * The client's file name reduced to something safe to show and to put in Content-Disposition: no directory
 * part, no control characters, at most 200 characters. Never used to build a path.
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'evidence' : cleaned;
}

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
