/**
 * @module generated-stream
 * A stream of payment messages for fault tests and benchmarks, built from real sample messages (an MT103
 * and its pacs.008 twin): each copy gets its own reference and UETR, and an ordering customer and a
 * beneficiary drawn from names given (listed names, so that some payments hold or block) or made up by
 * a seeded name generator (so that most pass, and screening meets names it has not seen). Some messages
 * can be made unreadable on purpose. Deterministic for a seed.
 */

export interface PaymentTemplate {
  /** The sample message, as read. */
  text: string;
  /** Strings of the sample replaced in each copy: its reference, UETR, debtor's and creditor's names. */
  reference: string;
  uetr: string;
  debtor: string;
  creditor: string;
}

export interface StreamOptions {
  count: number;
  templates: readonly PaymentTemplate[];
  /** Names to use for some parties (e.g. listed names); the rest are generated. */
  names?: readonly string[];
  /** Share of parties named from `names` (default 0.1). */
  namedShare?: number;
  /** Share of messages made unreadable (default 0). */
  malformedShare?: number;
  seed?: number;
}

export interface GeneratedMessage {
  raw: string;
  /** The message id the parser will give it (its UETR), or undefined for an unreadable one. */
  messageId: string | undefined;
}

/** A small seeded generator (mulberry32): the same seed, the same stream. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ri',
  'mon',
  'tel',
  'sa',
  'dor',
  'vin',
  'le',
  'bra',
  'to',
  'nes',
  'gal',
  'mi',
  'ros',
  'fen',
  'ul',
  'dar',
  'e',
  'sto',
  'lin',
];
const FORMS = ['LTD', 'GMBH', 'SA', 'LLC', 'PTE LTD', 'BV', 'SRL', ''];

function madeUpName(next: () => number): string {
  const word = () =>
    Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)])
      .join('')
      .toUpperCase();
  const form = FORMS[Math.floor(next() * FORMS.length)];
  return [word(), word(), form].filter(Boolean).join(' ');
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Escapes a name for XML text. */
function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function generatePaymentStream(options: StreamOptions): GeneratedMessage[] {
  const next = random(options.seed ?? 1);
  const names = options.names ?? [];
  const namedShare = options.namedShare ?? 0.1;
  const malformedShare = options.malformedShare ?? 0;
  const party = () => (names.length > 0 && next() < namedShare ? names[Math.floor(next() * names.length)] : madeUpName(next));
  return Array.from({ length: options.count }, (_, i) => {
    const template = options.templates[i % options.templates.length];
    const xml = template.text.trimStart().startsWith('<');
    // MT fields hold 35 characters a line, and a name no more than the line.
    const fit = (name: string) => (xml ? xmlText(name) : name.slice(0, 33));
    const uetr = uuidFrom(next);
    const reference = `GEN${String(i).padStart(9, '0')}`;
    let raw = template.text
      .split(template.uetr)
      .join(uetr)
      .split(template.reference)
      .join(reference)
      .split(template.debtor)
      .join(fit(party()))
      .split(template.creditor)
      .join(fit(party()));
    if (next() < malformedShare) {
      // Unreadable as payments: an MT message cut before its end, XML cut inside an element.
      raw = raw.slice(0, Math.floor(raw.length / 2));
      return { raw, messageId: undefined };
    }
    return { raw, messageId: uetr };
  });
}
