// The baseline of the UI's start-up rows in `npm run bench`: Ink drawing one
// <Text>, bundled with dist/'s esbuild settings. The UI cannot start faster
// than this on the same machine, so its start-up is reported as a ratio to it.
import { render, Text } from 'ink';

render(<Text>hello from ink</Text>);
// Stay up like the UI does, until the benchmark ends the process.
setInterval(() => undefined, 60_000);
