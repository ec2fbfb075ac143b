import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleFiles } from '../helpers/paths';
import { formatStoryboard } from '../../server/out/lsp/format';
import { parseStoryboard } from '../../server/out/core/parse';

// A byte order mark is only an encoding mark at the start of a file; one further in (two files
// pasted together) used to read as a broken line, then move to the start on formatting and turn
// into a real mark on the next pass: formatting it twice gave two different files.

const mark = '\ufeff';
const format = (text: string) => formatStoryboard(text, parseStoryboard(text));

describe('formatting around a byte order mark', () => {
  it('is idempotent with a mark inserted at every line boundary and every third character of the examples', () => {
    let checked = 0;
    for (const file of [exampleFiles.lighthouse, exampleFiles.problems, exampleFiles.rooftop]) {
      const text = fs.readFileSync(file, 'utf8');
      for (let at = 0; at <= text.length; at++) {
        const boundary = at === 0 || text[at - 1] === '\n' || text[at] === '\n';
        if (!boundary && at % 3 !== 0) continue;
        for (const insert of [mark, `\n${mark}`, `${mark}\n`]) {
          const once = format(text.slice(0, at) + insert + text.slice(at));
          assert.equal(format(once), once, `${path.basename(file)}: ${JSON.stringify(insert)} at ${at}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 3000, `${checked} positions`);
  });

  it('keeps a mark at the start and removes one in the middle', () => {
    const text = fs.readFileSync(exampleFiles.rooftop, 'utf8');
    assert.equal(format(mark + text), mark + text);
    assert.equal(format(`\n${mark}${text}`), text);
    const [first, ...rest] = text.split('\n');
    assert.equal(format([first, mark + rest[0], ...rest.slice(1)].join('\n')), text);
  });
});
