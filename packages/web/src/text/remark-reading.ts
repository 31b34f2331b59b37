/**
 * @module text/remark-reading
 * A record's remark read once (issue 16 point 7). OFAC writes a record's facts into one remark ("DOB 01
 * Nov 1986; Gender Male; Secondary sanctions risk: …"); the parser reads each item into a field (birth
 * date, gender, sanctionsNote) and keeps the whole text as `notes`. Shown as it was, the profile said
 * everything twice: once in the fields and once in the remark. Here the remark is cut into its items and
 * the items a field already shows are left out; the whole text stays available on demand.
 */
import type { Entity } from '../api/types';

/** The properties that hold remark text itself rather than a fact read from it. */
const REMARK_PROPERTIES = new Set(['notes']);

/** OFAC separates a remark's items with semicolons (lists ofac-common/remarks.ts splitRemarkItems). */
const ITEM_SEPARATOR = /;\s+/;

/** Shorter values ("M", "RU", "1986") are found inside unrelated words; they say nothing about an item. */
const MIN_EVIDENCE_LENGTH = 4;

export interface RemarkReading {
  /** The sanctions treatment the list states, item by item (sanctionsNote). */
  treatment: string[];
  /** The items of the remark no field of the profile shows, in the list's order. */
  unread: string[];
  /** The remark as the list writes it; worth offering only when the items above leave something out. */
  raw: string[];
  /** Whether some of the remark was read into fields, so the raw text differs from what is shown. */
  partlyRead: boolean;
}

function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

/**
 * The texts a remark item can be recognised by: every value of every other field, and the text the list
 * wrote it as (`original`, e.g. "01 Nov 1986" for the birth date 1986-11-01).
 */
function evidenceOf(entity: Entity): string[] {
  const evidence: string[] = [];
  for (const [property, statements] of Object.entries(entity.properties)) {
    if (REMARK_PROPERTIES.has(property)) continue;
    for (const s of statements ?? []) {
      for (const text of [s.value, s.original]) if (text && text.length >= MIN_EVIDENCE_LENGTH) evidence.push(folded(text));
    }
  }
  return evidence;
}

/**
 * A fact item is a short label and a value ("DOB 01 Nov 1986", "Place of Birth Pyongyang, Korea, North",
 * "Passport 563120368 (Korea, North)"): it is shown elsewhere when a field holds the value that follows
 * the label. Anything else is recognised only whole (a sanctions treatment kept as sanctionsNote): a
 * country named inside a sentence ("Served as the KOMID representative in Iran") does not make it read.
 */
const MAX_LABEL_WORDS = 4;

function isShownElsewhere(item: string, evidence: readonly string[]): boolean {
  return evidence.some((e) => {
    if (item === e) return true;
    const at = item.indexOf(e);
    return at >= 0 && item.slice(0, at).split(' ').filter(Boolean).length <= MAX_LABEL_WORDS;
  });
}

/**
 * The remark of `entity`: its treatment, the items no field shows, and the raw text. `shownElsewhere`
 * are other texts the page shows in full, such as the relationships' source texts ("Linked To: GEFEST-M
 * LLC"), which the Relationships section quotes.
 */
export function readRemark(entity: Entity, shownElsewhere: readonly string[] = []): RemarkReading {
  const treatment = (entity.properties.sanctionsNote ?? []).map((s) => s.value);
  const raw = (entity.properties.notes ?? []).map((s) => s.value).filter((t) => t.trim() !== '');
  const evidence = [...evidenceOf(entity), ...shownElsewhere.map(folded).filter((t) => t.length >= MIN_EVIDENCE_LENGTH)];
  const unread: string[] = [];
  let partlyRead = false;
  for (const note of raw) {
    const items = note
      .split(ITEM_SEPARATOR)
      .map((i) => i.trim())
      .filter(Boolean);
    const left = items.filter((item) => !isShownElsewhere(folded(item), evidence));
    if (left.length < items.length) partlyRead = true;
    // A remark nothing was read from is prose (a UN comment): shown whole, not cut at its semicolons.
    unread.push(...(left.length === items.length ? [note] : left));
  }
  return { treatment, unread, raw, partlyRead };
}
