// The root: frame of rows-1 lines (docs/terminal.md §1), header / body / message /
// footer, one input handler for the whole app, and size from stdout's resize.
import { Box, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { AddProfile } from './AddProfile';
import { TokenWizard } from './TokenWizard';
import { DeletionReport } from './DeletionReport';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Footer } from '../components/Footer';
import { Header } from '../components/Header';
import { HelpOverlay } from './HelpOverlay';
import { MessageLine } from '../components/MessageLine';
import { ProfilePicker } from './ProfilePicker';
import { TokenDetail } from './TokenDetail';
import { TokenList } from './TokenList';
import { TooSmall } from './TooSmall';
import { bodyHeight, frameHeight, isTooSmall, sizeOf } from '../state/layout';
import { currentScreen } from '../state/selectors';
import type { Store } from '../state/store';
import type { State } from '../state/types';
import { ClockContext, StoreContext, useAppState, useStore } from '../ui/context';
import { createInputRouter, type KeyBytes } from '../keys/dispatch';
import { FieldGateContext } from '../keys/fieldGate';

/** Relative times ("in 3h", "expired 2m ago") are redrawn this often while idle. */
const CLOCK_TICK_MS = 30_000;


function Body({ state }: { state: State }) {
  if (state.dialog) return <ConfirmDialog />;
  if (state.helpOpen) return <HelpOverlay />;
  switch (currentScreen(state)) {
    case 'list':
      return <TokenList />;
    case 'detail':
      return <TokenDetail />;
    case 'wizard':
      return <TokenWizard />;
    case 'profiles':
      return <ProfilePicker />;
    case 'add-profile':
      return <AddProfile />;
    case 'deletions':
      return <DeletionReport />;
  }
}

function Screen({ onExit, keyBytes }: { onExit: () => void; keyBytes: KeyBytes }) {
  const store = useStore();
  const state = useAppState();
  const { stdout } = useStdout();

  useEffect(() => {
    const onResize = () => store.dispatch({ type: 'resize', size: sizeOf(stdout) });
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, store]);

  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  // The bytes of each key tell Backspace (\x7f) from Delete (ESC[3~), which
  // ink names alike, and mark pasted text. Whoever mounts the app hands over
  // the stream ink reads, which announces each key's bytes just before ink
  // parses it (src/tui/keyStream.ts), so the router has seen them when onKey runs.
  const keys = keyBytes;
  const exitRef = useRef(onExit);
  exitRef.current = onExit;
  const [router] = useState(() => createInputRouter(store, () => exitRef.current()));
  useEffect(() => {
    keys.on('key', router.onRaw);
    return () => {
      keys.off('key', router.onRaw);
    };
  }, [keys, router]);
  // Subscribed once, at mount, before any text field: so the dispatcher hears
  // each key first and has decided whether the field may take it when the
  // field's text-input component reports its edit (fieldGate.ts).
  useInput(router.onKey);

  if (isTooSmall(state.size)) return <TooSmall size={state.size} />;
  return (
    <FieldGateContext.Provider value={router.gate}>
      <Box flexDirection="column" width={state.size.columns} height={frameHeight(state.size)}>
        <Header />
        {/* The inner box keeps its natural height (no shrinking, which would draw
            lines over each other); the outer one clips what does not fit. */}
        <Box flexDirection="column" height={bodyHeight(state.size)} overflowY="hidden">
          <Box flexDirection="column" flexShrink={0} width="100%">
            <Body state={state} />
          </Box>
        </Box>
        <MessageLine />
        <Footer />
      </Box>
    </FieldGateContext.Provider>
  );
}

export interface AppProps {
  store: Store;
  clock: () => number;
  onExit: () => void;
  /** The stream ink reads keys from, announcing each key's bytes (src/keys/dispatch.ts). */
  keyBytes: KeyBytes;
}

export function App({ store, clock, onExit, keyBytes }: AppProps) {
  return (
    <StoreContext.Provider value={store}>
      <ClockContext.Provider value={clock}>
        <Screen onExit={onExit} keyBytes={keyBytes} />
      </ClockContext.Provider>
    </StoreContext.Provider>
  );
}
