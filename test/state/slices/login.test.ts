import { describe, expect, it } from 'vitest';
import { run, stateWith } from '../fixtures';

describe('login slice: add profile (the login flow)', () => {
  const started = run(stateWith(), { type: 'profiles/loaded', items: [{ name: 'work', organizationId: 'o', apiToken: 't' }] }, { type: 'login/start', email: 'pre@filled.example' });

  it('login/start prefills the email from the environment', () => {
    expect(started.login).toMatchObject({ field: 'name', email: 'pre@filled.example' });
    expect(started.screens.at(-1)).toBe('login');
  });

  it('login/input, login/backspace and login/next validate the name', () => {
    let s = run(started, { type: 'login/next' });
    expect(s.login.field).toBe('name');
    expect(s.message?.text).toMatch(/empty/);
    // A blank in the name is refused as it is typed, with the reason, not dropped silently.
    s = run(started, { type: 'login/input', text: 'my' }, { type: 'login/input', text: ' ' });
    expect(s.login.name).toBe('my');
    expect(s.message?.text).toMatch(/^Space not typed: .*spaces/);
    s = run(started, { type: 'login/input', text: 'work' }, { type: 'login/next' });
    expect(s.message?.text).toMatch(/already exists/);
    s = run(s, { type: 'login/backspace' }, { type: 'login/input', text: 'z' }, { type: 'login/next' });
    expect(s.login).toMatchObject({ name: 'worz', field: 'email' });
    s = run(s, { type: 'login/next' }, { type: 'login/input', text: 'secret pw' });
    expect(s.login).toMatchObject({ field: 'password', password: 'secret pw' });
  });

  it('login/back, login/busy and login/reset', () => {
    const s = run(started, { type: 'login/input', text: 'p' }, { type: 'login/next' }, { type: 'login/next' });
    expect(s.login.field).toBe('password');
    expect(run(s, { type: 'login/back' }).login.field).toBe('email');
    expect(run(s, { type: 'login/back' }, { type: 'login/back' }).login.field).toBe('name');
    expect(run(s, { type: 'login/busy', busy: true }).login.busy).toBe(true);
    expect(run(s, { type: 'login/reset' }).login).toMatchObject({ name: '', password: '', field: 'name' });
  });

  it('login/edit sets the focused field: the name refuses blanks with a reason, the password is kept as typed', () => {
    let s = run(started, { type: 'login/edit', value: 'my work' });
    expect(s.login.name).toBe('mywork');
    expect(s.message?.text).toMatch(/^Space not typed/);
    s = run(s, { type: 'login/next' }, { type: 'login/edit', value: ' a@b.example ' });
    expect(s.login).toMatchObject({ field: 'email', email: 'a@b.example' });
    s = run(s, { type: 'login/next' }, { type: 'login/edit', value: ' pass word \u202e' });
    expect(s.login).toMatchObject({ field: 'password', password: ' pass word ' });
  });
});
