/** The one function of tar-fs the tests use; the package ships no types of its own. */
declare module 'tar-fs' {
  import type { Writable } from 'node:stream';
  export function extract(directory: string): Writable;
}
