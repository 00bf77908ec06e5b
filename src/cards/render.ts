import * as ACData from 'adaptivecards-templating';
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
  return template(name).expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Teams renders a subset of Markdown in TextBlocks. Names and answers typed by people are shown
 * as written, not as formatting or links.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
