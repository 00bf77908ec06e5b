/**
 * The scale bench's memory reading. RSS alone cannot tell a leak from memory that is only cached: SQLite's memory map
 * (256 MB, see src/store/sqliteStorage.ts) puts every database page the process touches into RSS as file-backed
 * memory, which the kernel can drop at any time. Linux splits RSS into anonymous memory (the heap, native
 * allocations: where a leak would show) and file-backed memory (the map), so both are reported where available.
 */
import { readFileSync } from 'node:fs';

export interface MemoryReading {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Memory outside the JS heap that V8 knows about (Buffers, ArrayBuffers). */
  readonly externalBytes: number;
  /** Linux only: anonymous and file-backed parts of RSS. */
  readonly rssAnonBytes?: number;
  readonly rssFileBytes?: number;
}

/** `RssAnon` and `RssFile` from the text of /proc/<pid>/status (values in kB); undefined where a line is missing. */
export function rssParts(status: string): { rssAnonBytes?: number; rssFileBytes?: number } {
  const kb = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  };
  const anon = kb('RssAnon');
  const file = kb('RssFile');
  return {
    ...(anon === undefined ? {} : { rssAnonBytes: anon }),
    ...(file === undefined ? {} : { rssFileBytes: file }),
  };
}

/** After two forced GCs when the process runs with --expose-gc, so garbage not yet collected does not count. */
export function readMemory(): MemoryReading {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const usage = process.memoryUsage();
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux: RSS only.
  }
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, externalBytes: usage.external, ...rssParts(status) };
}
