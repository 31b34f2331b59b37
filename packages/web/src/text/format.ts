/**
 * @module text/format
 * How numbers, dates and codes are shown: scores as whole percentages, times in the analyst's locale,
 * country codes with their English name.
 */

/** 0.733 → "73%". */
/** A whole number with thousands separators: 1,834. */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A score difference as percentage points: -0.3 → "30 percentage points". */
export function points(delta: number): string {
  // Contributions come rounded to 0.001, so one decimal of a point shows them exactly.
  const p = Math.round(Math.abs(delta) * 1000) / 10;
  const shown = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return `${shown} percentage point${shown === '1' ? '' : 's'}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp as "4 Dec 2026, 18:42" in the analyst's time zone; anything else as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

let regionNames: Intl.DisplayNames | undefined;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
} catch {
  // Older engines lack DisplayNames: codes are then shown alone, which is still correct.
  regionNames = undefined;
}

/** "KP" → "North Korea (KP)"; a value that is not a two-letter code is shown as it is. */
export function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  const upper = code.toUpperCase();
  let name: string | undefined;
  try {
    name = regionNames?.of(upper);
  } catch {
    // DisplayNames refuses codes it does not know (XK in some engines): the code alone is shown.
    name = undefined;
  }
  return name && name !== upper ? `${name} (${upper})` : upper;
}

/** Words for API codes: "pending_approval" → "pending approval". */
export function humanise(code: string): string {
  return code.replace(/_/g, ' ');
}
