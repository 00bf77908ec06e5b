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
  const key = `${name}\u0000${shapeKey(data, false, template.keep, values)}`;
  // Kept values are copied into the expanded shape as they are, and compileShape reads every placeholder character
  // there as the start of a placeholder. People can type those characters, so data that brings them into a kept
  // value (the only way they reach the key: replaced values appear there as '#') is expanded directly.
  if (HAS_PLACEHOLDER_CHARACTER.test(key)) return expandDirectly(template, data);
  let expanded = expandedShapes.get(key);
  if (expanded === undefined) {
    expanded = compileShape(template.engine.expand({ $root: abstractValue(data, false, template.keep, []) }));
    remember(key, expanded);
  }
  const card = expanded(values);
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
    const bindings = analyseBindings(json);
    // A template's own text must not contain the placeholder characters either, for the same reason.
    loaded = {
      engine: new ACData.Template(JSON.parse(json)),
      keep: bindings.keep,
      shapeSafe: bindings.shapeSafe && !HAS_PLACEHOLDER_CHARACTER.test(json),
    };
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
const ANY_PLACEHOLDER = /\uE000(\d+)\uE001/;
const HAS_PLACEHOLDER_CHARACTER = /[\uE000\uE001]/;

/**
 * The shape of the data as a string, in one pass and without building the placeholder data (needed only when a
 * shape is new): '#' for each value a placeholder stands in for (collected into `values`, in the order
 * abstractValue numbers them), JSON (or one letter for booleans, null and undefined) for everything that is part of the shape.
 */
function shapeKey(value: unknown, kept: boolean, keep: ReadonlySet<string>, values: unknown[]): string {
  switch (typeof value) {
    case 'string':
    case 'number':
      if (kept || value === '' || value === 0) return JSON.stringify(value);
      values.push(value);
      return '#';
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      // Objects, arrays and null are handled below; functions, symbols and bigints cannot be in card data.
      break;
  }
  if (value === null) return 'n';
  if (Array.isArray(value)) {
    let key = '[';
    for (const item of value) key += `${shapeKey(item, kept, keep, values)},`;
    return `${key}]`;
  }
  if (typeof value === 'object') {
    let key = '{';
    for (const name in value)
      key += `${encodedName(name)}${shapeKey((value as Record<string, unknown>)[name], kept || keep.has(name), keep, values)},`;
    return `${key}}`;
  }
  return JSON.stringify(value) ?? 'u';
}

/** Property names as JSON with a colon, remembered: data objects use the same few dozen names on every render. */
const encodedNames = new Map<string, string>();

function encodedName(name: string): string {
  let encoded = encodedNames.get(name);
  if (encoded === undefined) {
    encoded = `${JSON.stringify(name)}:`;
    if (encodedNames.size < 10_000) encodedNames.set(name, encoded);
  }
  return encoded;
}

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
    for (const [key, item] of Object.entries(value))
      out[key] = abstractValue(item, kept || keep.has(key), keep, values);
    return out;
  }
  return value;
}

/** An expanded shape, compiled: builds a fresh card from the values that belong in its placeholders. */
type ExpandedShape = (values: readonly unknown[]) => AdaptiveCardJson;

/**
 * Compiles an expanded shape into a function whose body is the card as one object literal, with `v[i]` where a
 * placeholder was: V8 builds such a literal far faster than a generic copy (or JSON.parse) of the same card. Only
 * constants from our own templates (JSON-encoded, so valid literals) and placeholder indexes go into the code;
 * values arrive as the argument at run time and are never scanned or evaluated. A string that is exactly one
 * placeholder becomes the value itself, as in a direct expansion (a number stays a number); placeholders inside
 * longer text become text.
 */
function compileShape(expanded: unknown): ExpandedShape {
  // The code is built only from our own templates' JSON-encoded constants (see above), never from user text.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('v', `return ${literal(expanded)};`) as ExpandedShape;
}

function literal(node: unknown): string {
  if (typeof node === 'string') {
    const whole = ONE_PLACEHOLDER.exec(node);
    if (whole) return `v[${Number(whole[1])}]`;
    if (!node.includes(OPEN)) return JSON.stringify(node);
    const pieces = node
      .split(ANY_PLACEHOLDER)
      .map((piece, i) => (i % 2 === 0 ? JSON.stringify(piece) : `String(v[${Number(piece)}])`));
    return `(${pieces.join(' + ')})`;
  }
  if (Array.isArray(node)) return `[${node.map(literal).join(', ')}]`;
  if (node !== null && typeof node === 'object') {
    return `{${Object.entries(node)
      .map(([key, item]) => {
        // In a literal, "__proto__" would set the prototype instead of a property; no template has one.
        if (key === '__proto__') throw new Error('A card template may not use the key "__proto__".');
        return `${JSON.stringify(key)}: ${literal(item)}`;
      })
      .join(', ')}}`;
  }
  return JSON.stringify(node);
}

/**
 * Shapes are few (a handful per template and task), so the bound only guards against a pathological stream of
 * distinct list lengths. Nothing in an entry depends on anything but its key, so it is safe across instances.
 */
const SHAPE_CACHE_LIMIT = 2000;
const expandedShapes = new Map<string, ExpandedShape>();

function remember(key: string, expanded: ExpandedShape): void {
  expandedShapes.set(key, expanded);
  if (expandedShapes.size > SHAPE_CACHE_LIMIT) expandedShapes.delete(expandedShapes.keys().next().value as string);
}

/**
 * In a jest worker every render is also expanded directly and must come out identical, so the whole suite checks the
 * shape cache against adaptivecards-templating on every card it builds. Jest's own marker, not NODE_ENV=test: bot
 * processes started by tests (and any deployment that sets NODE_ENV=test) would otherwise pay a full expansion on
 * every card, which the cache exists to avoid.
 */
const VERIFY_EVERY_RENDER = process.env.JEST_WORKER_ID !== undefined;

function verifyAgainstDirectExpansion(
  name: string,
  template: LoadedTemplate,
  data: object,
  card: AdaptiveCardJson,
): void {
  const direct = expandDirectly(template, data);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(direct)), JSON.parse(JSON.stringify(card)))) {
    throw new Error(
      `cards/${name}.json: the shape-cached render differs from a direct expansion for ${JSON.stringify(data).slice(0, 500)}`,
    );
  }
}

/**
 * Teams renders a subset of Markdown in TextBlocks. Names and answers typed by people are shown
 * as written, not as formatting or links.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
