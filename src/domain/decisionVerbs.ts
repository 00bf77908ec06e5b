/**
 * The verb strings of the recommendation card's buttons (Accept, "Use … instead"). actions/decisionActions.ts owns
 * them (it parses their data, applies them and answers); they live down here only because the recommendation card
 * puts them on buttons, and cards may not import actions (see domain/taskVerbs.ts).
 */
export const ACCEPT_VERB = 'decision.accept';
export const OVERRIDE_VERB = 'decision.override';
