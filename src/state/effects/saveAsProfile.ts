// Saving a new token (a creation's or a rotation's result) as a profile of the config file.
import { profileNameProblem } from '../../config/profile-name';
import { errorMessage } from '../errorMessage';
import { show, type EffectContext } from './context';

export interface SaveAsProfileNeeds {
  learnTokenId(secret: string, id: string): void;
  loadProfiles(): Promise<void>;
}

export function createSaveAsProfileEffects({ store, deps }: EffectContext, needs: SaveAsProfileNeeds) {
  const { dispatch, getState } = store;

  async function saveWizardAsProfile(): Promise<void> {
    const { wizard, profiles, session } = getState();
    const created = wizard.result;
    const name = wizard.saveAs?.name ?? '';
    if (!created?.token) return;
    const problem = profileNameProblem(name);
    if (problem) return dispatch(show('error', `Cannot save as "${name}": ${problem}.`));
    const organizationId = wizard.resultOrganizationId ?? session.organizationId?.value;
    if (!organizationId) return dispatch(show('error', 'Cannot save as a profile: the organization is unknown.', 'check the email and password, then create again'));
    try {
      const existing = profiles.items.length > 0 ? profiles.items : (await deps.profiles.read()).profiles;
      if (existing.some((p) => p.name === name)) return dispatch(show('error', `Profile "${name}" already exists: type another name.`));
      await deps.profiles.upsert({ name, organizationId, apiToken: created.token });
      needs.learnTokenId(created.token, created.id);
      dispatch({ type: 'wizard/saved' });
      dispatch(show('success', `Saved as profile ${name} in ${deps.profiles.path}.`, 'p, then Enter on it, uses it for this session'));
      void needs.loadProfiles();
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  return { saveWizardAsProfile };
}
