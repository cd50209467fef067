import { IsString } from 'class-validator';
import { PageQueryDto } from './pagination';
import { ValidationProblemException } from './problem';
import { StrictValidationPipe } from './validation';

class RequiredQueryDto {
  @IsString()
  name!: string;
}

describe('StrictValidationPipe', () => {
  const pipe = new StrictValidationPipe();
  const query = (metatype: new () => object) => ({ type: 'query' as const, metatype, data: undefined });

  it('gives each request without query parameters its own validated instance of the DTO', async () => {
    const first = await pipe.transform({}, query(PageQueryDto));
    const second = await pipe.transform({}, query(PageQueryDto));
    expect(first).toBeInstanceOf(PageQueryDto);
    expect(second).toBeInstanceOf(PageQueryDto);
    expect(first).not.toBe(second);
    expect({ ...(first as object) }).toEqual({});
  });

  it('still converts and validates queries with parameters', async () => {
    await expect(pipe.transform({ limit: '5' }, query(PageQueryDto))).resolves.toEqual({ limit: 5 });
    await expect(pipe.transform({ limit: '0' }, query(PageQueryDto))).rejects.toBeInstanceOf(
      ValidationProblemException,
    );
    await expect(pipe.transform({ page: '2' }, query(PageQueryDto))).rejects.toBeInstanceOf(ValidationProblemException);
  });

  it('refuses an empty query every time when the DTO requires a parameter', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({}, query(RequiredQueryDto))).rejects.toBeInstanceOf(ValidationProblemException);
    }
  });
});
