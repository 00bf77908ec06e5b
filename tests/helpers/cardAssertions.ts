/**
 * The checks every rendered card must pass (DESIGN.md "Cards"): it parses cleanly in the Adaptive Cards SDK,
 * has no unexpanded `${`, stays under Teams' 28 KB post budget, and every Action.Execute carries a verb.
 */
// The SDK's lib/ build is ESM without extensions and cannot be required in Node; the UMD bundle can.
const AC: typeof import('adaptivecards') = require('adaptivecards/dist/adaptivecards.js');

export const CARD_BYTE_BUDGET = 28 * 1024;

export interface CardProblems {
  readonly sdkEvents: string[];
  readonly unexpanded: boolean;
  readonly utf16Bytes: number;
  readonly executeWithoutVerb: number;
}

export function inspectCard(card: object): CardProblems {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const sdkEvents: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    sdkEvents.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents)
    sdkEvents.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);

  const json = JSON.stringify(card);
  const activity = JSON.stringify({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
  let executeWithoutVerb = 0;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && (typeof node.verb !== 'string' || node.verb.length === 0))
      executeWithoutVerb++;
  });
  return {
    sdkEvents,
    unexpanded: json.includes('${'),
    utf16Bytes: Buffer.byteLength(activity, 'utf16le'),
    executeWithoutVerb,
  };
}

/** Jest-friendly: throws with a readable list when a card breaks any rule. */
export function expectValidCard(card: object): void {
  const problems = inspectCard(card);
  const messages: string[] = [...problems.sdkEvents];
  if ((card as { version?: string }).version !== '1.5')
    messages.push(`version is ${(card as { version?: string }).version}, expected 1.5`);
  if (problems.unexpanded) messages.push('contains an unexpanded ${…} binding');
  if (problems.utf16Bytes >= CARD_BYTE_BUDGET)
    messages.push(`is ${problems.utf16Bytes} bytes as UTF-16, over the 28 KB budget`);
  if (problems.executeWithoutVerb > 0) messages.push(`${problems.executeWithoutVerb} Action.Execute without a verb`);
  if (messages.length > 0) throw new Error(`Invalid card:\n- ${messages.join('\n- ')}`);
}

/** Every Action.Execute in the card, for tests that check verbs and data. */
export function executeActions(card: object): Array<{ title?: string; verb: string; data?: Record<string, unknown> }> {
  const found: Array<{ title?: string; verb: string; data?: Record<string, unknown> }> = [];
  walk(card, (node) => {
    if (node.type === 'Action.Execute') found.push(node as never);
  });
  return found;
}

/** All text shown on the card (TextBlock text, FactSet titles and values, action titles), for content assertions. */
export function cardText(card: object): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder'] as const) {
      if (typeof node[key] === 'string') parts.push(node[key]);
    }
  });
  return parts.join('\n');
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((item) => walk(item, visit));
  }
}
