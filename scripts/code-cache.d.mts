/** Types for code-cache.mjs (a plain script, so start.mjs runs it without a build step). */
export function runWithCodeCache(
  file: string,
  cacheFile: string,
  options?: { writeAfterMs?: number },
): { cacheUsed: boolean };
