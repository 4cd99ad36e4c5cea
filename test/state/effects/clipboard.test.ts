import { describe, expect, it } from 'vitest';
import { createClipboardEffects } from '../../../src/state/effects/clipboard';
import type { StoreDeps } from '../../../src/state/deps';
import { SESSION } from '../fixtures';
import { concernStore } from './concernStore';

describe('clipboard effects', () => {
  it('writes OSC 52 outside the frame and says what was sent, not that it arrived', () => {
    const writes: string[] = [];
    const ctx = concernStore({ env: {}, writeTerminal: (s: string) => writes.push(s) } as unknown as StoreDeps, SESSION);
    createClipboardEffects(ctx).copy('abc', 'token ID');
    expect(writes).toEqual([`\u001b]52;c;${Buffer.from('abc').toString('base64')}\u0007`]);
    expect(ctx.store.getState().message).toMatchObject({ kind: 'info', text: 'Sent the token ID to the clipboard (OSC 52).' });
  });
});
