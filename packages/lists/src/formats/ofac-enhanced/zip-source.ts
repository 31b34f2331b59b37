/**
 * @module formats/ofac-enhanced/zip-source
 * OFAC distributes the enhanced XML zipped (SDN_ENHANCED.ZIP, CONS_ENHANCED.ZIP, one .XML inside). This
 * opens either form as an XML source: a zip is inflated as it is read (fflate's streaming Unzip), so the
 * ~100 MB SDN_ENHANCED.XML is never held whole in memory.
 * @example const xml = await enhancedXmlSource(listFile('CONS_ENHANCED.ZIP')) // xml.name: 'CONS_ENHANCED.ZIP!CONS_ENHANCED.XML'
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { isEmbargoError, listParseError } from '@embargo/core';
import type { ListFile } from '../../format.js';
import { xmlFileSource, type XmlSource } from '../ofac-xml/xml-stream.js';
import { checkZipFile, ENHANCED_ZIP_LIMITS, UnpackBudget, type ZipLimits } from '../../zip-bounds.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", a zip's first local file header

/** The XML of a .xml file, or of the first .xml member of a zip (recognised by its bytes, not its name). */
export async function enhancedXmlSource(file: ListFile, limits: ZipLimits = ENHANCED_ZIP_LIMITS): Promise<XmlSource> {
  const chunks = xmlFileSource(file).chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? new Uint8Array() : first.value;
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      if (head.length) yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    },
  };
  const isZip = ZIP_MAGIC.every((byte, i) => head[i] === byte);
  if (!isZip) return { name: file.name, chunks: rest };
  // The archive's directory is checked before anything is inflated: an archive bomb is refused unread.
  await checkZipFile(file.path, file.name, limits);
  const source: XmlSource = { name: file.name, chunks: rest };
  source.chunks = inflateXmlMember(file, rest, source, new UnpackBudget(file.name, limits));
  return source;
}

/**
 * Inflates the first .xml member while the zip is read; `source.name` becomes `<zip>!<member>`, so
 * errors and issues point into the member. A truncated or corrupt archive is a LIST_PARSE error.
 */
async function* inflateXmlMember(
  file: ListFile,
  zipBytes: AsyncIterable<Uint8Array>,
  source: XmlSource,
  budget: UnpackBudget,
): AsyncGenerator<Uint8Array> {
  const inflated: Uint8Array[] = [];
  let member: UnzipFile | undefined;
  let bytesOut = 0;
  let finished = false;
  let failure: unknown;
  const unzip = new Unzip((entry) => {
    if (member || !/\.xml$/i.test(entry.name)) return; // other members are skipped unread
    member = entry;
    source.name = `${file.name}!${entry.name}`;
    entry.ondata = (err, data, final) => {
      if (err) failure ??= err;
      else {
        // The real output, whatever the header declared: stops a bomb that lies about its size.
        try {
          budget.spend(data.length, entry.name);
        } catch (e) {
          failure ??= e;
          return;
        }
        inflated.push(data);
        bytesOut += data.length;
        finished ||= final;
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const corrupt = (cause?: unknown) =>
    listParseError(file.name, undefined, `zip archive is corrupt or truncated${member ? ` (in ${member.name})` : ''}`, cause);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (e) {
      throw corrupt(e);
    }
    if (failure) throw isEmbargoError(failure) ? failure : corrupt(failure);
  };
  for await (const chunk of zipBytes) {
    push(chunk, false);
    while (inflated.length) yield inflated.shift()!;
  }
  push(new Uint8Array(), true);
  while (inflated.length) yield inflated.shift()!;
  if (!member) throw listParseError(file.name, undefined, 'zip archive holds no .xml file');
  // A damaged deflate stream can inflate to the wrong length without an error; the header states the length.
  if (!finished || (member.originalSize !== undefined && member.originalSize !== bytesOut)) throw corrupt();
}
