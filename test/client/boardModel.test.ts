import assert from 'node:assert/strict';
import type * as BoardModel from '../../client/out/board/model';
import { requireClient } from '../helpers/clientModules';

const board = requireClient<typeof BoardModel>('board/model');

// What the board page and its host agree on without a browser: which frames the host keeps, where
// a frame is taken, how spend is worded, and which saved page states are read back.

describe('sequence board: the page model', () => {
  it('keeps only JPEG data: URLs of a bounded size as frames', () => {
    assert.ok(board.isFrame('data:image/jpeg;base64,/9j/4AAQSkZJRg=='));
    for (const refused of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/jpeg;base64,<img src=x>', `data:image/jpeg;base64,${'A'.repeat(board.frameLimit)}`, 42, null]) {
      assert.equal(board.isFrame(refused), false, String(refused).slice(0, 40));
    }
  });

  it('takes the frame from the middle of the clip, or its start when the length is unknown', () => {
    assert.equal(board.frameTime(8), 4);
    assert.equal(board.frameTime(Number.POSITIVE_INFINITY), 0);
    assert.equal(board.frameTime(Number.NaN), 0);
  });

  it('words a scene\'s spend and the film\'s as the takes panel does', () => {
    assert.equal(board.cardSpendText(null), 'no takes yet');
    assert.equal(board.cardSpendText({ usd: 0, priced: 0, unpriced: 2 }), 'no cost recorded (2 takes)');
    assert.equal(board.cardSpendText({ usd: 2.4, priced: 2, unpriced: 1 }), '$2.40 on 2 takes (+1 take without a cost)');
    assert.equal(board.filmSpendText({ usd: 4.2, priced: 4, unpriced: 1 }), 'Spend ≈ $4.20 on 4 takes (1 take without a cost)');
    assert.equal(board.filmSpendText({ usd: 0, priced: 0, unpriced: 3 }), 'No cost recorded for the 3 takes');
    assert.equal(board.filmSpendText({ usd: 0, priced: 0, unpriced: 0 }), 'No takes yet');
  });

  it('reads back a saved page state only in the shape it writes (an older one waits for the host)', () => {
    const message = { type: 'board' as const, board: { uri: 'file:///f.sora', title: null, seconds: 0, spend: { usd: 0, priced: 0, unpriced: 0 }, cards: [] }, videos: {}, frames: {} };
    assert.deepEqual(board.readBoardPageState({ message, focused: 0 }), { message, focused: 0 });
    assert.equal(board.readBoardPageState({ board: message.board, focused: 0 }), undefined);
    assert.equal(board.readBoardPageState({ message: { ...message, frames: undefined }, focused: 0 }), undefined);
    assert.equal(board.readBoardPageState('junk'), undefined);
  });
});
