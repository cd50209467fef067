import { type FieldError, InvalidFields } from '../api/problem';

/** A number field's text; null when the browser could not read what was typed as a number (badInput). */
export type NumberText = string | null;

/**
 * Reads a form's number fields for one request body. A field that is not a number is an error of that field
 * (like the API's, by its DTO path), and the body is not sent: the API would only see text it cannot take.
 */
export class NumberFields {
  private readonly errors: FieldError[] = [];

  /** The number in a field, or undefined when the field is empty (the API's default applies). */
  read(text: NumberText, field: string): number | undefined {
    if (text?.trim() === '') return undefined;
    const number = text === null ? Number.NaN : Number(text);
    if (Number.isFinite(number)) return number;
    this.errors.push({ field, message: `${field.slice(field.lastIndexOf('.') + 1)} must be a number` });
    return undefined;
  }

  /** The body, or InvalidFields thrown when a number field was not a number. */
  checked<T>(body: T): T {
    if (this.errors.length > 0) throw new InvalidFields(this.errors);
    return body;
  }
}

/** One number field read on its own: the number, undefined when empty; InvalidFields when not a number. */
export function readNumberField(text: NumberText, field: string): number | undefined {
  const numbers = new NumberFields();
  return numbers.checked(numbers.read(text, field));
}
