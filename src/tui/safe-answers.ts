// The UI shows what the server answers in many places (the list, the detail,
// dialogs, the profile picker's expiry, the wizard's and the rotation's
// result, messages built from names) and ink writes a string's bytes as they
// are: an ESC in a token's ID or TTL reached the terminal as an instruction.
// So the UI receives every answer already made safe (terminal-text.ts), once,
// here, rather than at each place that draws one. A well-formed answer comes
// back unchanged (IDs, secrets and times never hold such characters);
// errors are worded and made safe by state/errorMessage.ts.
import type { AppclacksApi } from '../api/types';
import { terminalSafeDeep } from '../text/terminal-text';

function safe<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => terminalSafeDeep(await call(...args));
}

/** `api` with every answer passed through terminalSafeDeep; each method is listed so a new one cannot skip it. */
export function withTerminalSafeAnswers(api: AppclacksApi): AppclacksApi {
  return {
    endpoint: api.endpoint,
    register: safe((request) => api.register(request)),
    getOrganization: safe((account) => api.getOrganization(account)),
    changePassword: safe((account, newPassword) => api.changePassword(account, newPassword)),
    createToken: safe((account, request) => api.createToken(account, request)),
    listTokens: safe((credentials) => api.listTokens(credentials)),
    getToken: safe((credentials, id) => api.getToken(credentials, id)),
    deleteToken: safe((credentials, id) => api.deleteToken(credentials, id)),
    getOrganizationByToken: safe((credentials) => api.getOrganizationByToken(credentials)),
    getCurrentToken: safe((credentials) => api.getCurrentToken(credentials)),
    rotateToken: safe((account, id, request) => api.rotateToken(account, id, request)),
    close: () => api.close(),
  };
}
