import { openApiDocument } from '@/lib/validation/openapi'

export function GET() {
  return Response.json(openApiDocument())
}
