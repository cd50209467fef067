import { ApiProblem, InvalidFields, problemOf, splitFieldErrors, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps a problem document as the API sent it', () => {
    const body = {
      type: 'urn:callwire:problem:validation-error',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      errors: [{ field: 'username', message: 'username must be letters' }],
    };
    expect(toProblem(400, 'Bad Request', body)).toEqual(body);
  });

  it('drops malformed field errors and an empty list', () => {
    const problem = toProblem(400, '', { title: 'Bad Request', errors: [{ field: 1 }, 'x'] });
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('makes up a problem for a body that is not one', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>')).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(toProblem(500, '', null).title).toBe('HTTP 500');
  });
});

describe('problemOf', () => {
  it('unwraps an ApiProblem and turns other errors into a network problem', () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Call not found.' };
    expect(problemOf(new ApiProblem(problem))).toBe(problem);
    expect(problemOf(new TypeError('Failed to fetch'))).toMatchObject({
      title: 'Network error',
      status: 0,
      detail: 'Failed to fetch',
    });
  });

  it('shows fields refused before sending as a validation problem with their errors', () => {
    const errors = [{ field: 'outbound.gateways.0.port', message: 'port must be a number' }];
    expect(problemOf(new InvalidFields(errors))).toEqual({
      type: 'about:blank',
      title: 'Invalid fields',
      status: 0,
      detail: 'Nothing was sent: correct the fields marked below.',
      errors,
    });
  });
});

describe('splitFieldErrors', () => {
  const problem = {
    type: 'urn:callwire:problem:validation-error',
    title: 'Bad Request',
    status: 400,
    errors: [
      { field: 'name', message: 'name must be shorter' },
      { field: 'name', message: 'name must not contain control characters' },
      { field: 'outbound.gateways.0.host', message: 'host must be a hostname' },
      { field: 'cursor', message: 'cursor is not a valid page cursor' },
    ],
  };

  it("puts the form's fields next to them and lists the others", () => {
    const fields = new Set(['name', 'outbound.gateways.0.host']);
    expect(splitFieldErrors(problem, (field) => fields.has(field))).toEqual({
      byField: {
        name: ['name must be shorter', 'name must not contain control characters'],
        'outbound.gateways.0.host': ['host must be a hostname'],
      },
      other: [{ field: 'cursor', message: 'cursor is not a valid page cursor' }],
    });
  });

  it('has nothing to split without a problem', () => {
    expect(splitFieldErrors(null, () => true)).toEqual({ byField: {}, other: [] });
  });
});
