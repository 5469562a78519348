// The CONSORT diagram: boxes in a main column with arrows down, and side boxes (those who leave the flow)
// with arrows to the right. Followed by the same content as a text version for screen readers and print.
import { Box, Paper, Stack, Text } from '@mantine/core';
import { useLang, useT } from '../../i18n/i18n-context';
import classes from './consort.module.css';
import { consortSteps } from './consort-steps';
import { messages } from './messages';
import type { ConsortData } from './types';

function Lines({ lines, testId }: { lines: string[]; testId?: string }) {
  return (
    <Paper withBorder radius="sm" p="xs" className={classes.box} data-testid={testId}>
      {lines.map((l, i) => (
        <Text
          key={i}
          size="sm"
          fw={i === 0 ? 700 : 400}
          className={l.startsWith('•') ? classes.reason : undefined}
        >
          {l}
        </Text>
      ))}
    </Paper>
  );
}

export function ConsortDiagram({ data }: { data: Pick<ConsortData, 'flow' | 'criteria'> }) {
  const t = useT(messages);
  const { lang } = useLang();
  const steps = consortSteps(data, t, lang);
  return (
    <Stack gap="lg">
      {/* Two columns where there is room, one on a narrow screen (see the container query). */}
      <div className={classes.scroller}>
        <div className={classes.grid} aria-hidden="true" data-testid="consort-diagram">
          {steps.map((s, i) => (
            <Box key={s.id} className={classes.row}>
              <div className={classes.main}>
                <Lines lines={s.main} testId={`consort-${s.id}`} />
                {i < steps.length - 1 ? <div className={classes.down} /> : null}
              </div>
              {s.side ? (
                <>
                  <div className={classes.right} />
                  <Lines lines={s.side} />
                </>
              ) : (
                <div />
              )}
            </Box>
          ))}
        </div>
      </div>
      <details>
        <summary>{t('textAlternative')}</summary>
        <ol>
          {steps.map((s) => (
            <li key={s.id}>
              {s.main.join('; ')}
              {s.side ? (
                <ul>
                  {s.side.map((l, i) => (
                    <li key={i}>{l.replace(/^• /, '')}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
      <Text size="xs" c="dimmed">
        {t('reasonsMayOverlap')}
      </Text>
    </Stack>
  );
}
