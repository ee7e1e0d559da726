import { isValidResidentId, withCheckDigit } from './resident-id';

describe('resident ID numbers', () => {
  it('accepts a valid number and its lower-case x form', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId(withCheckDigit('44010619900101123'))).toBe(true);
  });

  it('refuses a wrong check digit, impossible dates, future births and wrong shapes', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId(withCheckDigit('44010619900230123'))).toBe(false);
    expect(isValidResidentId(withCheckDigit('44010630000101123'))).toBe(false);
    expect(isValidResidentId('4401061990010112')).toBe(false);
    expect(isValidResidentId(4401061990)).toBe(false);
  });
});
