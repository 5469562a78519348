// The PostgreSQL dialect with centre scope: every connection Kysely takes from the pool is given the scope
// of the work that takes it (centre-scope.ts) and, once migration 016 made it, the application's non-owner
// role, before its first statement. A connection remembers what it was last given, so a connection taken
// again for the same scope costs nothing extra; a different scope costs one statement
// (set_config(…, false), for the connection's session: a transaction begun on it inherits it, and
// withAllCentres changes it for one transaction only). A connection is never handed out with another
// request's scope: the scope is set when the connection is taken, not hoped to have been reset when it was
// given back.
//
// Two pools: work across all centres (every session lookup, the membership check, PI and monitor requests,
// the data version, scheduled work) takes connections from one, a centre's work (a coordinator's procedure)
// from the other. With one pool, a coordinator's request flipped the same connection from 'all' (its
// session lookup) to its centre and back on the next request: two extra round trips per request, which
// made a coordinator's cheap calls 1.5–2× slower (bench/RESULTS.md, "Row-level security").
import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
} from 'kysely';
import { ALL_CENTRES, CENTRE_SETTING, currentCentreScope } from './centre-scope.js';

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
    /** The driver of the centres' pool; null for that driver itself (it takes every scope it is given). */
    private readonly centres: ScopedPostgresDriver | null = null,
  ) {
    super(config);
  }

  override async init(): Promise<void> {
    await super.init();
    await this.centres?.init();
  }

  override async destroy(): Promise<void> {
    await this.centres?.destroy();
    await super.destroy();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const scope = currentCentreScope();
    // A connection of either pool is released, begun and committed the same way (Kysely's driver methods
    // act on the connection), so the pool is chosen here only.
    if (scope !== ALL_CENTRES && this.centres) return this.centres.acquireConnection();
    const connection = (await super.acquireConnection()) as PgConnection;
    const state = this.#states.get(connection) ?? { scope: null, role: null };
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
  /** `config` is the pool for work across all centres, `centresConfig` the one for a centre's work. */
  constructor(
    private readonly scopedConfig: PostgresDialectConfig,
    private readonly appRole: AppRoleSwitch,
    private readonly centresConfig: PostgresDialectConfig | null = null,
  ) {
    super(scopedConfig);
  }

  override createDriver(): Driver {
    const centres = this.centresConfig ? new ScopedPostgresDriver(this.centresConfig, this.appRole) : null;
    return new ScopedPostgresDriver(this.scopedConfig, this.appRole, centres);
  }
}
