// Draws the guide's markdown tokens (guide.ts) with Mantine's typography: headings, paragraphs, lists,
// tables, code, and pictures scaled to the column's width. Built as React elements, never as HTML:
// nothing in the guide runs as markup. A link to a section (#…) stays inside the Help screen.
import { Anchor, Blockquote, Box, Code, Divider, Image, List, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Token, Tokens } from 'marked';
import { imageUrl, sectionOf, type GuideBlock } from './guide';

/** The element id of a section heading: prefixed, so a section never takes an id the shell uses. */
export function headingElementId(section: string): string {
  return `guide-${section}`;
}

/** The address of a section of the guide, inside the hash router: `/help?section=…`. */
export function sectionSearch(section: string): string {
  return `?section=${encodeURIComponent(section)}`;
}

interface ViewProps {
  images: Readonly<Record<string, string>>;
  /** A click on a link to the section already in the address (the router would not move). */
  onSectionClick: (section: string) => void;
}

function Inline({ tokens, ...props }: ViewProps & { tokens: readonly Token[] | undefined }) {
  return <>{tokens?.map((token, i) => <InlineToken key={i} token={token} {...props} />)}</>;
}

function InlineToken({ token, ...props }: ViewProps & { token: Token }): ReactNode {
  switch (token.type) {
    case 'strong':
      return (
        <strong>
          <Inline tokens={(token as Tokens.Strong).tokens} {...props} />
        </strong>
      );
    case 'em':
      return (
        <em>
          <Inline tokens={(token as Tokens.Em).tokens} {...props} />
        </em>
      );
    case 'del':
      return (
        <s>
          <Inline tokens={(token as Tokens.Del).tokens} {...props} />
        </s>
      );
    case 'codespan':
      return <Code>{(token as Tokens.Codespan).text}</Code>;
    case 'br':
      return <br />;
    case 'image':
      return <GuideImage token={token as Tokens.Image} images={props.images} />;
    case 'link': {
      const link = token as Tokens.Link;
      const section = sectionOf(link.href);
      const children = <Inline tokens={link.tokens} {...props} />;
      if (section !== undefined) {
        return (
          <Anchor component={Link} to={{ search: sectionSearch(section) }} underline="always" onClick={() => props.onSectionClick(section)}>
            {children}
          </Anchor>
        );
      }
      // A link out of the guide (a file of the repository, a web page) cannot be followed offline.
      return children;
    }
    case 'text':
      // A list item's text carries inline tokens of its own.
      return 'tokens' in token && token.tokens ? <Inline tokens={token.tokens} {...props} /> : (token as Tokens.Text).text;
    case 'escape':
      return (token as Tokens.Escape).text;
    default:
      return 'text' in token && typeof token.text === 'string' ? token.text : null;
  }
}

function GuideImage({ token, images, figure }: { token: Tokens.Image; images: Readonly<Record<string, string>>; figure?: boolean }) {
  const src = imageUrl(token.href, images);
  if (!src) return <Text span c="dimmed">[{token.text}]</Text>;
  const image = <Image src={src} alt={token.text} loading="lazy" w="auto" maw="100%" radius="sm" bd="1px solid var(--mantine-color-default-border)" />;
  if (!figure) return image;
  return (
    <Box component="figure" m={0} data-testid="guide-figure">
      {image}
      <Text component="figcaption" size="sm" c="dimmed" mt={4} fs="italic">
        {token.text}
      </Text>
    </Box>
  );
}

function BlockToken({ token, id, ...props }: ViewProps & { token: Token; id?: string }): ReactNode {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const order = Math.min(Math.max(heading.depth, 2), 6) as 2 | 3 | 4 | 5 | 6;
      return (
        <Title
          order={order}
          size={order === 2 ? 'h2' : order === 3 ? 'h4' : 'h5'}
          id={id ? headingElementId(id) : undefined}
          tabIndex={id ? -1 : undefined}
          mt={order === 2 ? 'xl' : 'md'}
          className="guide-heading"
        >
          <Inline tokens={heading.tokens} {...props} />
        </Title>
      );
    }
    case 'paragraph': {
      const paragraph = token as Tokens.Paragraph;
      const only = paragraph.tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()));
      if (only.length === 1 && only[0]!.type === 'image') return <GuideImage token={only[0] as Tokens.Image} images={props.images} figure />;
      return (
        <Text component="p" my={0} lh={1.6}>
          <Inline tokens={paragraph.tokens} {...props} />
        </Text>
      );
    }
    case 'text':
      return 'tokens' in token && token.tokens ? <Inline tokens={token.tokens} {...props} /> : (token as Tokens.Text).text;
    case 'list': {
      const list = token as Tokens.List;
      return (
        <List type={list.ordered ? 'ordered' : 'unordered'} start={list.ordered && typeof list.start === 'number' ? list.start : undefined} spacing={4} withPadding lh={1.6}>
          {list.items.map((item, i) => (
            <List.Item key={i}>
              <Blocks tokens={item.tokens} {...props} />
            </List.Item>
          ))}
        </List>
      );
    }
    case 'table': {
      const table = token as Tokens.Table;
      const align = (i: number) => table.align[i] ?? undefined;
      return (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder withColumnBorders striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                {table.header.map((cell, i) => (
                  <Table.Th key={i} ta={align(i)}>
                    <Inline tokens={cell.tokens} {...props} />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={i} ta={align(i)}>
                      <Inline tokens={cell.tokens} {...props} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    }
    case 'code':
      return <Code block>{(token as Tokens.Code).text}</Code>;
    case 'blockquote':
      return (
        <Blockquote p="sm">
          <Blocks tokens={(token as Tokens.Blockquote).tokens} {...props} />
        </Blockquote>
      );
    case 'hr':
      return <Divider my="md" />;
    case 'space':
    case 'html':
    case 'def':
      return null;
    default:
      return 'text' in token && typeof token.text === 'string' ? <Text component="p">{token.text}</Text> : null;
  }
}

function Blocks({ tokens, ...props }: ViewProps & { tokens: readonly Token[] }) {
  return (
    <>
      {tokens.map((token, i) => (
        <BlockToken key={i} token={token} {...props} />
      ))}
    </>
  );
}

/** The body of the guide: every block after its title. */
export function GuideView({ blocks, ...props }: ViewProps & { blocks: readonly GuideBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <Fragment key={i}>
          <BlockToken token={block.token} id={block.id} {...props} />
        </Fragment>
      ))}
    </>
  );
}
