/** An error S3 would answer, with its HTTP status and code, so the AWS SDK maps it to the same exception. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|apos|quot|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }[name] ?? '';
  });

export type XmlValue = string | number | boolean | undefined | XmlNode | XmlNode[];
export interface XmlNode {
  [element: string]: XmlValue;
}

const render = (name: string, value: XmlValue): string => {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => render(name, v)).join('');
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => render(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
};

/** An S3 XML document: `root` holds the elements in order; arrays repeat an element. */
export const xmlDocument = (root: string, body: XmlNode): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, body).replace(`<${root}>`, `<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`)}`;

export const errorDocument = (err: S3Error, resource: string, requestId: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${render('Error', { Code: err.code, Message: err.message, Resource: resource, RequestId: requestId })}`;

/** The raw inside of each `<name>` element of `xml` (S3 request bodies are flat enough for this). */
export const blocks = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1] ?? '');

/** The text of each `<name>` element of `xml`. */
export const elements = (xml: string, name: string): string[] => blocks(xml, name).map((b) => unescapeXml(b).trim());

export const element = (xml: string, name: string): string | undefined => elements(xml, name)[0];
