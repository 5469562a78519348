// Which dialog the record page has open; its own file so that the page and the records table (which opens
// the correct and void dialogs) do not import each other.
import type { Correctable, CorrectionTarget } from './corrections-form';

export type Dialog =
  | { kind: 'surgery' | 'cycle' | 'assessment' | 'event' }
  | { kind: 'correct'; correctable: Correctable; what: string }
  | { kind: 'void'; target: CorrectionTarget; what: string };
