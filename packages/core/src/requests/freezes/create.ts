import { invalid } from '../../kernel/errors';
import type { Principal } from '../../kernel/principal';
import { authorizeIn } from '../../policies/permissions';
import type { Workspace } from '../../workspaces/model';
import type { CreateRequestInput } from '../request';
import { FREEZE_SECTORS, type FreezeTerms } from './model';

/** Raising an asset freeze: the table's `request.freeze`, and a partner that holds accounts or wallets. */
export const checkFreezeRequest = (
  input: Pick<CreateRequestInput, 'type' | 'assets'>,
  p: Principal,
  ws: Workspace,
  provider: { name: string; sector?: string | undefined },
): FreezeTerms | undefined => {
  if (input.type !== 'asset_freeze') return undefined;
  authorizeIn('request.freeze', p, ws);
  if (!provider.sector || !FREEZE_SECTORS.includes(provider.sector))
    throw invalid('providerOrgId', `${provider.name} is not a bank or a crypto exchange; an asset freeze goes to one`);
  return { assets: input.assets ?? [], renewals: 0 };
};
