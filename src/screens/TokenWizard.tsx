// The create wizard: one step at a time, validated as you type, with a review
// before anything is sent. The secret appears only on the result step.
import { Box, Text } from 'ink';
import type { IndicatorProps, ItemProps } from 'ink-select-input';
import { createContext, useContext } from 'react';
import { describeSource } from '../config/context';
import { bodyHeight } from '../state/layout';
import { CUSTOM_LIFETIME, LIFETIME_PRESETS } from '../state/lifetimes';
import { wizardTtl } from '../state/selectors';
import { wizardNeedsAccount } from '../state/selectors';
import type { State, WizardStep } from '../state/types';
import { appliedLifetimeMs, describeDuration, PERMISSIONS, shortLifetimeWarning, sortPermissions } from '../tokens';
import { useAppState, useNow, useStore } from '../ui/context';
import { editWizardField } from '../keys/fieldEdits';
import { absoluteTime, fit, windowStart, wrapText } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';
import { pickLifetime } from '../keys/flows';
import { ChoiceList, INDICATOR_WIDTH, type Choice } from '../components/ChoiceList';
import { TextField } from '../components/TextField';
import { displayWidth } from '../text/terminal-width';
import { ProfileUpdateOfferView, RotatedLines, RotateReview } from './RotateParts';

const STEP_TITLES: Record<WizardStep, string> = {
  name: 'Name',
  description: 'Description',
  lifetime: 'Lifetime',
  permissions: 'Permissions',
  account: 'Account',
  review: 'Review',
  result: 'Created',
};

function stepsOf(state: State): WizardStep[] {
  if (state.wizard.mode === 'rotate') return wizardNeedsAccount(state) ? ['account', 'review'] : ['review'];
  const steps: WizardStep[] = ['name', 'description', 'lifetime', 'permissions'];
  if (wizardNeedsAccount(state)) steps.push('account');
  steps.push('review');
  return steps;
}

function Title({ state }: { state: State }) {
  const steps = stepsOf(state);
  const step = state.wizard.step;
  const where = step === 'result' ? 'done' : `step ${steps.indexOf(step) + 1} of ${steps.length}`;
  return (
    <Box height={1}>
      <Text wrap="truncate" bold color={theme.accent}>
        {state.wizard.mode === 'rotate'
          ? `Rotate token ${state.wizard.rotating?.name ?? ''} — ${step === 'result' ? 'Rotated' : STEP_TITLES[step]} (${where})`
          : `New token — ${STEP_TITLES[step]} (${where})`}
      </Text>
    </Box>
  );
}

function TtlPreview({ state, now }: { state: State; now: number }) {
  const ttl = wizardTtl(state.wizard);
  if (!ttl.ok) {
    const typing = state.wizard.lifetimeChoice === CUSTOM_LIFETIME && state.wizard.customTtl === '';
    return <Text wrap="truncate" color={typing ? undefined : theme.danger}>{typing ? 'Type a duration: 72h, 30m, 1h30m, 7d, 2w' : `${GLYPH.expired} ${ttl.error}`}</Text>;
  }
  // What the server will do with it: `500ms` lives half a second, not "1 second".
  const lifetime = appliedLifetimeMs(ttl.ms);
  const short = shortLifetimeWarning(ttl.ms);
  return short ? (
    <Text wrap="truncate" color={theme.warning}>{`${GLYPH.warning} ${describeDuration(lifetime)} (${ttl.value}): ${short}`}</Text>
  ) : (
    <Text wrap="truncate" color={theme.ok}>
      {`${GLYPH.valid} ${describeDuration(lifetime)} (${ttl.value}): expires ${absoluteTime(now + lifetime)}`}
    </Text>
  );
}

/** The lifetime step's custom value, typed in its row; LifetimeRow reads it from here. */
const CustomTtlContext = createContext<{ value: string; edit?: (value: string) => string }>({ value: '' });

function LifetimeMark({ isSelected = false }: IndicatorProps) {
  return <Text bold={isSelected}>{isSelected ? `${GLYPH.selected} ` : '  '}</Text>;
}

/** One lifetime choice, as ink-select-input's item component; the custom one, highlighted, is a text field. */
function LifetimeRow({ isSelected = false, label, ...item }: ItemProps) {
  const custom = useContext(CustomTtlContext);
  if (isSelected && (item as unknown as Choice).value === CUSTOM_LIFETIME) {
    return <TextField label="(•) custom" value={custom.value} focused onChange={custom.edit} inset={INDICATOR_WIDTH} />;
  }
  return (
    <Text wrap="truncate" bold={isSelected}>
      {`(${isSelected ? '•' : ' '}) ${label}`}
    </Text>
  );
}

function LifetimeStep({ state, now, edit }: { state: State; now: number; edit: (value: string) => string }) {
  const store = useStore();
  const w = state.wizard;
  const choices: Choice[] = [...LIFETIME_PRESETS.map((p) => p.label), `custom: ${w.customTtl}`].map((label, index) => ({ key: String(index), label, value: index }));
  // Title and the preview line take two rows; the choices get the rest.
  const viewport = Math.max(1, bodyHeight(state.size) - 2);
  return (
    <Box flexDirection="column">
      <CustomTtlContext.Provider value={{ value: w.customTtl, edit }}>
        <ChoiceList
          choices={choices}
          selection={w.lifetimeChoice}
          viewport={viewport}
          // On the custom value its text field has the focus, and the keymap moves.
          focused={w.lifetimeChoice !== CUSTOM_LIFETIME && !w.busy}
          itemComponent={LifetimeRow}
          indicatorComponent={LifetimeMark}
          onHighlight={(index) => store.dispatch({ type: 'wizard/choose-lifetime', index })}
          onMove={(delta) => store.dispatch({ type: 'wizard/move', delta })}
          onSelect={(index) => pickLifetime(index)({ store, state: store.getState(), input: '', exit: () => undefined })}
        />
      </CustomTtlContext.Provider>
      <TtlPreview state={state} now={now} />
    </Box>
  );
}

function PermissionsStep({ state }: { state: State }) {
  const w = state.wizard;
  const viewport = Math.max(1, bodyHeight(state.size) - 2);
  const start = windowStart(w.permissionCursor, PERMISSIONS.length, viewport);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" dimColor>{`Space toggles; * allows every call and excludes the rest. Chosen: ${w.permissions.length === 0 ? 'none' : sortPermissions(w.permissions).join(', ')}`}</Text>
      {PERMISSIONS.slice(start, start + viewport).map((p, i) => {
        const index = start + i;
        const on = w.permissions.includes(p.name);
        const here = index === w.permissionCursor;
        return (
          <Text key={p.name} wrap="truncate" inverse={here}>
            {`${here ? GLYPH.selected : ' '} ${on ? GLYPH.checked : GLYPH.unchecked} `}
            <Text bold>{p.name}</Text>
            <Text dimColor={!here}>{` — ${p.allows}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

const REVIEW_LABEL = 'Name:        ';
/** The review's rows besides the name's: title, four fields, a blank line, the prompt. */
const REVIEW_OTHER_ROWS = 7;

/**
 * The name about to be created, whole: wrapped under its label over as many
 * rows as the window leaves, and cut (`…`) only past those.
 */
function reviewNameLines(name: string, size: State['size']): string[] {
  const width = Math.max(1, size.columns - REVIEW_LABEL.length);
  const lines = wrapText(name, width);
  const room = Math.max(1, bodyHeight(size) - REVIEW_OTHER_ROWS);
  if (lines.length <= room) return lines;
  return [...lines.slice(0, room - 1), fit(lines.slice(room - 1).join(' '), width)];
}

function ReviewStep({ state, now }: { state: State; now: number }) {
  const w = state.wizard;
  const ttl = wizardTtl(w);
  const fromEnv = !wizardNeedsAccount(state) ? state.session.email : undefined;
  const account = fromEnv?.value ?? w.email;
  return (
    <Box flexDirection="column">
      {reviewNameLines(w.name, state.size).map((line, i) => (
        <Text key={i} wrap="truncate">{`${i === 0 ? REVIEW_LABEL : ' '.repeat(REVIEW_LABEL.length)}${line}`}</Text>
      ))}
      <Text wrap="truncate">{`Description: ${w.description || '(none)'}`}</Text>
      <Text wrap="truncate">{`Lifetime:    ${ttl.ok ? `${ttl.value}, expires ${absoluteTime(now + ttl.ms)}` : '?'}`}</Text>
      <Text wrap="truncate">{`Permissions: ${sortPermissions(w.permissions).join(', ')}`}</Text>
      <Text wrap="truncate">{`Account:     ${account}${fromEnv ? ` (from ${describeSource(fromEnv.source).replace(/^env /, '')})` : ''}`}</Text>
      <Box height={1} />
      <Text bold wrap="truncate">{w.busy ? 'Creating the token… only Ctrl+C acts until its secret arrives.' : 'Press Enter to create the token, Esc to change something.'}</Text>
    </Box>
  );
}

/** ink breaks a line wider than the window, and a mouse selection then carries the break. */
function secretIsWrapped(secret: string, columns: number): boolean {
  return displayWidth(secret) > columns;
}

function ResultStep({ state, edit }: { state: State; edit: (value: string) => string }) {
  const w = state.wizard;
  const token = w.result;
  if (!token) return null;
  return (
    <Box flexDirection="column">
      {/* The new ID first: a long name is what the window cuts, and the review showed it whole. */}
      {w.mode === 'rotate' ? <RotatedLines state={state} /> : <Text wrap="truncate" color={theme.ok}>{`${GLYPH.valid} Created ${token.id}: ${token.name}`}</Text>}
      <Text bold color={theme.warning} wrap="wrap">{`${GLYPH.warning} The only time the secret is shown: copy it now.`}</Text>
      <Text wrap="wrap" bold>{token.token ?? ''}</Text>
      {secretIsWrapped(token.token ?? '', state.size.columns) && (
        <Text wrap="truncate" color={theme.warning}>Wider than the window: widen it to select the secret in one piece, or use c.</Text>
      )}
      <Text wrap="truncate">{w.copied ? 'Sent to the clipboard (OSC 52); if it did not arrive, select it above.' : 'c copies it to the clipboard (OSC 52).'}</Text>
      <ProfileUpdateOfferView state={state} />
      {w.saveAs === undefined && (!w.profileUpdate || w.profileUpdate.done) && <Text wrap="truncate">s saves it as a profile in the config file.</Text>}
      {w.saveAs !== undefined && !w.saveAs.saved && (
        <TextField label="Save as profile named" value={w.saveAs.name} focused placeholder="Enter saves, Esc cancels" onChange={edit} />
      )}
      {w.saveAs?.saved && <Text wrap="truncate" color={theme.ok}>{`${GLYPH.valid} Saved as profile ${w.saveAs.name}.`}</Text>}
    </Box>
  );
}

export function TokenWizard() {
  const state = useAppState();
  const now = useNow();
  const w = state.wizard;
  const edit = editWizardField(useStore());
  return (
    <Box flexDirection="column" width="100%">
      <Title state={state} />
      {w.step === 'name' && <TextField label="Name" value={w.name} focused placeholder="e.g. ci-deploy (required)" onChange={edit} />}
      {w.step === 'description' && <TextField label="Description" value={w.description} focused placeholder="optional: Enter skips" onChange={edit} />}
      {w.step === 'lifetime' && <LifetimeStep state={state} now={now} edit={edit} />}
      {w.step === 'permissions' && <PermissionsStep state={state} />}
      {w.step === 'account' && (
        <Box flexDirection="column">
          <Text wrap="truncate" dimColor>{`${w.mode === 'rotate' ? 'Rotating' : 'Creating'} a token needs the account's email and password (not stored).`}</Text>
          <TextField label="Email" value={w.email} focused={w.accountField === 'email'} onChange={edit} />
          <TextField label="Password" value={w.password} focused={w.accountField === 'password'} hidden onChange={edit} />
        </Box>
      )}
      {w.step === 'review' && (w.mode === 'rotate' ? <RotateReview state={state} /> : <ReviewStep state={state} now={now} />)}
      {w.step === 'result' && <ResultStep state={state} edit={edit} />}
    </Box>
  );
}
