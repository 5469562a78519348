// Test data through the API, as another user would enter it: a logged-in request context that calls tRPC
// procedures over HTTP (same-origin JSON POSTs, like the web app).
import { expect, request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';

export class ApiSession {
  private constructor(private readonly context: APIRequestContext) {}

  static async logIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const session = new ApiSession(context);
    await session.mutate('auth.login', { username, password });
    return session;
  }

  async mutate(procedure: string, input: unknown): Promise<unknown> {
    const response = await this.context.post(`/trpc/${procedure}`, { data: input });
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return response.json();
  }

  /** Reads a query procedure (GET, as the web app's queries do). */
  async query(procedure: string, input: unknown): Promise<unknown> {
    const response = await this.context.get(
      `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return response.json();
  }

  /** Calls a procedure and returns the HTTP status and the answer, whatever they are. */
  async call(procedure: string, input: unknown): Promise<{ status: number; body: string }> {
    const response = await this.context.post(`/trpc/${procedure}`, { data: input });
    return { status: response.status(), body: await response.text() };
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

/**
 * A new account made by the administrator through the API, named uniquely so that journeys never share
 * one, and made a member of the given trials (by default both demo trials) with its role and centre. Its
 * password was set by an administrator, so its first login leads to "Your account".
 */
export async function createAccount(
  baseURL: string,
  account: {
    prefix: string;
    displayName: string;
    role: string;
    centre?: string;
    trials?: readonly string[];
  },
): Promise<{ username: string; password: string }> {
  const username = `${account.prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const password = `set-by-admin-${username}`;
  const admin = await ApiSession.logIn(baseURL, 'admin');
  const created = (await admin.mutate('users.create', {
    username,
    displayName: account.displayName,
    role: account.role,
    centre: account.centre ?? null,
    password,
  })) as { result: { data: { id: number } } };
  // Access is a membership per trial: a new account sees nothing until it is a member of a trial.
  for (const trialId of account.trials ?? ['pump-iii', 'artery-2'])
    await admin.mutate('users.setMembership', {
      userId: created.result.data.id,
      trialId,
      role: account.role,
      centre: account.centre ?? null,
    });
  await admin.dispose();
  return { username, password };
}
