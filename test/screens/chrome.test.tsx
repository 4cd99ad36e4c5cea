// The header and the list's status line: what they say, and what they leave out.
import { describe, expect, it } from 'vitest';
import { drive, fakeStore } from '../helpers/ui-harness';

describe('the header', () => {
  it('names the profile once when the credentials come from it, so org and endpoint fit 80 columns', async () => {
    const profile = 'production-eu-west-1';
    const { store } = fakeStore(
      {
        profileName: { value: profile, source: { kind: 'file', name: 'default-profile' } },
        token: { value: 'apc_secret_token_value', source: { kind: 'profile', name: profile } },
        organizationId: { value: '5a062154-dc9f-11ed-9cd1-673503b45134', source: { kind: 'profile', name: profile } },
        endpoint: { value: 'https://api.appclacks.com', source: { kind: 'default' } },
      },
      {},
      { columns: 80, rows: 24 },
    );
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    ui.resize({ columns: 80, rows: 24 });
    await ui.waitFor('No tokens yet.');
    const header = ui.frame().split('\n')[0] ?? '';
    expect(header).toBe(`appclacks │ profile ${profile} │ org 5a062154… │ api.appclacks.com`);
    ui.unmount();
  });

  it('still says where the credentials come from when it is not the profile', async () => {
    const { store } = fakeStore({ token: { value: 'apc_from_env_token', source: { kind: 'env', name: 'APPCLACKS_TOKEN' } }, overriddenBy: ['APPCLACKS_TOKEN'] });
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    await ui.waitFor('No tokens yet.');
    expect(ui.frame()).toContain('profile work │ creds: env APPCLACKS_TOKEN');
    ui.unmount();
  });
});

describe('the token list status line', () => {
  const statusLines = (frame: string) => frame.split('\n').filter((line) => /^\d+ tokens?\b/.test(line));

  it('counts nothing while there is no list: error, credentials gone, no credentials, loading', async () => {
    const error = fakeStore();
    error.store.dispatch({ type: 'tokens/failed', error: { kind: 'error', text: '127.0.0.1:1 refused the connection', hint: 'press r to retry' } });
    const gone = fakeStore();
    gone.store.dispatch({ type: 'session/gone' });
    const none = fakeStore({ organizationId: undefined, token: undefined, profileName: undefined });
    const loading = fakeStore();
    loading.store.dispatch({ type: 'tokens/loading' });
    for (const [store, says] of [
      [error.store, 'refused the connection'],
      [gone.store, 'no longer work'],
      [none.store, 'No credentials'],
      [loading.store, 'Loading tokens'],
    ] as const) {
      const ui = await drive(store);
      await ui.waitFor(says);
      expect(statusLines(ui.frame()), ui.frame()).toEqual([]);
      ui.unmount();
    }
  });

  it('counts an empty list once it is loaded', async () => {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    await ui.waitFor('No tokens yet.');
    expect(statusLines(ui.frame())).toEqual(['0 tokens · oldest first']);
    ui.unmount();
  });
});
