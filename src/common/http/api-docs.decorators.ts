import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from 'src/common/http/problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (problem+json with `errors`)',
  401: 'Missing or invalid token',
  403: 'Role not allowed',
  404: 'Not found (or not yours)',
  409: 'Conflict with the current state',
  422: 'Valid input that breaks a rule',
  429: 'Too many attempts',
};

/** Summary plus the problem+json error responses a route can give. */
export function ApiRoute(summary: string, errors: number[] = [400], options: { auth?: boolean } = {}) {
  const decorators = [
    ApiOperation({ summary }),
    ...errors.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ProblemDto }),
    ),
  ];
  if (options.auth !== false) {
    decorators.push(
      ApiBearerAuth(),
      ApiResponse({ status: 401, description: DESCRIPTIONS[401], type: ProblemDto }),
    );
  }
  return applyDecorators(...decorators);
}
