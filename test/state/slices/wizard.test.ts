import { describe, expect, it } from 'vitest';
import { CUSTOM_LIFETIME, DEFAULT_LIFETIME_CHOICE } from '../../../src/state/lifetimes';
import { RESULT_SETTLE_MS, resultSettled, secretAtStake, wizardTtl } from '../../../src/state/selectors';
import { emptyWizard } from '../../../src/state/slices/wizard';
import { profileNameFor } from '../../../src/state/fieldText';
import type { State } from '../../../src/state/types';
import { PERMISSIONS } from '../../../src/tokens';
import { NOW, run, stateWith, token } from '../fixtures';

describe('wizard slice', () => {
  const started = run(stateWith(), { type: 'wizard/start' });
  const typed = (s: State, text: string) => run(s, { type: 'wizard/input', text });

  it('wizard/start opens an empty draft with the default lifetime', () => {
    expect(started.screens).toEqual(['list', 'wizard']);
    expect(started.wizard).toEqual(emptyWizard());
    expect(started.wizard.lifetimeChoice).toBe(DEFAULT_LIFETIME_CHOICE);
    expect(wizardTtl(started.wizard)).toMatchObject({ ok: true, value: '72h' });
  });

  it('wizard/input and wizard/backspace edit the field of the current step', () => {
    const s = run(typed(started, 'ci\u0007-x'), { type: 'wizard/backspace' });
    expect(s.wizard.name).toBe('ci-');
  });

  it("a step's message goes when the step is left, and stays when Enter leads nowhere", () => {
    const refused = run(started, { type: 'wizard/next' });
    expect(refused.message?.kind).toBe('error');
    expect(run(typed(refused, 'ci'), { type: 'wizard/next' }).message).toBeUndefined();
    const noted = run(stateWith(), { type: 'message/set', message: { kind: 'info', text: 'kept' } });
    // Back from the first step moves nothing here (leaving is the key flow's), and the message line is left alone.
    expect(run(noted, { type: 'wizard/back' }).message?.text).toBe('kept');
  });

  it('wizard/next refuses an empty name and keeps the step', () => {
    const s = run(started, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('name');
    expect(s.message?.kind).toBe('error');
  });

  it('wizard/next refuses a name of only characters that draw nothing, as the server does', () => {
    for (const blank of ['\u3164', '\u2800\u2800', '\u115f', '\u17b5', '\u034f', '\u{e0020}']) {
      const s = run(typed(started, blank), { type: 'wizard/next' });
      expect(s.wizard.step, JSON.stringify(blank)).toBe('name');
      expect(s.message?.text).toMatch(/needs a name/);
    }
  });

  it('walks name → description → lifetime → permissions → account → review, and back', () => {
    let s = run(typed(started, 'ci'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('description');
    s = run(typed(s, 'for CI'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('lifetime');
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    expect(s.message?.text).toMatch(/at least one permission/);
    s = run(s, { type: 'wizard/toggle-permission' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('account');
    s = run(s, { type: 'wizard/next' });
    expect(s.message?.text).toMatch(/email/);
    s = run(typed(s, 'a@b.c'), { type: 'wizard/next' });
    expect(s.wizard.accountField).toBe('password');
    s = run(typed(s, 'pw'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('review');
    expect(s.wizard.password).toBe('pw');
    const steps: string[] = [];
    for (let i = 0; i < 6; i++) {
      s = run(s, { type: 'wizard/back' });
      steps.push(`${s.wizard.step}${s.wizard.step === 'account' ? `:${s.wizard.accountField}` : ''}`);
    }
    expect(steps).toEqual(['account:password', 'account:email', 'permissions', 'lifetime', 'description', 'name']);
    expect(s.wizard).toMatchObject({ name: 'ci', description: 'for CI', email: 'a@b.c', permissions: ['*'] });
  });

  it('skips the account step when the environment has the email and password', () => {
    const env = stateWith({}, { email: { value: 'a@b.c', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_EMAIL' } }, password: { value: 'x', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_PASSWORD' } } });
    let s = run(env, { type: 'wizard/start' }, { type: 'wizard/input', text: 'n' }, { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/toggle-permission' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('review');
    s = run(s, { type: 'wizard/back' });
    expect(s.wizard.step).toBe('permissions');
  });

  it('wizard/move picks a lifetime; a custom one is validated before going on', () => {
    let s = run(typed(started, 'n'), { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/move', delta: 99 });
    expect(s.wizard.lifetimeChoice).toBe(CUSTOM_LIFETIME);
    s = typed(s, '0h');
    expect(wizardTtl(s.wizard).ok).toBe(false);
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('lifetime');
    // The step's preview line says what is wrong with the value; the message line does not say it a second time.
    expect(s.message).toBeUndefined();
    s = run(s, { type: 'wizard/backspace' }, { type: 'wizard/backspace' }, { type: 'wizard/input', text: '7d' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    expect(wizardTtl(s.wizard)).toMatchObject({ ok: true, value: '168h' });
  });

  it('a message about what Enter lacked goes once the edit fixes it, and stays while it does not', () => {
    const refused = run(started, { type: 'wizard/next' });
    expect(refused.message?.text).toMatch(/needs a name/);
    expect(run(refused, { type: 'wizard/edit', value: '\u3164' }).message?.text).toMatch(/needs a name/);
    expect(run(refused, { type: 'wizard/edit', value: 'ci' }).message).toBeUndefined();
    expect(run(refused, { type: 'wizard/input', text: 'c' }).message).toBeUndefined();

    const noPermission = run(typed(started, 'n'), { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' });
    expect(noPermission.message?.text).toMatch(/at least one permission/);
    expect(run(noPermission, { type: 'wizard/move', delta: 1 }).message?.text).toMatch(/at least one permission/);
    expect(run(noPermission, { type: 'wizard/toggle-permission' }).message).toBeUndefined();

    // Another message (not about the form) is left alone by typing.
    const other = run(started, { type: 'message/set', message: { kind: 'info', text: 'Copied.' } }, { type: 'wizard/edit', value: 'x' });
    expect(other.message?.text).toBe('Copied.');
  });

  it('wizard/toggle-permission: * excludes the others and the others exclude *', () => {
    let s = run(typed(started, 'n'), { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' });
    s = run(s, { type: 'wizard/move', delta: 1 }, { type: 'wizard/toggle-permission' }, { type: 'wizard/move', delta: 1 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([PERMISSIONS[1]!.name, PERMISSIONS[2]!.name]);
    s = run(s, { type: 'wizard/move', delta: -5 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual(['*']);
    s = run(s, { type: 'wizard/move', delta: 3 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([PERMISSIONS[3]!.name]);
    s = run(s, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([]);
  });

  it('wizard/busy, wizard/created drops the password and shows the result', () => {
    const withPassword = { ...started, wizard: { ...started.wizard, step: 'review' as const, password: 'pw' } };
    const s = run(withPassword, { type: 'wizard/busy', busy: true }, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), organizationId: 'org-9', at: NOW });
    expect(s.wizard).toMatchObject({ step: 'result', busy: false, password: '', resultOrganizationId: 'org-9', resultShownAt: NOW });
    expect(s.wizard.result?.token).toBe('apc_new');
  });

  it('wizard/copied, wizard/save-start (typing a name), wizard/saved and wizard/reset', () => {
    let s = run(started, { type: 'wizard/input', text: 'ci' }, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    s = run(s, { type: 'wizard/copied' });
    expect(s.wizard.copied).toBe(true);
    s = run(s, { type: 'wizard/save-start' });
    expect(s.wizard.saveAs).toEqual({ name: 'ci', saved: false });
    s = run(s, { type: 'wizard/input', text: '-2' });
    expect(s.wizard.saveAs?.name).toBe('ci-2');
    expect(run(s, { type: 'wizard/back' }).wizard.saveAs).toBeUndefined();
    s = run(s, { type: 'wizard/saved' });
    expect(s.wizard.saveAs).toEqual({ name: 'ci-2', saved: true });
    expect(run(s, { type: 'wizard/reset' }).wizard).toEqual(emptyWizard());
  });

  it('wizard/created brings the result step to the front, over any dialog, help or screen', () => {
    const busy = run(typed(started, 'ci'), { type: 'wizard/busy', busy: true });
    const covered = { ...busy, screens: [...busy.screens, 'profiles' as const], helpOpen: true, dialog: { kind: 'confirm-leave-wizard' as const, leaveTo: 'list' as const, choice: 'no' as const } };
    const s = run(covered, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(s.screens).toEqual(['list', 'profiles', 'wizard']);
    expect(s.dialog).toBeUndefined();
    expect(s.helpOpen).toBe(false);
    expect(s.wizard).toMatchObject({ step: 'result', busy: false });
  });

  it('the result step settles after RESULT_SETTLE_MS by the clock the action carries', () => {
    const s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(resultSettled(s, NOW)).toBe(false);
    expect(resultSettled(s, NOW + RESULT_SETTLE_MS - 1)).toBe(false);
    expect(resultSettled(s, NOW + RESULT_SETTLE_MS)).toBe(true);
    expect(resultSettled(started, NOW)).toBe(true);
  });

  it('the secret is at stake on the result step until copied or saved as a profile', () => {
    const s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(secretAtStake(started)).toBe(false);
    expect(secretAtStake(s)).toBe(true);
    expect(secretAtStake(run(s, { type: 'wizard/copied' }))).toBe(false);
    expect(secretAtStake(run(s, { type: 'wizard/save-start' }))).toBe(true);
    expect(secretAtStake(run(s, { type: 'wizard/save-start' }, { type: 'wizard/saved' }))).toBe(false);
    expect(secretAtStake(run(s, { type: 'wizard/reset' }))).toBe(false);
  });

  it('wizard/save-start suggests the token name as a profile name a person can type back', () => {
    const s = run(typed(started, 'wiz q token'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW }, { type: 'wizard/save-start' });
    expect(s.wizard.saveAs?.name).toBe('wiz-q-token');
    expect(profileNameFor('  lead\u00a0two  spaces\t')).toBe('lead-two-spaces');
    expect(profileNameFor('x'.repeat(300))).toHaveLength(251);
  });

  it('the save-as-profile field refuses a blank with a message instead of dropping it silently', () => {
    let s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW }, { type: 'wizard/save-start' });
    s = run(s, { type: 'wizard/backspace' }, { type: 'wizard/backspace' }, { type: 'wizard/input', text: 'wiz' }, { type: 'wizard/input', text: ' ' });
    expect(s.wizard.saveAs?.name).toBe('wiz');
    expect(s.message).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Space not typed: a profile name cannot contain spaces/), hint: 'use - or _ between words' });
    s = run(s, { type: 'wizard/input', text: '-q' });
    expect(s.wizard.saveAs?.name).toBe('wiz-q');
    // A paste keeps what is valid and says what was refused.
    const pasted = run(s, { type: 'message/clear' }, { type: 'wizard/input', text: ' 2' });
    expect(pasted.wizard.saveAs?.name).toBe('wiz-q2');
    expect(pasted.message?.text).toMatch(/^Space not typed/);
  });

  it('wizard/edit sets the focused field to the value a text field reports, filtered as typing is', () => {
    let s = run(started, { type: 'wizard/edit', value: 'ci\u202e-deploy\n' });
    expect(s.wizard.name).toBe('ci-deploy');
    s = run(s, { type: 'wizard/next' }, { type: 'wizard/edit', value: 'line one\nline two' });
    expect(s.wizard.description).toBe('line one line two');
    s = run(s, { type: 'wizard/next' }, { type: 'wizard/choose-lifetime', index: CUSTOM_LIFETIME }, { type: 'wizard/edit', value: ' 2h' });
    expect(s.wizard).toMatchObject({ lifetimeChoice: CUSTOM_LIFETIME, customTtl: '2h' });
    s = run(s, { type: 'wizard/choose-lifetime', index: 99 });
    expect(s.wizard.lifetimeChoice).toBe(CUSTOM_LIFETIME);
    // A preset has no text: an edit there changes nothing.
    s = run(s, { type: 'wizard/choose-lifetime', index: 0 }, { type: 'wizard/edit', value: 'x' });
    expect(s.wizard.customTtl).toBe('2h');
  });

  it('wizard/edit of the save-as name refuses what a profile name cannot hold, and says why', () => {
    let s = run(started, { type: 'wizard/input', text: 'ci' }, { type: 'wizard/created', token: token(9, { token: 'apc_x' }), at: NOW }, { type: 'wizard/save-start' });
    s = run(s, { type: 'wizard/edit', value: 'ci bot' });
    expect(s.wizard.saveAs?.name).toBe('cibot');
    expect(s.message?.text).toMatch(/^Space not typed/);
  });
});
