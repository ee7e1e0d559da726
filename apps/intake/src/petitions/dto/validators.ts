import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidResidentId } from '../../pii/resident-id';

/** An 18-digit resident ID with a valid birth date and check character. */
export function IsResidentId(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isResidentId',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an 18-digit resident ID number with a valid birth date and check digit`, ...options },
      validator: { validate: (value: unknown) => isValidResidentId(value) },
    });
}

/** Mainland mobile or landline number (digits, optional area code with a dash). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Strips surrounding whitespace from strings, leaves other values for the type checks. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Text that decoded cleanly: no U+FFFD (what invalid UTF-8 becomes in the body parser) and no
 * control characters other than tab and line breaks. Garbled text is refused, not stored.
 */
export function IsCleanText(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCleanText',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be valid UTF-8 text without control characters`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || isCleanText(value) },
    });
}

function isCleanText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return false;
  }
  return true;
}
