/**
 * Turns free user input into a safe FTS5 query: every word becomes a quoted prefix term
 * (`"pay"*`), all terms must match. Splitting on the same characters FTS5's unicode61
 * tokenizer splits on means operators (`OR`, `NEAR`), quotes, `*`, `:` and parentheses lose
 * their syntax meaning and can never make MATCH throw. Returns null when nothing searchable
 * is left (the caller then does not filter).
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  // Quotes cannot occur inside a word after the split, so no escaping is needed.
  return words
    .slice(0, 32)
    .map((w) => `"${w}"*`)
    .join(' ');
}
