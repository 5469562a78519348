// A list table whose rows open in place: the row's first cell is a button (keyboard reachable, saying
// whether it is open) that shows the row's detail underneath it, a query's conversation, a mail's text or an
// SAE's full card. Used by every list that opens its rows this way, so they read and behave alike. Each cell
// carries its column's name: at a phone's width the rows stack into labelled cards (the .stacked pattern),
// so no column is cut off; at 1440 px free-text columns wrap rather than squeeze their neighbours.
import { Anchor, Table } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { ScrollTable } from './scroll-table';

export interface ExpandableColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Free text that may wrap onto several lines (the other cells keep to one). */
  wrap?: boolean;
  align?: 'right';
}

export interface ExpandableOpener<Row> {
  header: string;
  /** The button's visible words. */
  text: (row: Row) => ReactNode;
  /** Its accessible name, which starts with the visible words. */
  label?: (row: Row) => string;
  /** Long words (a mail's subject) that may wrap; an identifier keeps to one line. */
  wrap?: boolean;
}

/** Wrapped cells give way to their neighbours without a minimum width, so the table fits its box. */
const wrapping = { whiteSpace: 'normal' } as const;

export function ExpandableTable<Row>({
  rows,
  rowKey,
  opener,
  columns,
  detail,
  caption,
  testId,
  rowTestId,
  maxHeight,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  opener: ExpandableOpener<Row>;
  columns: readonly ExpandableColumn<Row>[];
  detail: (row: Row) => ReactNode;
  caption?: string;
  testId?: string;
  rowTestId?: string;
  maxHeight?: number;
}) {
  const [open, setOpen] = useState<ReadonlySet<string | number>>(new Set());
  const toggle = (key: string | number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <ScrollTable maxHeight={maxHeight}>
      <Table className="tabular stacked" verticalSpacing="xs" data-testid={testId}>
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{opener.header}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col" ta={c.align}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const isOpen = open.has(key);
            return (
              <Fragment key={key}>
                <Table.Tr data-testid={rowTestId} bg={isOpen ? 'var(--mantine-color-gray-0)' : undefined}>
                  <Table.Th scope="row" style={opener.wrap ? wrapping : undefined}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={600}
                      ta="left"
                      aria-expanded={isOpen}
                      aria-label={opener.label?.(row)}
                      onClick={() => toggle(key)}
                    >
                      {opener.text(row)}
                    </Anchor>
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Td
                      key={c.header}
                      ta={c.align}
                      style={c.wrap ? wrapping : undefined}
                      data-label={c.header}
                    >
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length + 1} className="wrap">
                      {detail(row)}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
