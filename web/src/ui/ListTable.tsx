import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

type ListTableProps = {
  /** The column headings. */
  columns: readonly string[];
  /** Below this width the table scrolls sideways inside its container, never the page. */
  minWidth: number;
  caption?: string;
  /** What the table lists, named to screen readers when it scrolls (else its caption, or its headings). */
  label?: string;
  /** The rows (`<Table.Tr>`). */
  children: ReactNode;
};

/** A striped list table with its headings, scrolling inside its own container when narrow. */
export function ListTable({ columns, minWidth, caption, label, children }: ListTableProps) {
  return (
    <TableScroll label={label ?? caption ?? columns.join(', ')} minWidth={minWidth}>
      <Table striped>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </TableScroll>
  );
}
