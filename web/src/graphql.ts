/** A minimal GraphQL client for the explorer: POST to this server's /graphql, errors thrown with their message. */
export class GraphQLRequestError extends Error {}

export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body.data) throw new GraphQLRequestError(`HTTP ${response.status} from /graphql`);
  return body.data;
}
