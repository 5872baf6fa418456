/** The two cell values with a fixed meaning in every quasi-identifier column. */

/** A cell blanked by generalisation to the top of its hierarchy or by local suppression. */
export const SUPPRESSED = '*';

/** The question was not asked, declined, answered "don't know", or the answer is not usable. */
export const UNKNOWN = 'unknown';
