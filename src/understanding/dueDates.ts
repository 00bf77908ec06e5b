/**
 * Natural dates ("next friday", "dec 15", "in two weeks", "end of the month", "tomorrow") to the calendar
 * day a due date means, in UTC like every due date of the plan, through Microsoft's recognizers.
 *
 * The recognizer takes around 15 ms a call, so it runs only for messages already read as a due date.
 */
import { Culture, recognizeDateTime } from '@microsoft/recognizers-text-suite';

interface Resolution {
  readonly type?: string;
  readonly value?: string;
  readonly start?: string;
  readonly end?: string;
  readonly Mod?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day `text` names, as YYYY-MM-DD, or undefined when it names none. `now` decides "tomorrow" and which
 * year "dec 15" means (the next one that has not passed). A range ("next week", "end of the month", "in two
 * weeks") means its last day; "by monday" means that monday.
 */
export function recognizeDueDay(text: string, now: Date): string | undefined {
  const today = now.toISOString().slice(0, 10);
  // The recognizer reads UTC fields of the reference; noon keeps the day stable whatever it does with the clock.
  const reference = new Date(`${today}T12:00:00Z`);
  const found = safeRecognize(text, reference) ?? safeRecognize(text.replace(/\bby\b/g, ' '), reference);
  if (!found) return undefined;
  for (const result of found) {
    if (!result.typeName.startsWith('datetimeV2.date')) continue;
    const days = (result.resolution?.values ?? []).map(dayOf).filter((day): day is string => day !== undefined);
    const upcoming = days.filter((day) => day >= today);
    const pick = upcoming[0] ?? days[days.length - 1];
    if (pick) return pick;
  }
  return undefined;
}

function dayOf(resolution: Resolution): string | undefined {
  if (resolution.type === 'date' && resolution.value && DAY.test(resolution.value)) return resolution.value;
  if (resolution.type === 'daterange') {
    if (resolution.Mod === 'before' && resolution.end && DAY.test(resolution.end)) return resolution.end;
    if (resolution.end && DAY.test(resolution.end)) return previousDay(resolution.end);
    if (resolution.start && DAY.test(resolution.start)) return resolution.start;
  }
  return undefined;
}

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

type Recognized = ReadonlyArray<{ typeName: string; resolution?: { values?: Resolution[] } }>;

/** Version 1.1.4 throws on some phrasings ("by the end of the month"): a failure is "no date", never a crash. */
function safeRecognize(text: string, reference: Date): Recognized | undefined {
  try {
    const results = recognizeDateTime(text, Culture.English, undefined, reference) as unknown as Recognized;
    return results.length > 0 ? results : undefined;
  } catch {
    return undefined;
  }
}
