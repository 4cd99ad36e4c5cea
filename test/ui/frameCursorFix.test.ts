import { describe, expect, it } from 'vitest';
import { withFrameCursorFix } from '../../src/tui/frameCursorFix';
import { asWrite, FakeStdout } from './streams';

describe('the frame cursor fix for ink 6.8 incremental rendering', () => {
  it('moves the cursor back onto the last frame line after a frame write', () => {
    const out = new FakeStdout();
    const fixed = withFrameCursorFix(asWrite(out));
    fixed.write('header\nbody\nfooter\n');
    fixed.write('\u001b[2A\u001b[E\u001b[1Gbody2\u001b[K\n\u001b[E');
    expect(out.chunks).toEqual(['header\nbody\nfooter\n\u001b[A', '\u001b[2A\u001b[E\u001b[1Gbody2\u001b[K\n\u001b[E\u001b[A']);
  });

  it('leaves other writes alone and forwards everything else to the stream', () => {
    const out = new FakeStdout();
    const fixed = withFrameCursorFix(asWrite(out));
    fixed.write('\u001b[?2026h');
    fixed.write('\u001b[2Jwhole screen without newline');
    expect(out.chunks).toEqual(['\u001b[?2026h', '\u001b[2Jwhole screen without newline']);
    expect(fixed.columns).toBe(100);
    let resized = false;
    fixed.on('resize', () => (resized = true));
    out.emit('resize');
    expect(resized).toBe(true);
  });
});
