/**
 * Messages in people's own words for the benchmarks: read-only ones (a turn changes nothing, so a round can repeat
 * them) and questions for the guide. None is in the held-out test set. Due dates are measured apart: the date
 * recognizer alone costs milliseconds, and only messages already read as a due date call it.
 */
export const READ_ONLY_PARAPHRASES: readonly string[] = [
  'what do we work on now?',
  'how is the plan going',
  'show every task we have',
  'who changed what lately',
  'why did you recommend this tool',
  'what can this bot do',
  'what outbound urls does the provisioning agent need?',
  'how do i check that users are syncing?',
  'what should i tackle next',
  'where are we with the rollout',
];

export const DUE_DATE_PARAPHRASES: readonly string[] = [
  'the configuration is due next friday',
  'task 5 due dec 18',
  'verification by the end of the month',
];
