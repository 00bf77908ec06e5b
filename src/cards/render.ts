import * as ACData from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';

/** An Adaptive Card as JSON, ready to attach to an activity or return from an invoke. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/** Templates live at the repository root (`cards/`); this file sits two levels below it in both src/ and dist/. */
export const CARDS_DIR = join(__dirname, '..', '..', 'cards');

/**
 * Expands `cards/<name>.json` with `data` as `$root`. Data values are inserted as values, never re-parsed
 * as template expressions, so user text containing `${...}` stays literal.
 *
 * adaptivecards-templating evaluates every binding with adaptive-expressions, a few hundred microseconds per
 * card, and a card changes on every click (its revision, who, when). What the expansion *does* — which
 * elements `$when` keeps, how many times `$data` repeats one — depends only on the data's shape: the
 * booleans, which strings are empty, how long each list is, and the values a template compares. So each
 * template is expanded once per shape, with a numbered placeholder standing in for every other string and
 * number, and later renders of that shape put the real values into the placeholders' places.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  const template = loadTemplate(name);
  if (!template.shapeSafe) return expandDirectly(template, data);
  const values: unknown[] = [];
  const shaped = abstractValue(data, false, template.keep, values);
  const key = `${name}\u0000${JSON.stringify(shaped)}`;
  let expanded = expandedShapes.get(key);
  if (expanded === undefined) {
    expanded = template.engine.expand({ $root: shaped }) as unknown;
    remember(key, expanded);
  }
  const card = fillPlaceholders(expanded, values) as AdaptiveCardJson;
  if (VERIFY_EVERY_RENDER) verifyAgainstDirectExpansion(name, template, data, card);
  return card;
}

interface LoadedTemplate {
  readonly engine: ACData.Template;
  /** Data keys whose values a template compares or transforms: they are part of the shape, kept as they are. */
  readonly keep: ReadonlySet<string>;
  /** False when an expression works on a value the placeholders cannot stand in for; such a template is always expanded directly. */
  readonly shapeSafe: boolean;
}

const templates = new Map<string, LoadedTemplate>();

function loadTemplate(name: string): LoadedTemplate {
  let loaded = templates.get(name);
  if (!loaded) {
    const json = readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8');
    loaded = { engine: new ACData.Template(JSON.parse(json)), ...analyseBindings(json) };
    templates.set(name, loaded);
  }
  return loaded;
}

function expandDirectly(template: LoadedTemplate, data: object): AdaptiveCardJson {
  return template.engine.expand({ $root: data }) as AdaptiveCardJson;
}

// ---------------------------------------------------------------------------------------------------------------
// Which bindings a placeholder can stand in for.

const PATH = String.raw`\$?[A-Za-z_][\w$]*(?:\.[A-Za-z_$][\w$]*)*`;
/**
 * Bindings that only insert a value or test whether it is truthy or empty. A placeholder is a non-empty string in
 * the place of a non-empty string or a non-zero number (empty strings and zeros stay themselves), so these give
 * the same answer for the placeholder as for the value.
 */
const TRUTHINESS_ONLY = [
  new RegExp(`^!?${PATH}$`),
  new RegExp(`^${PATH}\\s*[!=]=\\s*''$`),
  new RegExp(`^if\\(\\s*!?${PATH}\\s*,\\s*'[^']*'\\s*,\\s*'[^']*'\\s*\\)$`),
];
const BINDING = /\$\{([^}]*)\}/g;
const IDENTIFIER = new RegExp(`'[^']*'|(${PATH})(\\s*\\()?`, 'g');

/**
 * Every other binding compares or transforms values (`editor == 'owner'`, `string(number)`, `count(list)`): the
 * last name of each path it reads is kept out of the placeholders, wherever that key appears in the data, so its
 * value becomes part of the shape. A binding that reads the current item itself (`$data`, `$index`) cannot be
 * served by key, so its template is expanded directly.
 */
export function analyseBindings(templateJson: string): { keep: ReadonlySet<string>; shapeSafe: boolean } {
  const keep = new Set<string>();
  let shapeSafe = true;
  for (const [, expression] of templateJson.matchAll(BINDING)) {
    const trimmed = expression.trim();
    if (TRUTHINESS_ONLY.some((form) => form.test(trimmed))) continue;
    for (const [, path, call] of trimmed.matchAll(IDENTIFIER)) {
      if (!path || call) continue; // a string literal or a function name
      const last = path.split('.').pop() as string;
      if (last === '$data' || last === '$index' || last === '$root') shapeSafe = false;
      else keep.add(last);
    }
  }
  return { keep, shapeSafe };
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders in, values back.

const OPEN = '\uE000';
const CLOSE = '\uE001';
const placeholder = (index: number) => `${OPEN}${index}${CLOSE}`;
const ONE_PLACEHOLDER = /^\uE000(\d+)\uE001$/;
const ANY_PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** The data with each replaceable string or number swapped for a numbered placeholder; `values` receives them in order. */
function abstractValue(value: unknown, kept: boolean, keep: ReadonlySet<string>, values: unknown[]): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    if (kept || value === '' || value === 0) return value;
    values.push(value);
    return placeholder(values.length - 1);
  }
  if (Array.isArray(value)) return value.map((item) => abstractValue(item, kept, keep, values));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = abstractValue(item, kept || keep.has(key), keep, values);
    return out;
  }
  return value;
}

/**
 * A fresh copy of an expanded shape with the values back in: a string that is one placeholder becomes the value
 * itself (a number stays a number, as in a direct expansion); placeholders inside longer strings become text.
 * Values are inserted once and never scanned again, so text that looks like a placeholder stays literal.
 */
function fillPlaceholders(node: unknown, values: readonly unknown[]): unknown {
  if (typeof node === 'string') {
    if (!node.includes(OPEN)) return node;
    const whole = ONE_PLACEHOLDER.exec(node);
    if (whole) return values[Number(whole[1])];
    return node.replace(ANY_PLACEHOLDER, (_, index: string) => String(values[Number(index)]));
  }
  if (Array.isArray(node)) return node.map((item) => fillPlaceholders(item, values));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) out[key] = fillPlaceholders(item, values);
    return out;
  }
  return node;
}

/**
 * Shapes are few (a handful per template and task), so the bound only guards against a pathological stream of
 * distinct list lengths. Nothing in an entry depends on anything but its key, so it is safe across instances.
 */
const SHAPE_CACHE_LIMIT = 2000;
const expandedShapes = new Map<string, unknown>();

function remember(key: string, expanded: unknown): void {
  expandedShapes.set(key, expanded);
  if (expandedShapes.size > SHAPE_CACHE_LIMIT) expandedShapes.delete(expandedShapes.keys().next().value as string);
}

/**
 * Under jest (NODE_ENV=test) every render is also expanded directly and must come out identical, so the whole
 * suite checks the shape cache against adaptivecards-templating on every card it builds.
 */
const VERIFY_EVERY_RENDER = process.env.NODE_ENV === 'test';

function verifyAgainstDirectExpansion(name: string, template: LoadedTemplate, data: object, card: AdaptiveCardJson): void {
  const direct = expandDirectly(template, data);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(direct)), JSON.parse(JSON.stringify(card)))) {
    throw new Error(`cards/${name}.json: the shape-cached render differs from a direct expansion for ${JSON.stringify(data).slice(0, 500)}`);
  }
}

/**
 * Teams renders a subset of Markdown in TextBlocks. Names and answers typed by people are shown
 * as written, not as formatting or links.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
