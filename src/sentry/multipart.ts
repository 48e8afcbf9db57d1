/** multipart/form-data encoding for chunk and release-file uploads. Pure: no I/O. */
import { randomBytes } from 'node:crypto';

export type MultipartPart =
  { name: string; value: string } | { name: string; filename: string; data: Uint8Array; contentType?: string };

export interface EncodedMultipart {
  body: Buffer;
  contentType: string;
}

// WHATWG form-data escaping for names in the Content-Disposition header.
function escapeName(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/** Encodes parts with a random boundary that is checked not to occur in any part. */
export function encodeMultipart(parts: MultipartPart[], makeBoundary = randomBoundary): EncodedMultipart {
  let boundary = makeBoundary();
  while (parts.some((p) => Buffer.from('data' in p ? p.data : p.value).includes(boundary))) boundary = makeBoundary();
  const pieces: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(part.name)}"`;
    if ('data' in part) {
      head += `; filename="${escapeName(part.filename)}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`;
    }
    pieces.push(Buffer.from(`${head}\r\n\r\n`));
    pieces.push(
      'data' in part
        ? Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength)
        : Buffer.from(part.value),
    );
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

function randomBoundary(): string {
  return `----faultline${randomBytes(16).toString('hex')}`;
}
