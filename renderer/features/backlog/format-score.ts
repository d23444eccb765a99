/** Scores with one fixed precision everywhere (7.60 next to 7.61, never 7.6 next to 7.61). */
export const formatScore = (score: number): string => score.toFixed(2);
