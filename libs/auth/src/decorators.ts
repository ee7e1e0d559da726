import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@petition/contracts';
import type { StaffUser } from './staff-user';

export const IS_PUBLIC_KEY = 'petition:isPublic';
export const ROLES_KEY = 'petition:roles';

/** Marks a handler as reachable without a staff token (health, docs, petitioner-facing paths). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Restricts a handler to staff holding at least one of the roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Injects the authenticated {@link StaffUser}. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => {
  return ctx.switchToHttp().getRequest<{ user: StaffUser }>().user;
});
