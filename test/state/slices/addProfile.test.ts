import { describe, expect, it } from 'vitest';
import { run, stateWith } from '../fixtures';

describe('add-profile slice (the login flow)', () => {
  const started = run(stateWith(), { type: 'profiles/loaded', items: [{ name: 'work', organizationId: 'o', apiToken: 't' }] }, { type: 'add-profile/start', email: 'pre@filled.example' });

  it('add-profile/start prefills the email from the environment', () => {
    expect(started.addProfile).toMatchObject({ field: 'name', email: 'pre@filled.example' });
    expect(started.screens.at(-1)).toBe('add-profile');
  });

  it('add-profile/input, add-profile/backspace and add-profile/next validate the name', () => {
    let s = run(started, { type: 'add-profile/next' });
    expect(s.addProfile.field).toBe('name');
    expect(s.message?.text).toMatch(/empty/);
    // A blank in the name is refused as it is typed, with the reason, not dropped silently.
    s = run(started, { type: 'add-profile/input', text: 'my' }, { type: 'add-profile/input', text: ' ' });
    expect(s.addProfile.name).toBe('my');
    expect(s.message?.text).toMatch(/^Space not typed: .*spaces/);
    s = run(started, { type: 'add-profile/input', text: 'work' }, { type: 'add-profile/next' });
    expect(s.message?.text).toMatch(/already exists/);
    s = run(s, { type: 'add-profile/backspace' }, { type: 'add-profile/input', text: 'z' }, { type: 'add-profile/next' });
    expect(s.addProfile).toMatchObject({ name: 'worz', field: 'email' });
    s = run(s, { type: 'add-profile/next' }, { type: 'add-profile/input', text: 'secret pw' });
    expect(s.addProfile).toMatchObject({ field: 'password', password: 'secret pw' });
  });

  it('add-profile/back, add-profile/busy and add-profile/reset', () => {
    const s = run(started, { type: 'add-profile/input', text: 'p' }, { type: 'add-profile/next' }, { type: 'add-profile/next' });
    expect(s.addProfile.field).toBe('password');
    expect(run(s, { type: 'add-profile/back' }).addProfile.field).toBe('email');
    expect(run(s, { type: 'add-profile/back' }, { type: 'add-profile/back' }).addProfile.field).toBe('name');
    expect(run(s, { type: 'add-profile/busy', busy: true }).addProfile.busy).toBe(true);
    expect(run(s, { type: 'add-profile/reset' }).addProfile).toMatchObject({ name: '', password: '', field: 'name' });
  });

  it('add-profile/edit sets the focused field: the name refuses blanks with a reason, the password is kept as typed', () => {
    let s = run(started, { type: 'add-profile/edit', value: 'my work' });
    expect(s.addProfile.name).toBe('mywork');
    expect(s.message?.text).toMatch(/^Space not typed/);
    s = run(s, { type: 'add-profile/next' }, { type: 'add-profile/edit', value: ' a@b.example ' });
    expect(s.addProfile).toMatchObject({ field: 'email', email: 'a@b.example' });
    s = run(s, { type: 'add-profile/next' }, { type: 'add-profile/edit', value: ' pass word \u202e' });
    expect(s.addProfile).toMatchObject({ field: 'password', password: ' pass word ' });
  });
});
