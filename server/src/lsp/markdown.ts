// Writing the writer's own text into Markdown (hovers) so that it shows as typed and does nothing
// else: no image fetched (`![t](https://…)`), no link or command (`[x](command:…)`, bare URLs), no
// HTML (`<img>`). And turning that Markdown into plain text for a client that shows hovers as
// plaintext.

/** Every ASCII punctuation character, which CommonMark lets a backslash make literal. */
const punctuation = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** The text as literal Markdown: each punctuation character backslash-escaped, line breaks as spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(punctuation, '\\$&');
}

/** The text as inline code, which Markdown never interprets; text with a backtick is escaped instead. */
export function inlineCode(text: string): string {
  const single = text.replace(/\r\n|\r|\n/g, ' ');
  return single.includes('`') ? escapeMarkdown(single) : `\`${single}\``;
}

/**
 * The plain text of the Markdown hovers are written in: bold, strike-through, code spans, quotes and
 * rules dropped, escapes undone. (It reads only what hover.ts writes, not Markdown at large.)
 */
export function markdownToPlainText(markdown: string): string {
  let plain = '';
  for (const line of markdown.split('\n')) {
    if (line.trim() === '---') {
      plain += '\n';
      continue;
    }
    plain += `${plainLine(line.replace(/^> /, ''))}\n`;
  }
  return plain.replace(/\n{3,}/g, '\n\n').trim();
}

function plainLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1])) {
      out += line[++i];
    } else if (char === '`') {
      const close = line.indexOf('`', i + 1);
      if (close < 0) out += char;
      else {
        out += line.slice(i + 1, close);
        i = close;
      }
    } else if ((char === '*' || char === '~') && line[i + 1] === char) {
      i++;
    } else {
      out += char;
    }
  }
  return out;
}
