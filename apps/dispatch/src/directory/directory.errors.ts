import { DomainError, type FieldReason } from '@petition/service-kit';

/** Stable codes of directory errors. */
export enum DirectoryErrorCode {
  UnitNotFound = 'DIRECTORY_UNIT_NOT_FOUND',
  RegionNotFound = 'DIRECTORY_REGION_NOT_FOUND',
  CategoryNotFound = 'DIRECTORY_CATEGORY_NOT_FOUND',
  Duplicate = 'DIRECTORY_DUPLICATE',
  Invalid = 'DIRECTORY_INVALID_REFERENCE',
}

export class UnitNotFoundError extends DomainError {
  constructor(id: string) {
    super(DirectoryErrorCode.UnitNotFound, `单位不存在 (unit ${id} not found)`, 'not_found');
  }
}

export class RegionNotFoundError extends DomainError {
  constructor(code: string) {
    super(DirectoryErrorCode.RegionNotFound, `行政区划不存在 (region ${code} not found)`, 'not_found');
  }
}

export class CategoryNotFoundError extends DomainError {
  constructor(code: string) {
    super(DirectoryErrorCode.CategoryNotFound, `分类不存在 (category ${code} not found)`, 'not_found');
  }
}

/** The code is taken. */
export class DirectoryDuplicateError extends DomainError {
  constructor(what: string, code: string) {
    super(DirectoryErrorCode.Duplicate, `编码已存在 (${what} ${code} already exists)`, 'conflict');
  }
}

/** The entry names a parent, region or category the directory does not have. */
export class DirectoryInvalidReferenceError extends DomainError {
  constructor(details: FieldReason[]) {
    super(DirectoryErrorCode.Invalid, '引用了不存在的目录项 (references unknown directory entries)', 'unprocessable', details);
  }
}
