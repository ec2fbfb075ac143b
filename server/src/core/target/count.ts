import type { PromptUnit } from '../models/types';

// Counting a prompt the way each vendor limits it. UTF-16 code units are what JavaScript's `length`
// counts and what Runway documents (an emoji is 2); characters are Unicode code points (an emoji is
// 1, a CJK ideograph is 1); words are runs of non-space; tokens are an estimate (see below).

export function countPrompt(text: string, unit: PromptUnit): number {
  switch (unit) {
    case 'utf16':
      return text.length;
    case 'characters':
      return codePoints(text);
    case 'words':
      return words(text);
    case 'tokens':
      return approximateTokens(text);
  }
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function words(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/**
 * An estimate, not the model's tokenizer (which the core does not ship): about four characters of
 * Latin-script text per token, one token per CJK character (ideographs, kana, hangul), and at least
 * one per word and per punctuation mark. It errs on the high side, so a prompt under the estimate is
 * very likely under the limit.
 */
export function approximateTokens(text: string): number {
  let tokens = 0;
  for (const piece of text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []) {
    if (/^[\p{L}\p{N}]+$/u.test(piece) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(piece)) {
      tokens += Math.max(1, Math.ceil(codePoints(piece) / 4));
    } else {
      tokens += 1;
    }
  }
  return tokens;
}

export const unitNames: Record<PromptUnit, [one: string, many: string]> = {
  utf16: ['UTF-16 code unit', 'UTF-16 code units'],
  characters: ['character', 'characters'],
  words: ['word', 'words'],
  tokens: ['token (approximate)', 'tokens (approximate)'],
};

export function describeCount(count: number, unit: PromptUnit): string {
  const [one, many] = unitNames[unit];
  return `${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${count === 1 ? one : many}`;
}
