import type { Test } from 'supertest';

/** The callback form of supertest's `.parse(...)`: (response, done). */
type StreamParser = Extract<Parameters<Test['parse']>[0], (res: never, done: never) => void>;

/**
 * A supertest parser that keeps a response's bytes as a Buffer in `res.body` (downloads, exports):
 * `request(url).get(path).buffer(true).parse(binaryBody)`.
 */
export const binaryBody: StreamParser = (res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
