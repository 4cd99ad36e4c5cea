// The add-profile form's submit: the login flow of `appclacks login`
// (organization lookup, then a `<name>-cli` token for `*`), written to the config file.
import { profileNameProblem } from '../../config/profile-name';
import { logIn, loginTokenName } from '../../flows/login';
import { errorMessage } from '../errorMessage';
import { show, type EffectContext } from './context';

export interface AddProfileNeeds {
  learnTokenId(secret: string, id: string): void;
  loadProfiles(selectName?: string): Promise<void>;
}

export function createAddProfileEffects({ store, deps }: EffectContext, needs: AddProfileNeeds) {
  const { dispatch, getState } = store;

  async function addProfile(): Promise<void> {
    const { login } = getState();
    if (login.busy) return;
    const problem = profileNameProblem(login.name);
    if (problem) return dispatch(show('error', `Cannot add "${login.name}": ${problem}.`));
    const account = { email: login.email, password: login.password };
    dispatch({ type: 'login/busy', busy: true });
    try {
      const { token: created, saved: madeDefault } = await logIn(deps.api, account, login.name, (profile) =>
        deps.profiles.upsert(profile, { makeDefault: 'ifNoDefault' }),
      );
      if (created.token) needs.learnTokenId(created.token, created.id);
      dispatch({ type: 'login/reset' });
      dispatch({ type: 'screen/pop' });
      const text = `Added profile ${login.name} (token ${loginTokenName(login.name)})${madeDefault ? ', now the default' : ''}.`;
      dispatch(show('success', text, 'Enter uses it for this session'));
      await needs.loadProfiles(login.name);
    } catch (error) {
      dispatch({ type: 'login/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  return { addProfile };
}
