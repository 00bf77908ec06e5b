import * as ACData from 'adaptivecards-templating';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An Adaptive Card as JSON, ready to attach to an activity or return from an invoke. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/** Templates live at the repository root (`cards/`); this file sits two levels below it in both src/ and dist/. */
export const CARDS_DIR = join(__dirname, '..', '..', 'cards');

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let cached = templates.get(name);
  if (!cached) {
    cached = new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, cached);
  }
  return cached;
}

/**
 * Expands `cards/<name>.json` with `data` as `$root`. Data values are inserted as values, never re-parsed
 * as template expressions, so user text containing `${...}` stays literal.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  const key = `${name}:${createHash('sha1').update(JSON.stringify(data)).digest('base64')}`;
  let rendered = renderedCards.get(key);
  if (rendered === undefined) {
    rendered = JSON.stringify(template(name).expand({ $root: data }));
    remember(key, rendered);
  } else {
    // Refresh its place in the LRU order.
    renderedCards.delete(key);
    renderedCards.set(key, rendered);
  }
  // A fresh object per call: callers attach and sometimes adjust cards, and must not share one.
  return JSON.parse(rendered) as AdaptiveCardJson;
}

/**
 * Expanding a template costs a few hundred microseconds (adaptive-expressions evaluates every binding),
 * which dominated "what's next". The output is a pure function of template and data, so identical
 * requests — the same plan at the same revision — reuse it. Keys are digests of the data so the cache holds
 * about 5 KB per entry (25 MB at most), and it is safe across instances because nothing in it depends on
 * anything but its key.
 */
const RENDER_CACHE_LIMIT = 5000;
const renderedCards = new Map<string, string>();

function remember(key: string, value: string): void {
  renderedCards.set(key, value);
  if (renderedCards.size > RENDER_CACHE_LIMIT) renderedCards.delete(renderedCards.keys().next().value as string);
}

/**
 * Teams renders a subset of Markdown in TextBlocks. Names and answers typed by people are shown
 * as written, not as formatting or links.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
