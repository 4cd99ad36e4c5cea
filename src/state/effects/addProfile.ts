// The add-profile form's submit: the login flow of `appclacks login`
// (organization lookup, then a `<name>-cli` token for `*`), written to the config file.
import { profileNameProblem } from '../../config/profile-name';
import { ENV } from '../../config/env';
import { emptyLoginAnswer, logIn, loginTokenName } from '../../flows/login';
import { errorMessage } from '../errorMessage';
import { show, type EffectContext } from './context';

export interface AddProfileNeeds {
  learnTokenId(secret: string, id: string): void;
  loadProfiles(selectName?: string): Promise<void>;
}

export function createAddProfileEffects({ store, deps }: EffectContext, needs: AddProfileNeeds) {
  const { dispatch, getState } = store;

  async function addProfile(): Promise<void> {
    const { addProfile: form } = getState();
    if (form.busy) return;
    const problem = profileNameProblem(form.name);
    if (problem) return dispatch(show('error', `Cannot add "${form.name}": ${problem}.`));
    // APPCLACKS_ACCOUNT_PASSWORD, when set, is the password, as for `appclacks login`: the form does not ask it.
    const fromEnv = getState().session.password;
    const account = { email: form.email, password: fromEnv?.value ?? form.password };
    const empty = emptyLoginAnswer(account);
    if (empty === 'email') return dispatch(show('error', 'The account email is empty: nothing was sent.', 'type it, then Enter'));
    if (empty === 'password') {
      return dispatch(
        fromEnv
          ? show('error', `${ENV.accountPassword} is empty: nothing was sent.`, `set it to the account password, or unset it to type one`)
          : show('error', 'The account password is empty: nothing was sent.', 'type it, then Enter'),
      );
    }
    dispatch({ type: 'add-profile/busy', busy: true });
    try {
      const { token: created, saved: madeDefault } = await logIn(deps.api, account, form.name, (profile) =>
        deps.profiles.upsert(profile, { makeDefault: 'ifNoDefault' }),
      );
      if (created.token) needs.learnTokenId(created.token, created.id);
      dispatch({ type: 'add-profile/reset' });
      dispatch({ type: 'screen/pop' });
      const text = `Added profile ${form.name} (token ${loginTokenName(form.name)})${madeDefault ? ', now the default' : ''}.`;
      dispatch(show('success', text, 'Enter uses it for this session'));
      await needs.loadProfiles(form.name);
    } catch (error) {
      dispatch({ type: 'add-profile/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  return { addProfile };
}
