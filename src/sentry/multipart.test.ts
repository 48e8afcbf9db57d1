import { describe, expect, it } from 'vitest';
import { encodeMultipart } from './multipart.ts';

async function parse(body: Buffer, contentType: string): Promise<FormData> {
  return new Response(body, { headers: { 'content-type': contentType } }).formData();
}

describe('encodeMultipart', () => {
  it('produces a body a standard multipart parser reads back byte for byte', async () => {
    const bytes = new Uint8Array([0, 1, 2, 13, 10, 45, 45, 255]);
    const { body, contentType } = encodeMultipart([
      { name: 'file', filename: 'app.js', data: bytes },
      { name: 'name', value: '~/app.js' },
      { name: 'header', value: 'Sourcemap:app.js.map' },
      { name: 'header', value: 'debug-id:x' },
    ]);
    const form = await parse(body, contentType);
    const file = form.get('file') as File;
    expect(file.name).toBe('app.js');
    expect(file.type).toBe('application/octet-stream');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(form.get('name')).toBe('~/app.js');
    expect(form.getAll('header')).toEqual(['Sourcemap:app.js.map', 'debug-id:x']);
  });

  it('picks another boundary when the first one occurs in the data', () => {
    const boundaries = ['XX', 'YY'];
    const { contentType } = encodeMultipart([{ name: 'v', value: 'aXXb' }], () => boundaries.shift()!);
    expect(contentType).toBe('multipart/form-data; boundary=YY');
  });
});
