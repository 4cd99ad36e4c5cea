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
    const { addProfile: form } = getState();
    if (form.busy) return;
    const problem = profileNameProblem(form.name);
    if (problem) return dispatch(show('error', `Cannot add "${form.name}": ${problem}.`));
    const account = { email: form.email, password: form.password };
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
