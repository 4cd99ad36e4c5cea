// Ctrl+U empties the focused text field through the field's value, and the
// component keeps editing from there: what is typed next is all the field holds.
import { describe, expect, it } from 'vitest';
import { drive, fakeStore } from '../helpers/ui-harness';

const CTRL_U = '\u0015';

describe('Ctrl+U in a text field', () => {
  it("empties the wizard's name, types no u, and the next key starts the value afresh", async () => {
    const { store } = fakeStore();
    const app = await drive(store);
    try {
      store.dispatch({ type: 'wizard/start' });
      await app.waitFor('Name');
      await app.type('abc');
      expect(store.getState().wizard.name).toBe('abc');
      await app.press(CTRL_U);
      await app.waitFor(/Name: ▏/);
      expect(store.getState().wizard.name).toBe('');
      await app.type('x');
      expect(store.getState().wizard.name).toBe('x');
      expect(app.frame()).toMatch(/Name: x▏/);
    } finally {
      app.unmount();
    }
  });

  it('empties the field of the add-profile form that has the focus, and only that one', async () => {
    const { store } = fakeStore();
    const app = await drive(store);
    try {
      store.dispatch({ type: 'add-profile/start', email: 'me@example.com' });
      await app.waitFor('Profile name');
      await app.type('work');
      await app.press('\r');
      await app.press(CTRL_U);
      await app.waitFor(/Account email: ▏/);
      expect(store.getState().addProfile).toMatchObject({ name: 'work', email: '', field: 'email' });
    } finally {
      app.unmount();
    }
  });

  it('is shown where it works: in the footer of a text field', async () => {
    const { store } = fakeStore();
    const app = await drive(store);
    try {
      store.dispatch({ type: 'wizard/start' });
      await app.waitFor('Name');
      store.dispatch({ type: 'resize', size: { columns: 200, rows: 24 } });
      await app.waitFor('Ctrl+U clear field');
    } finally {
      app.unmount();
    }
  });
});
