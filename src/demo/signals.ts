// Signals that end the demo. While they are watched, the process does not die
// on them: the demo stops its server and removes its files first.

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface SignalWatch {
  /** Resolves with the exit code of the first signal received (128 + its number). */
  received: Promise<number>;
  /** The exit code once a signal arrived, else undefined. */
  exitCode(): number | undefined;
  stop(): void;
}

export function watchSignals(): SignalWatch {
  let code: number | undefined;
  let resolve!: (code: number) => void;
  const received = new Promise<number>((r) => (resolve = r));
  const handlers = Object.entries(SIGNAL_EXIT).map(([signal, exitCode]) => {
    const handler = () => {
      code ??= exitCode;
      resolve(code);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    received,
    exitCode: () => code,
    stop() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
