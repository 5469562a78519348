// The PostgreSQL dialect with centre scope: every connection Kysely takes from the pool is given the scope
// of the work that takes it (centre-scope.ts) and, once migration 016 made it, the application's non-owner
// role, before its first statement. A connection remembers what it was last given, so a connection taken
// again for the same scope costs nothing extra; a different scope costs one statement
// (set_config(…, false), for the connection's session: a transaction begun on it inherits it, and
// withAllCentres changes it for one transaction only). A connection is never handed out with another
// request's scope: the scope is set when the connection is taken, not hoped to have been reset when it was
// given back.
import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
} from 'kysely';
import { CENTRE_SETTING, currentCentreScope } from './centre-scope.js';

/** Kysely does not export the class of its PostgreSQL connections. */
type PgConnection = Parameters<PostgresDriver['releaseConnection']>[0];

interface ConnectionState {
  scope: string | null;
  role: string | null;
}

/** Which role the application's connections act as: set once the migrations have made it. */
export class AppRoleSwitch {
  role: string | null = null;
}

class ScopedPostgresDriver extends PostgresDriver {
  readonly #states = new WeakMap<PgConnection, ConnectionState>();

  constructor(
    config: PostgresDialectConfig,
    private readonly appRole: AppRoleSwitch,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = (await super.acquireConnection()) as PgConnection;
    const state = this.#states.get(connection) ?? { scope: null, role: null };
    const scope = currentCentreScope();
    const role = this.appRole.role;
    if (state.scope === scope && state.role === role) return connection;
    try {
      // Role first: the setting is a placeholder any role may set.
      await connection.executeQuery(
        role !== null && state.role !== role
          ? CompiledQuery.raw(`SELECT set_config('role', $1, false), set_config($2, $3, false)`, [
              role,
              CENTRE_SETTING,
              scope,
            ])
          : CompiledQuery.raw(`SELECT set_config($1, $2, false)`, [CENTRE_SETTING, scope]),
      );
    } catch (error) {
      // Unknown state: forget it, so the next taker sets both again; the connection goes back unused.
      this.#states.delete(connection);
      await super.releaseConnection(connection);
      throw error;
    }
    this.#states.set(connection, { scope, role: role ?? state.role });
    return connection;
  }
}

export class ScopedPostgresDialect extends PostgresDialect {
  constructor(
    private readonly scopedConfig: PostgresDialectConfig,
    private readonly appRole: AppRoleSwitch,
  ) {
    super(scopedConfig);
  }

  override createDriver(): Driver {
    return new ScopedPostgresDriver(this.scopedConfig, this.appRole);
  }
}
