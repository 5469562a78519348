// An account whose password an administrator set (on creation or by a reset) must change it at the next
// login before anything else opens: the administrator knows that password, and it travelled to the user.
// Set by users.create and users.resetPassword, cleared by auth.changePassword.
export const mustChangePasswordSqlite = `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
`;

export const mustChangePasswordPostgres = `
ALTER TABLE users ADD COLUMN must_change_password integer NOT NULL DEFAULT 0;
`;
