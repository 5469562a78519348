// The audit trail for administrators and the PI ('audit:read'): a filtered, keyset-paginated list, a CSV
// export (itself audited), and the hash-chain verification behind the status badge. One file per procedure.
import { router } from '../../trpc.js';
import { exportAuditCsvProcedure } from './export-csv.js';
import { listAuditProcedure } from './list.js';
import { verifyAuditProcedure } from './verify.js';

export const auditRouter = router({
  list: listAuditProcedure,
  exportCsv: exportAuditCsvProcedure,
  verify: verifyAuditProcedure,
});
