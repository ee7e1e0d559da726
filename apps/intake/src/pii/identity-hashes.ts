import type { PiiCipher } from './pii-cipher';

/*
 * The keyed hashes by which intake recognises a petitioner without storing who they are in
 * clear: at registration (repeat detection) and at the window (lookup). One definition, so a
 * number typed at the window with spaces or a lower-case x finds the petition registered without.
 */

/** Resident ID number: upper case, no spaces. */
export function idNumberHash(pii: PiiCipher, idNumber: string): string {
  return pii.hash(`id:${idNumber.replace(/\s/g, '').toUpperCase()}`);
}

/** Phone: digits only. */
export function phoneHash(pii: PiiCipher, phone: string): string {
  return pii.hash(`phone:${phone.replace(/\D/g, '')}`);
}

/** Name: without any white space (张 三 = 张三); the region narrows a lookup by name, not the hash. */
export function nameHash(pii: PiiCipher, name: string): string {
  return pii.hash(`name:${name.replace(/\s/g, '')}`);
}
