// Preloaded with `node --import` to run the built program as if the optional
// database drivers had failed to install: their imports resolve from a
// directory with no node_modules, so Node raises its own "Cannot find package".
import { register } from 'node:module';

register('./hide-drivers-hooks.mjs', import.meta.url);
