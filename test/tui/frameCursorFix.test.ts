import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { redrawOnResize, withFrameCursorFix } from '../../src/tui/frameCursorFix';
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

  it('with clearFirstFrame, clears the screen in ink\'s first write only, inside its synchronized update', () => {
    const out = new FakeStdout();
    const fixed = withFrameCursorFix(asWrite(out), { clearFirstFrame: true });
    fixed.write('\u001b[?2026h');
    fixed.write('header\nbody\n');
    fixed.write('\u001b[?2026l');
    expect(out.chunks).toEqual(['\u001b[?2026h\u001b[2J\u001b[H', 'header\nbody\n\u001b[A', '\u001b[?2026l']);

    const plain = new FakeStdout();
    withFrameCursorFix(asWrite(plain), { clearFirstFrame: true }).write('header\n');
    expect(plain.chunks).toEqual(['\u001b[2J\u001b[Hheader\n\u001b[A']);
  });

  it('holds resize listeners on the given emitter, so ink hears a resize only when told', () => {
    const out = new FakeStdout();
    const held = new EventEmitter();
    const fixed = withFrameCursorFix(asWrite(out), { resizeEvents: held });
    const heard: string[] = [];
    const onResize = () => heard.push('resize');
    expect(fixed.on('resize', onResize)).toBe(fixed);
    fixed.on('drain', () => heard.push('drain'));
    out.emit('resize');
    out.emit('drain');
    expect(heard).toEqual(['drain']);
    held.emit('resize');
    expect(heard).toEqual(['drain', 'resize']);
    fixed.off('resize', onResize);
    held.emit('resize');
    expect(heard).toEqual(['drain', 'resize']);
  });
});

describe('redrawOnResize', () => {
  it('hands the size over at once and redraws once, after the microtasks of the event', async () => {
    const out = new FakeStdout();
    const calls: string[] = [];
    const stop = redrawOnResize(asWrite(out), {
      onSize: () => {
        calls.push(`size ${out.columns}`);
        // Where React schedules its render after a store update.
        queueMicrotask(() => calls.push(`render ${out.columns}`));
      },
      redraw: () => calls.push('redraw'),
    });
    out.columns = 100;
    out.emit('resize');
    out.columns = 80;
    out.emit('resize');
    expect(calls).toEqual(['size 100', 'size 80']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['size 100', 'size 80', 'render 80', 'render 80', 'redraw']);

    stop();
    out.emit('resize');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(5);
  });

  it('stopping cancels a redraw still queued', async () => {
    const out = new FakeStdout();
    let redraws = 0;
    const stop = redrawOnResize(asWrite(out), { onSize: () => undefined, redraw: () => redraws++ });
    out.emit('resize');
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(redraws).toBe(0);
  });
});
