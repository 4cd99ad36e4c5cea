// `zod` sets zod's English messages when it loads; `zod/mini` leaves that to
// the program (its default is a bare "Invalid input"). Importing this module
// gives mini schemas the same messages, e.g. "Invalid input: expected string,
// received number", which reach users inside protocol and config errors.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
