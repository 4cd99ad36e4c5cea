import { describe, expect, it } from 'vitest';
import {
  allows,
  describePermission,
  PERMISSION_NAMES,
  sortPermissions,
  suggestPermission,
  validatePermissions,
} from '../../src/tokens/permissions';

describe('the permission catalogue', () => {
  it('holds the 13 names of docs/api.md', () => {
    expect(PERMISSION_NAMES).toHaveLength(13);
    expect(PERMISSION_NAMES).toContain('ListAPITokens');
    expect(PERMISSION_NAMES).toContain('CabourotteDiscovery');
  });

  it('says GetHealthcheck reads a health check, not a token (the docs slip)', () => {
    expect(describePermission('GetHealthcheck')).toBe('reading one health check');
  });

  it('grants through * or the exact name only', () => {
    expect(allows(['*'], 'DeleteAPIToken')).toBe(true);
    expect(allows(['ListAPITokens'], 'ListAPITokens')).toBe(true);
    expect(allows(['ListAPITokens'], 'GetAPIToken')).toBe(false);
    expect(allows([], 'GetAPIToken')).toBe(false);
  });
});

describe('validatePermissions', () => {
  it('accepts catalogue names and drops duplicates', () => {
    expect(validatePermissions(['ListAPITokens', 'GetAPIToken', 'ListAPITokens'])).toEqual({
      ok: true,
      value: ['ListAPITokens', 'GetAPIToken'],
    });
    expect(validatePermissions(['*'])).toEqual({ ok: true, value: ['*'] });
  });

  it.each([
    [['listapitokens'], /unknown permission "listapitokens": did you mean "ListAPITokens"\?/],
    [['ListAPIToken'], /did you mean "ListAPITokens"/],
    [['GetHealtcheck'], /did you mean "GetHealthcheck"/],
    [['DeleteEverything'], /unknown permission "DeleteEverything": known ones are \*, GetOrganization/],
    [['*', 'ListAPITokens'], /"\*" already allows every call/],
    [[], /no permission given/],
    [['  '], /no permission given/],
  ])('refuses %j', (input, message) => {
    const result = validatePermissions(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('suggests nothing for a name far from every permission', () => {
    expect(suggestPermission('xyzzy')).toBeUndefined();
  });

  it('sorts * first, then catalogue order', () => {
    expect(sortPermissions(['DeleteAPIToken', 'ListAPITokens', '*'])).toEqual(['*', 'ListAPITokens', 'DeleteAPIToken']);
  });
});
