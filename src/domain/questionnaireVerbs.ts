/**
 * The card data of the questionnaire family: the question cards' buttons, the start-over confirmation's, and a
 * recommendation's "Answer now". actions/questionnaireActions.ts owns them (it is the only code that reads them back
 * from a submit); they live down here because the question and recommendation cards put them on buttons, and cards
 * may not import actions (see domain/taskVerbs.ts). They are `Action.Submit` data, not `Action.Execute` verbs: they
 * feed a per-person dialog that runs in message turns.
 */

/** The navigation buttons of a question card (question.json spells "back" and "cancel" itself). */
export const QUESTION_NAVS = ['back', 'cancel', 'startOver', 'help'] as const;
export type QuestionNav = (typeof QUESTION_NAVS)[number];

/** The two buttons of the start-over confirmation. */
export const START_OVER_CHOICES = ['startOver', 'keep'] as const;
export type StartOverChoice = (typeof START_OVER_CHOICES)[number];

/** The `data` of every questionnaire button, as the dialog reads it back from `activity.value`. */
export interface QuestionSubmit {
  /** The run the card was sent in; a different run means the card is stale. */
  readonly questionnaire: string;
  readonly question?: string;
  /** A choice value; multi-select "Continue" sends the ticked options as the `selection` input instead. */
  readonly answer?: string;
  readonly nav?: QuestionNav;
  readonly confirm?: StartOverChoice;
}

/**
 * The `data` of an "Answer now" button under an assumption. A submit, not an execute: it reopens the
 * person's questionnaire, which runs in message turns like the question cards.
 */
export interface RefineSubmit {
  readonly refine: string;
  readonly decisionId: string;
  readonly owner: string;
}
