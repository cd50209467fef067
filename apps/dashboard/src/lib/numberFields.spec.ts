import { InvalidFields } from '../api/problem';
import { NumberFields, readNumberField } from './numberFields';

describe('number fields', () => {
  it('reads a number, and an empty field as absent (the API default applies)', () => {
    expect(readNumberField('12', 'priority')).toBe(12);
    expect(readNumberField(' ', 'priority')).toBeUndefined();
  });

  it('refuses text the browser could not read as a number, naming the field', () => {
    expect(() => readNumberField(null, 'ttlSeconds')).toThrow(InvalidFields);
    expect(() => readNumberField(null, 'ttlSeconds')).toThrow('ttlSeconds must be a number');
  });

  it('collects every bad field of a body before refusing it', () => {
    const numbers = new NumberFields();
    const body = { port: numbers.read('x', 'outbound.gateways.0.port'), weight: numbers.read(null, 'weight') };
    expect(() => numbers.checked(body)).toThrow(
      expect.objectContaining({
        errors: [
          { field: 'outbound.gateways.0.port', message: 'port must be a number' },
          { field: 'weight', message: 'weight must be a number' },
        ],
      }),
    );
  });
});
