// A table that scrolls inside its box (long or wide tables), reachable and scrollable by keyboard.
import { ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollTable({ children, maxHeight }: { children: ReactNode; maxHeight?: number }) {
  return (
    <ScrollArea.Autosize
      mah={maxHeight}
      type="auto"
      offsetScrollbars="present"
      viewportProps={{ tabIndex: 0 }}
    >
      {children}
    </ScrollArea.Autosize>
  );
}
