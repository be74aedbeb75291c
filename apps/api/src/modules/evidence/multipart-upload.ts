import type { Readable } from 'node:stream';

import busboy from 'busboy';
import type { Request } from 'express';

import { InputValidationError } from '../../common/domain-errors.js';

export interface MultipartFile {
  stream: Readable;
  /** The client's file name, untrusted (for display only). */
  fileName: string | undefined;
  /** Whether busboy cut the file at the size limit. */
  truncated: () => boolean;
}

export interface MultipartOptions<T> {
  /** The form field that carries the file. */
  fileField: string;
  maxFileBytes: number;
  /** Called once, when the file part starts, with the fields sent before it; must consume the stream. */
  onFile: (fields: Record<string, string>, file: MultipartFile) => Promise<T>;
}

const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 4096;

/**
 * Reads a multipart/form-data request as a stream: the text fields first (they describe the file, so they are
 * checked before a byte of it is stored), then exactly one file, handed on as a stream. Whatever goes wrong,
 * the request is detached from the parser and the rest of its body is discarded, so the error response can
 * be sent and read.
 */
export function readMultipart<T>(req: Request, options: MultipartOptions<T>): Promise<T> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new InputValidationError([{ path: 'Content-Type', message: 'must be multipart/form-data' }]);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        // One byte more than allowed, so the store sees (and refuses) a file that is too large.
        fileSize: options.maxFileBytes + 1,
        files: 1,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: MAX_FIELDS + 1,
      },
    });
  } catch {
    throw new InputValidationError([{ path: 'Content-Type', message: 'has no usable multipart boundary' }]);
  }

  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handling: Promise<T> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const invalid = (path: string, message: string) => fail(new InputValidationError([{ path, message }]));

    parser.on('field', (name, value, info) => {
      if (handling) return invalid(name, 'send the fields before the file');
      if (info.valueTruncated) return invalid(name, `must be at most ${MAX_FIELD_BYTES} bytes`);
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== options.fileField || handling) {
        stream.resume();
        return invalid(
          name,
          handling ? 'one file per upload' : `unexpected file field; use "${options.fileField}"`,
        );
      }
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      fileStream = stream;
      handling = options.onFile(fields, { stream, fileName: info.filename, truncated: () => truncated });
      handling.catch(fail);
    });
    parser.on('filesLimit', () => invalid(options.fileField, 'one file per upload'));
    parser.on('fieldsLimit', () => invalid('body', `at most ${MAX_FIELDS} fields`));
    parser.on('partsLimit', () => invalid('body', 'too many parts'));
    parser.on('error', () => invalid('body', 'is not well-formed multipart/form-data'));
    parser.on('close', () => {
      if (!handling) return invalid(options.fileField, 'Required');
      handling.then((result) => {
        if (settled) return;
        settled = true;
        resolve(result);
      }, fail);
    });
    // A client that goes away mid-file: fail the file stream, so the store deletes its partial file.
    req.on('close', () => {
      if (req.complete) return;
      const gone = new InputValidationError([{ path: 'body', message: 'the upload was interrupted' }]);
      fileStream?.destroy(gone);
      fail(gone);
    });
    req.pipe(parser);
  });
}
