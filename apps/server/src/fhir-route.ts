// The FHIR R4 read API's HTTP edge: GET /fhir/R4/... answered by the api package's handler, as
// application/fhir+json, never cached, compressed like the other API answers. Authorization is a personal
// API token (Bearer); cookies are not read here, so no page of another site can make a browser read it.
import { handleFhir, type VersionedCache } from '@trialdesk/api';
import type { Db } from '@trialdesk/db';
import { Router, type Request } from 'express';
import { compressJson } from './compress.js';
import { noStore } from './security.js';

const langOf = (req: Request): 'en' | 'nl' =>
  req.get('x-trialdesk-lang') === 'nl' || /^nl\b/i.test(req.get('accept-language') ?? '') ? 'nl' : 'en';

export function fhirRouter(deps: { db: Db; clock: () => Date; cache: VersionedCache }): Router {
  const router = Router();
  router.use(noStore, compressJson);
  router.use((req, res, next) => {
    handleFhir(deps, {
      method: req.method,
      path: req.path,
      query: req.query,
      authorization: req.get('authorization') ?? null,
      ip: req.ip ?? null,
      baseUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`,
      lang: langOf(req),
    }).then((answer) => {
      for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
      res
        .status(answer.status)
        .type('application/fhir+json; charset=utf-8')
        .send(JSON.stringify(answer.body));
    }, next);
  });
  return router;
}
