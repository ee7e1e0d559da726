import { type CanActivate, type ExecutionContext } from '@nestjs/common';
import { type Reflector } from '@nestjs/core';
import { Role } from '@petition/contracts';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { AuthError, AuthErrorCode } from './auth.errors';
import { verifyStaffToken } from './jwt';
import type { StaffUser } from './staff-user';

/**
 * Guards every HTTP handler by default (registered as the global guard): a handler is reachable
 * without a token only when marked `@Public()`. Roles from `@Roles()` are checked here; unit
 * scoping is the repositories' job, with the caller's unit as a required parameter.
 */
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: StaffUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError(AuthErrorCode.Unauthenticated, '需要登录：缺少 Bearer 令牌 (missing bearer token)');
    const user = verifyStaffToken(match[1], this.secret);
    if (!user) throw new AuthError(AuthErrorCode.Unauthenticated, '登录令牌无效或已过期 (invalid or expired token)');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !user.roles.includes(Role.Admin) && !roles.some((r) => user.roles.includes(r))) {
      throw new AuthError(AuthErrorCode.Forbidden, `无权执行此操作 (requires one of: ${roles.join(', ')})`);
    }
    return true;
  }
}
