import { type ArgumentMetadata, Injectable, ParseUUIDPipe, type PipeTransform, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type FieldError, ValidationProblemException } from './problem';

/** A null where a value belongs (OptionalField) says just that: the field's other rules would only repeat it. */
function messagesOf(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  return constraints.isDefined ? [constraints.isDefined] : Object.values(constraints);
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = messagesOf(error).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates bodies and queries against their DTO classes: unknown fields are rejected, values are
 * converted to their declared types, and every failure is listed in the problem's `errors[]`.
 */
@Injectable()
export class StrictValidationPipe implements PipeTransform {
  private readonly pipe = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblemException(flatten(errors)),
  });

  /**
   * Per query DTO class, what a request without query parameters (most list requests) validates to; null when an
   * empty query is invalid. Validation of {} depends on the class alone, so it runs once per class, not per request.
   */
  private readonly emptyQueries = new WeakMap<object, Promise<object | null>>();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new ValidationProblemException([], 'The request body must be a JSON object.');
      }
    }
    if (metadata.type === 'query' && metadata.metatype && isEmptyObject(value)) {
      return this.emptyQuery(value, metadata, metadata.metatype);
    }
    return this.pipe.transform(value, metadata);
  }

  private async emptyQuery(value: object, metadata: ArgumentMetadata, dto: object): Promise<unknown> {
    let validated = this.emptyQueries.get(dto);
    if (!validated) {
      validated = (this.pipe.transform({}, metadata) as Promise<object>).catch(() => null);
      this.emptyQueries.set(dto, validated);
    }
    const template = await validated;
    // An invalid empty query goes through the pipe again for its problem; a valid one gets its own copy.
    if (!template) return this.pipe.transform(value, metadata);
    return Object.assign(Object.create(Object.getPrototypeOf(template) as object | null) as object, template);
  }
}

const isEmptyObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/** Route parameter pipe for resource ids: a malformed id is a validation error, not a database error. */
export const ResourceIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationProblemException([{ field: 'id', message: 'id must be a UUID' }]),
});
