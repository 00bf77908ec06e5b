/**
 * Typed replies to the questionnaire, as an admin who prefers the keyboard answers it: each question is matched by its
 * wording and the first match wins, so a scenario's overrides go before the defaults. The defaults describe a new
 * tenant with one forest, password hash sync and fewer than 100,000 objects; the questions about an existing sync
 * server only come up when a scenario says one runs today.
 */
export type TypedAnswers = ReadonlyArray<readonly [RegExp, string]>;

const DEFAULTS: TypedAnswers = [
  [/syncs your Active Directory/i, 'nothing'],
  [/build runs/i, 'latest'],
  [/Windows Server version/i, '2022'],
  [/staging mode/i, 'no'],
  [/reach every domain/i, 'yes'],
  [/forests/i, '1'],
  [/sign in/i, 'phs'],
  [/devices/i, 'none'],
  [/largest AD domain/i, 'under 100k'],
  [/in total/i, 'under 100k'],
  [/50,000 members/i, 'no'],
  [/customizations/i, 'none'],
  [/also need|use today, or need/i, 'none'],
  [/Enterprise Admin/i, 'yes'],
];

export function typedAnswers(overrides: TypedAnswers = []): TypedAnswers {
  return [...overrides, ...DEFAULTS];
}
