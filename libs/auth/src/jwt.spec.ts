import { JwtService } from '@nestjs/jwt';
import { Role } from '@petition/contracts';
import { signStaffToken, verifyStaffToken } from './jwt';

const secret = 'a-test-secret-of-enough-length';

describe('staff tokens', () => {
  it('round-trips subject, roles and unit', () => {
    const token = signStaffToken({ sub: 'u1', roles: [Role.Handler, Role.UnitHead], unitId: 'unit-1' }, secret);
    expect(verifyStaffToken(token, secret)).toEqual({ sub: 'u1', roles: [Role.Handler, Role.UnitHead], unitId: 'unit-1' });
  });

  it('refuses a wrong secret, an expired token, unknown roles and a non-string unit', () => {
    const token = signStaffToken({ sub: 'u1', roles: [Role.Clerk], unitId: null }, secret);
    expect(verifyStaffToken(token, 'another-secret-of-enough-length')).toBeNull();
    expect(verifyStaffToken(signStaffToken({ sub: 'u1', roles: [Role.Clerk], unitId: null }, secret, -10), secret)).toBeNull();
    const jwt = new JwtService({ secret });
    expect(verifyStaffToken(jwt.sign({ roles: ['superuser'] }, { subject: 'u1' }), secret)).toBeNull();
    expect(verifyStaffToken(jwt.sign({ roles: [Role.Clerk], unitId: 42 }, { subject: 'u1' }), secret)).toBeNull();
    expect(verifyStaffToken(jwt.sign({ roles: Role.Clerk }, { subject: 'u1' }), secret)).toBeNull();
  });

  it('refuses the none algorithm', () => {
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"]}').toString('base64url')}.`;
    expect(verifyStaffToken(unsigned, secret)).toBeNull();
  });
});
