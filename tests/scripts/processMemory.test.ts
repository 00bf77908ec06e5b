import { readMemory, rssParts } from '../../scripts/lib/processMemory';

describe('the scale bench memory reading', () => {
  it('splits RSS into anonymous and file-backed memory from /proc/<pid>/status', () => {
    const status = ['Name:\tnode', 'VmRSS:\t  364544 kB', 'RssAnon:\t  102400 kB', 'RssFile:\t  262144 kB', ''].join(
      '\n',
    );
    expect(rssParts(status)).toEqual({ rssAnonBytes: 100 * 1024 * 1024, rssFileBytes: 256 * 1024 * 1024 });
  });

  it('leaves the parts out where the status has no such lines (not Linux)', () => {
    expect(rssParts('')).toEqual({});
  });

  it('reads this process: the parts, where present, add up to no more than RSS', () => {
    const reading = readMemory();
    expect(reading.rssBytes).toBeGreaterThan(0);
    expect(reading.heapUsedBytes).toBeGreaterThan(0);
    if (reading.rssAnonBytes !== undefined && reading.rssFileBytes !== undefined)
      // RssShmem is the third part; a few pages of slack for RSS changing between the two reads.
      expect(reading.rssAnonBytes + reading.rssFileBytes).toBeLessThanOrEqual(reading.rssBytes + 4 * 1024 * 1024);
  });
});
