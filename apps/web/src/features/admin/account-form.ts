// Checks of the user forms with the same rules as the server (packages/domain/src/roles.ts), so that most
// mistakes are shown before sending; what only the server can know (a taken username, the last
// administrator) comes back as an error key and is mapped onto the same fields here.
import {
  centreRuleProblem,
  isCentreBound,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normaliseUsernameInput,
  USERNAME_PATTERN,
  type Role,
} from '@trialdesk/domain';
import type { ApiErrorData } from '../../lib/errors';

export type AccountField = 'username' | 'displayName' | 'role' | 'centre' | 'password' | 'confirm';

type FieldProblem =
  | 'usernameFormat'
  | 'usernameTaken'
  | 'displayNameRequired'
  | 'displayNameTooLong'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordMismatch'
  | 'centreRequired'
  | 'centreNotAllowed'
  | 'centreUnknown';

export type FieldProblems = Partial<Record<AccountField, FieldProblem>>;

interface AccountValues {
  username?: string;
  displayName?: string;
  role?: Role;
  centre?: string | null;
  password?: string;
  confirm?: string;
}

function passwordProblem(password: string): FieldProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  return undefined;
}

/** The problems of the fields present in `values` (a create form has all, a reset only the passwords). */
export function checkAccount(values: AccountValues): FieldProblems {
  const out: FieldProblems = {};
  if (values.username !== undefined && !USERNAME_PATTERN.test(normaliseUsernameInput(values.username)))
    out.username = 'usernameFormat';
  if (values.displayName !== undefined) {
    const name = values.displayName.trim();
    if (!name) out.displayName = 'displayNameRequired';
    else if (name.length > MAX_DISPLAY_NAME_LENGTH) out.displayName = 'displayNameTooLong';
  }
  if (values.role !== undefined && centreRuleProblem(values.role, values.centre ?? null))
    out.centre = isCentreBound(values.role) ? 'centreRequired' : 'centreNotAllowed';
  if (values.password !== undefined) {
    const problem = passwordProblem(values.password);
    if (problem) out.password = problem;
    else if (values.confirm !== undefined && values.confirm !== values.password)
      out.confirm = 'passwordMismatch';
  }
  return out;
}

const fieldOfServerKey: Record<string, [AccountField, FieldProblem]> = {
  'user.username_taken': ['username', 'usernameTaken'],
  'user.centre_unknown': ['centre', 'centreUnknown'],
};

/**
 * The server's answer as field problems where it names a field we know, plus any remaining field messages
 * in the server's words (keyed by the API's field names: `password` or `newPassword` both map to password).
 */
export function serverFieldProblems(data: ApiErrorData | null): {
  problems: FieldProblems;
  messages: Partial<Record<AccountField, string>>;
} {
  const problems: FieldProblems = {};
  const messages: Partial<Record<AccountField, string>> = {};
  if (!data) return { problems, messages };
  const known = data.key ? fieldOfServerKey[data.key] : undefined;
  if (known) problems[known[0]] = known[1];
  for (const [field, list] of Object.entries(data.fields ?? {})) {
    const target: AccountField | null =
      field === 'newPassword' ? 'password' : isAccountField(field) ? field : null;
    if (target && !problems[target]) messages[target] = list.join(' ');
  }
  return { problems, messages };
}

function isAccountField(field: string): field is AccountField {
  return ['username', 'displayName', 'role', 'centre', 'password', 'confirm'].includes(field);
}

export const hasProblems = (p: FieldProblems) => Object.keys(p).length > 0;
