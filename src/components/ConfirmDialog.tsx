// Confirmation dialogs: they name what goes (or what a rotation does), and No is highlighted first.
import { Box, Text } from 'ink';
import type { Dialog } from '../state/types';
import { useAppState } from '../ui/context';
import { GLYPH, theme } from '../ui/theme';

function Choices({ choice }: { choice: 'yes' | 'no' }) {
  const show = (label: string, on: boolean) => (on ? `${GLYPH.selected} [ ${label} ]` : `  [ ${label} ]`);
  return (
    <Box height={1}>
      <Text>
        <Text inverse={choice === 'no'} bold={choice === 'no'}>{show('No', choice === 'no')}</Text>
        <Text>{'   '}</Text>
        <Text inverse={choice === 'yes'} bold={choice === 'yes'} color={theme.danger}>{show('Yes', choice === 'yes')}</Text>
      </Text>
    </Box>
  );
}

/** `fixedTitle`: a title of our own words, short enough to wrap; one naming a token or profile is cut instead. */
function lines(dialog: Dialog): { title: string; body: string[]; warning?: string; fixedTitle?: boolean } {
  switch (dialog.kind) {
    case 'confirm-delete':
      return {
        title: `Delete token "${dialog.tokenName}"?`,
        body: [`ID ${dialog.tokenId}`, 'Anything using this token stops working at once. This cannot be undone.'],
        ...(dialog.isSessionToken && {
          warning: `${GLYPH.warning} THIS SESSION signs in with this token: deleting it ends this session's access.`,
        }),
      };
    case 'confirm-bulk-delete': {
      const count = dialog.ids.length;
      const more = count - dialog.names.length;
      return {
        title: `Delete ${count} marked token${count === 1 ? '' : 's'}?`,
        fixedTitle: true,
        body: [
          `${dialog.names.map((n) => `"${n}"`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
          'Anything using them stops working at once. This cannot be undone.',
        ],
        ...(dialog.includesSessionToken && {
          warning: `${GLYPH.warning} THIS SESSION signs in with one of them: deleting it ends this session's access.`,
        }),
      };
    }
    case 'confirm-rotate':
      return {
        title: `Rotate token "${dialog.tokenName}"?`,
        body: [
          'A new token (same name, description, permissions and TTL) replaces it;',
          'the old one is deleted at once: what still uses it stops working.',
          dialog.accountFromEnv ? 'The account comes from the environment.' : 'The account email and password are asked next.',
          dialog.profileName !== undefined
            ? `Profile ${dialog.profileName} holds it: the result offers to update it.`
            : 'The new secret is shown once: copy it or save it as a profile.',
        ],
        ...(dialog.isSessionToken && {
          warning: `${GLYPH.warning} THIS SESSION signs in with this token: it keeps working only once a profile holds the new one.`,
        }),
      };
    case 'confirm-leave-wizard':
      return {
        title: 'Discard this new token?',
        fixedTitle: true,
        body: ['What you typed in the wizard will be lost.', ...(dialog.leaveTo === 'quit' ? ['Yes quits appclacks.'] : [])],
      };
    case 'confirm-leave-result':
      return {
        title: 'The secret will not be shown again. Leave anyway?',
        fixedTitle: true,
        body: [
          'It was neither copied (c) nor saved as a profile (s).',
          'The token stays valid, but nobody can use it without the secret.',
          ...(dialog.leaveTo === 'quit' ? ['Yes quits appclacks.'] : []),
        ],
      };
    case 'confirm-leave-add-profile':
      return { title: 'Discard this new profile?', fixedTitle: true, body: ['What you typed in the form will be lost.'] };
    case 'confirm-remove-profile':
      return {
        title: `Remove profile "${dialog.profileName}"?`,
        body: ['It is removed from the config file; its token stays valid on the server.'],
      };
  }
}

export function ConfirmDialog() {
  const { dialog } = useAppState();
  if (!dialog) return null;
  const { title, body, warning, fixedTitle } = lines(dialog);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.danger} paddingX={1} width="100%">
      <Text bold wrap={fixedTitle ? 'wrap' : 'truncate'}>{title}</Text>
      {warning !== undefined && <Text color={theme.danger} bold wrap="wrap">{warning}</Text>}
      {/* The answer comes before the details, so a short terminal still shows it;
          the keys are in the footer, which the dialog does not repeat. */}
      <Choices choice={dialog.choice} />
      {body.map((line) => (
        <Text key={line} wrap="truncate">{line}</Text>
      ))}
    </Box>
  );
}
