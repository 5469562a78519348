// Test data through the API, as another user would enter it: a logged-in request context that calls tRPC
// procedures over HTTP (same-origin JSON POSTs, like the web app).
import { expect, request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';

export class ApiSession {
  private constructor(private readonly context: APIRequestContext) {}

  static async logIn(baseURL: string, username: string): Promise<ApiSession> {
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const session = new ApiSession(context);
    await session.mutate('auth.login', { username, password: DEMO_PASSWORD });
    return session;
  }

  async mutate(procedure: string, input: unknown): Promise<unknown> {
    const response = await this.context.post(`/trpc/${procedure}`, { data: input });
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return response.json();
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}
