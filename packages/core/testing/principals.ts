import type { OrgKind, Principal } from '../src/index';

/** A signed-in user of the organisation (`<orgId>-user`), an agency officer unless told otherwise. */
export const principal = (
  orgId: string,
  country: string,
  roles: Principal['roles'] = ['officer'],
  orgKind: OrgKind = 'agency',
): Principal => ({
  sub: `${orgId}-user`,
  orgId,
  orgKind,
  country,
  roles,
});
