import { describe, expect, it } from 'vitest';
import { clipboardHint, osc52 } from '../../src/state/osc52';

const PLAIN = '\u001b]52;c;YWJj\u0007';
const WRAPPED = '\u001bPtmux;\u001b\u001b]52;c;YWJj\u0007\u001b\\';
const TMUX = { TMUX: '/tmp/tmux-0/default,1,0' };

describe('OSC 52 copy', () => {
  it('outside tmux writes the plain sequence with the text in base64', () => {
    expect(osc52('abc', {})).toBe(PLAIN);
    expect(osc52('abc', { TMUX: '' })).toBe(PLAIN);
  });

  it('inside tmux writes the plain sequence (set-clipboard on) and the passthrough-wrapped one (allow-passthrough on)', () => {
    expect(osc52('abc', TMUX)).toBe(PLAIN + WRAPPED);
  });

  it('carries any UTF-8 text', () => {
    const sent = osc52('日本語 🚀', {});
    const base64 = /\]52;c;([^\u0007]*)\u0007/.exec(sent)![1]!;
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe('日本語 🚀');
  });

  it('says how to make it work when it did not arrive, naming the tmux option inside tmux', () => {
    expect(clipboardHint(TMUX)).toContain('set -s set-clipboard on');
    expect(clipboardHint({})).not.toContain('tmux');
    expect(clipboardHint({})).toContain('copy it from the screen');
  });
});
