// RFC 5545 §3.1: content lines are folded so that no line is longer than 75 OCTETS, excluding the line
// break; a continuation line starts with one space. Octets, not characters: "é" is two, "€" three, and a
// fold never splits a multi-byte UTF-8 sequence (it would make the feed invalid UTF-8).

const encoder = new TextEncoder();
const octets = (ch: string) => encoder.encode(ch).length;

function foldLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    // the first line holds `limit` octets; a continuation line holds its leading space plus limit - 1
    const room = out.length === 0 ? limit : limit - 1;
    if (size + n > room) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.map((part, i) => (i === 0 ? part : ` ${part}`));
}

/** Unfolds whatever folding the text has, then folds every content line at `limit` octets, CRLF-joined. */
export function foldIcs(text: string, limit = 75): string {
  const logical: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const ended = logical.at(-1) === '';
  if (ended) logical.pop();
  return logical.flatMap((l) => foldLine(l, limit)).join('\r\n') + (ended ? '\r\n' : '');
}
