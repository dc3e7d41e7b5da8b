/** Decoding a seed document: strict UTF-8, not empty, not absurdly large. */
import { BuildError } from '../errors.ts';
import { display } from './read.ts';

/**
 * The five seeds are 20–110 kB. The build is linear in the text (a 7 MB seed builds in about 18 s and 0.6 GB), but a file over 8 MB is almost surely the wrong
 * file (a PDF dump, a concatenation) and would make a published copy no browser should download.
 */
export const MAX_SEED_BYTES = 8 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a seed as strict UTF-8. On bad bytes, names the first line that holds them, so the message points at what
 * to fix rather than at a byte offset. An empty or whitespace-only document is an error: it would publish a plan
 * with nothing in it.
 */
export function decodeSeed(path: string, bytes: Uint8Array): string {
  const name = display(path);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          utf8.decode(bytes.subarray(lineStart, i));
        } catch {
          throw new BuildError(name, line, 'not valid UTF-8 (the seeds must be UTF-8 text; was it saved as GBK?)');
        }
        lineStart = i + 1;
        line++;
      }
    }
    throw new BuildError(name, 0, 'not valid UTF-8');
  }
  if (/^[\s\u3000\uFEFF]*$/.test(text)) {
    throw new BuildError(
      name,
      0,
      'the document is empty (it is listed in data/plans.json: copy its text in, byte for byte)',
    );
  }
  return text;
}
