import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedList } from '../../../../../test/shared-data.js';
import { readPlainXml } from './plain-xml.js';

type XmlEvent = ['open', string, Record<string, string>, number] | ['close'] | ['text', string];

/** Consecutive texts joined, as the record reader joins them. */
function joinTexts(events: XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  for (const event of events) {
    const last = out.at(-1);
    if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
    else out.push(event);
  }
  return out;
}

function plainEvents(xml: string): XmlEvent[] | 'not plain' {
  const events: XmlEvent[] = [];
  const read = readPlainXml(xml, {
    open: (name, attributes, line) => events.push(['open', name, { ...attributes }, line]),
    close: () => events.push(['close']),
    text: (text) => events.push(['text', text]),
  });
  return read ? joinTexts(events) : 'not plain';
}

/** The reference: saxes as the record reader drives it, text outside the root left out. */
function saxesEvents(xml: string): XmlEvent[] | 'rejected' {
  const parser = new SaxesParser({ position: true });
  const events: XmlEvent[] = [];
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    events.push(['open', tag.name, { ...(tag.attributes as Record<string, string>) }, parser.line]);
  });
  parser.on('closetag', () => {
    depth--;
    events.push(['close']);
  });
  parser.on('text', (text) => void (depth > 0 && events.push(['text', text])));
  parser.on('cdata', (text) => void events.push(['text', text]));
  try {
    parser.write(xml);
    parser.close();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return 'rejected';
  }
  return joinTexts(events);
}

/** Either the plain reader declines, or it reports exactly what saxes reports. */
function expectSameAsSaxes(xml: string): void {
  const plain = plainEvents(xml);
  if (plain !== 'not plain') expect(plain).toEqual(saxesEvents(xml));
}

describe('readPlainXml', () => {
  it.for(['2017-07-03', '2018-10-29', '2026-02-27'])('reads the UN list of %s as plain XML, event for event as saxes', (date, { skip }) => {
    if (!hasShared(`un-sc/${date}/consolidated.xml`)) return skip();
    const xml = new TextDecoder().decode(readFileSync(sharedList(`un-sc/${date}/consolidated.xml`)));
    const plain = plainEvents(xml);
    expect(plain).not.toBe('not plain');
    expect(plain).toEqual(saxesEvents(xml));
  });

  it.each([
    {
      why: 'declaration, entities, an empty element and a line break inside a tag',
      xml: '<?xml version="1.0" encoding="UTF-8"?>\n<R a="1" b="2">\n<A\n>x &amp; &lt;y&gt; &quot;&apos;</A ><B/><C />\n</R>\n',
    },
    { why: 'an empty root', xml: '<R/>' },
    { why: 'the UN declaration with standalone', xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><R></R>' },
    { why: 'names with digits, dots, dashes and underscores', xml: '<R><_a.b-c1>x</_a.b-c1></R>' },
  ])('reads $why as saxes does', ({ xml }) => {
    const plain = plainEvents(xml);
    expect(plain).not.toBe('not plain');
    expect(plain).toEqual(saxesEvents(xml));
  });

  it.each([
    { why: 'a comment', xml: '<R><!-- x --></R>' },
    { why: 'CDATA', xml: '<R><![CDATA[x]]></R>' },
    { why: 'a numeric character reference', xml: '<R>&#65;</R>' },
    { why: 'an attribute below the root', xml: '<R><A x="1"/></R>' },
    { why: 'a single-quoted attribute', xml: "<R a='1'/>" },
    { why: 'an attribute value with an entity', xml: '<R a="&amp;"/>' },
    { why: 'CR line ends, which XML turns into LF', xml: '<R>\r\n<A>x</A></R>' },
    { why: 'a namespaced element', xml: '<R><x:A/></R>' },
    { why: 'a byte-order mark left in the text', xml: '\ufeff<R/>' },
    { why: 'a declaration in another encoding', xml: '<?xml version="1.0" encoding="ISO-8859-1"?><R/>' },
    // What saxes rejects the plain reader declines, so saxes reports it.
    { why: 'an unclosed element', xml: '<R><A>x</R>' },
    { why: 'a closing tag that closes nothing', xml: '<R/></R>' },
    { why: 'a closing tag longer than the open name', xml: '<R><A></AB></R>' },
    { why: 'a second root', xml: '<R/><S/>' },
    { why: 'text outside the root', xml: 'x<R/>' },
    { why: 'an unknown entity', xml: '<R>&nbsp;</R>' },
    { why: 'a bare ampersand', xml: '<R>a & b</R>' },
    { why: '"]]>" in text', xml: '<R>]]></R>' },
    { why: 'a control character', xml: '<R>\u0001</R>' },
    { why: 'a repeated attribute', xml: '<R a="1" a="2"/>' },
    { why: 'attributes without space between them', xml: '<R a="1"b="2"/>' },
    { why: 'nothing at all', xml: '' },
    { why: 'only whitespace', xml: ' \n' },
    { why: 'a truncated document', xml: '<R><A>x</A>' },
  ])('declines $why', ({ xml }) => {
    expect(plainEvents(xml)).toBe('not plain');
  });

  it('never reports a document differently from saxes, plain or broken', () => {
    const piece = fc.constantFrom(
      '<R>',
      '</R>',
      '<A>',
      '</A>',
      '<B/>',
      '<A >',
      '</A >',
      '<A\n>',
      '<R a="1">',
      '<R a="1" b="x y">',
      '<R a="1"a="2">',
      'x',
      'ab c',
      ' ',
      '\n',
      '\t',
      '&amp;',
      '&lt;',
      '&gt;',
      '&quot;',
      '&apos;',
      '&',
      '&x;',
      '&#65;',
      ']]>',
      ']]',
      '>',
      '<',
      '/',
      '"',
      "'",
      '<!-- c -->',
      '<![CDATA[c]]>',
      '<?xml version="1.0"?>',
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?pi x?>',
      '\r',
      '\u0001',
      'é',
      '<AB>',
      '</AB>',
      '<x:A>',
      '<A/ >',
      '< A>',
      '</>',
      '<>',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join('')),
        expectSameAsSaxes,
      ),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed trees as saxes does, and declines them broken by one cut', () => {
    const treeOf = (depth: number): fc.Arbitrary<Tree> =>
      fc.record({
        name: fc.constantFrom('A', 'B', 'LONG_NAME', 'x.y-z'),
        before: fc.constantFrom('', ' ', '\n  ', 'a &amp; b', 'text'),
        children: depth === 0 ? fc.constant([]) : fc.array(treeOf(depth - 1), { maxLength: 3 }),
        selfClosing: fc.boolean(),
        spaceInTag: fc.constantFrom('', ' ', '\n'),
      });
    const document = fc
      .tuple(treeOf(3), fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n'), fc.constantFrom('', '\n'))
      .map(([root, declaration, after]) => `${declaration}<ROOT dateGenerated="2026-02-27">${write(root)}</ROOT>${after}`);
    fc.assert(
      fc.property(document, fc.nat(), (xml, cut) => {
        const plain = plainEvents(xml);
        expect(plain).not.toBe('not plain');
        expect(plain).toEqual(saxesEvents(xml));
        expectSameAsSaxes(xml.slice(0, cut % xml.length));
      }),
      { numRuns: 1000 },
    );
  });
});

interface Tree {
  name: string;
  before: string;
  children: Tree[];
  selfClosing: boolean;
  spaceInTag: string;
}

function write(tree: Tree): string {
  if (tree.selfClosing && tree.children.length === 0) return `${tree.before}<${tree.name}${tree.spaceInTag}/>`;
  return `${tree.before}<${tree.name}${tree.spaceInTag}>${tree.children.map(write).join('')}</${tree.name}${tree.spaceInTag}>`;
}
