// The trial a page is about lives in the URL (/trials/:trialId/...), so every view is linkable. The last
// trial opened is remembered so that "/" and global pages know which trial the user works on.
import { useMatch, useParams } from 'react-router';

const STORAGE_KEY = 'trialdesk.trial';

/** The trial of a trial-scoped page. */
export function useTrialId(): string {
  const { trialId } = useParams();
  if (!trialId) throw new Error('useTrialId is for pages under /trials/:trialId');
  return trialId;
}

/** The trial in the URL, if the current page is trial-scoped (usable in layouts above the route). */
export function useTrialInUrl(): string | null {
  return useMatch('/trials/:trialId/*')?.params.trialId ?? null;
}

/** The page below the trial, e.g. 'participants' for /trials/x/participants/PUMP3-EMC-001. */
export function useTrialSection(): string {
  const rest = useMatch('/trials/:trialId/*')?.params['*'] ?? '';
  return rest.split('/')[0] ?? '';
}

export function trialPath(trialId: string, path = ''): string {
  const base = `/trials/${encodeURIComponent(trialId)}`;
  return path ? `${base}/${path}` : base;
}

export function rememberedTrial(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberTrial(trialId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, trialId);
  } catch {
    // Not remembered; the URL still carries the trial.
  }
}
