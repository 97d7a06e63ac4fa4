/** Starting points shown on an empty conversation; each is a question the basic mode answers well. */
export const exampleQuestions: readonly string[] = [
  "Where do they work now?",
  "What databases do they know?",
  "What did they study?",
  "Which projects have they built?",
];
