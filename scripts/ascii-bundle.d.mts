/** See ascii-bundle.mjs. */
export function toAscii(
  text: string,
): Promise<{ text: string } | { reason: string; text?: undefined }>;
