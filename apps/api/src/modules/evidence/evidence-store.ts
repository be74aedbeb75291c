import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** How many leading bytes are kept for content-type detection (file-type reads at most about 4 KiB of most). */
export const SAMPLE_BYTES = 64 * 1024;

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for content-type detection. */
  sample: Buffer;
  /** Path under the store's root, built from the organisation and the checksum only. */
  storageKey: string;
  /** False when the same bytes were already stored for this organisation (the new copy was discarded). */
  created: boolean;
}

/** The file went over the size limit while streaming; the partial file is already deleted. */
export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file is larger than the limit of ${limitBytes} bytes`);
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

/** `<organisation>/<first two hex digits>/<sha256>`: nothing a client sends ever becomes part of a path. */
export function storageKeyOf(organizationId: string, sha256: string): string {
  if (!uuidPattern.test(organizationId) || !sha256Pattern.test(sha256)) {
    throw new Error('storage keys are built from a UUID and a SHA-256 only');
  }
  return join(organizationId, sha256.slice(0, 2), sha256);
}

/**
 * Evidence files on disk, content-addressed per organisation. A file is streamed to a private temporary file
 * while it is hashed and counted (never buffered whole); over the limit, or when the client goes away, the
 * temporary file is deleted. A complete file is fsynced and renamed to its checksum's path, so a crash
 * never leaves a half-written file under a real name; bytes already stored are not written twice.
 */
export class EvidenceStore {
  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
  ) {}

  get limitBytes(): number {
    return this.maxBytes;
  }

  async put(organizationId: string, source: Readable, truncated: () => boolean): Promise<StoredFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmpPath = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const sampleParts: Buffer[] = [];
    let sampled = 0;
    let size = 0;
    const maxBytes = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          callback(new FileTooLargeError(maxBytes));
          return;
        }
        hash.update(chunk);
        if (sampled < SAMPLE_BYTES) {
          const part = chunk.subarray(0, SAMPLE_BYTES - sampled);
          sampleParts.push(part);
          sampled += part.length;
        }
        callback(null, chunk);
      },
    });
    try {
      // `flush`: the file is fsynced before it is closed, so the rename below publishes only durable bytes.
      await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600, flush: true }));
      // busboy stops the stream at its own limit and flags it instead of failing.
      if (truncated()) throw new FileTooLargeError(maxBytes);
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }

    const sha256 = hash.digest('hex');
    const storageKey = storageKeyOf(organizationId, sha256);
    const finalPath = join(this.root, storageKey);
    const created = !(await exists(finalPath));
    if (created) {
      const dir = join(finalPath, '..');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Atomic: readers see either no file or the whole file. Two uploads of the same bytes race harmlessly.
      await rename(tmpPath, finalPath);
      await syncDirectory(dir);
    } else {
      await rm(tmpPath, { force: true });
    }
    return { sha256, sizeBytes: size, sample: Buffer.concat(sampleParts), storageKey, created };
  }

  /** Opens a stored file for reading; the key comes from the database, never from the request. */
  read(storageKey: string): ReadStream {
    return createReadStream(join(this.root, storageKey));
  }

  async exists(storageKey: string): Promise<boolean> {
    return exists(join(this.root, storageKey));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes the rename itself durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
