// Adding a profile is `appclacks login` on screen: name, email, hidden password.
import { Box, Text } from 'ink';
import { useAppState, useStore } from '../ui/context';
import { editAddProfileField } from '../keys/fieldEdits';
import { theme } from '../ui/theme';
import { TextField } from '../components/TextField';
import { ENV } from '../config/env';

export function AddProfile() {
  const { addProfile: form, session } = useAppState();
  const passwordFromEnv = session.password !== undefined;
  const edit = editAddProfileField(useStore());
  return (
    <Box flexDirection="column" width="100%">
      <Text bold color={theme.accent} wrap="truncate">Add a profile (the same as appclacks login)</Text>
      <Text dimColor wrap="truncate">Creates a token "{form.name || '<name>'}-cli" allowing every call, and stores it in the config file.</Text>
      <Box height={1} />
      <TextField label="Profile name" value={form.name} focused={form.field === 'name'} placeholder="e.g. work" onChange={edit} />
      <TextField label="Account email" value={form.email} focused={form.field === 'email'} onChange={edit} />
      {passwordFromEnv ? (
        <Text wrap="truncate">{`  Password: from ${ENV.accountPassword}`}</Text>
      ) : (
        <TextField label="Password" value={form.password} focused={form.field === 'password'} hidden placeholder="hidden, never stored" onChange={edit} />
      )}
      {form.busy && <Text color={theme.accent}>Signing in and creating the token…</Text>}
    </Box>
  );
}
