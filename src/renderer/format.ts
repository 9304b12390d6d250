/** Number formatting the UI shares; the same output in every locale the browser might have. */

/** `1234567` → `1,234,567`; null → an empty string. */
export function formatCount(n: number | null): string {
  if (n === null) return '';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A file size split into a unit and a figure a person reads. */
export function sizeParts(bytes: number): { unit: 'bytes' | 'kilobytes' | 'megabytes'; text: string } {
  if (bytes < 1024) return { unit: 'bytes', text: formatCount(bytes) };
  if (bytes < 1024 * 1024) return { unit: 'kilobytes', text: (bytes / 1024).toFixed(1) };
  return { unit: 'megabytes', text: (bytes / 1024 / 1024).toFixed(1) };
}
