import {
  Accordion,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconLock, IconMail, IconShieldCheck } from '@tabler/icons-react';
import type { z } from 'zod';
import type { publicTrustPage } from '../../../../src/contracts/trust.ts';
import { frameworkStatusLabels, trustCategoryLabels } from '../../../../src/vocabulary/trust.ts';

export type PublicPage = z.infer<typeof publicTrustPage>;
export type PublicDocument = PublicPage['documents'][number];

const certificateColour = { valid: 'teal', expired: 'red', suspended: 'orange', withdrawn: 'gray' } as const;
const certificateLabel = {
  valid: 'Valid',
  expired: 'Expired',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
};

/** Black or white text, whichever reads better on the organisation's colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000000' : '#ffffff';
}

function sizeText(bytes: number | null) {
  if (bytes === null) return '';
  return bytes > 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** The trust page as a visitor sees it; the admin preview renders the same component. */
export function TrustView({
  page,
  slug,
  onNeedNda,
  onNeedRequest,
  onSignOut,
}: {
  page: PublicPage;
  slug: string;
  onNeedNda: (d: PublicDocument) => void;
  onNeedRequest: (d: PublicDocument | null) => void;
  onSignOut?: () => void;
}) {
  const fg = readableOn(page.primaryColor);
  return (
    <Box>
      <Box component="header" bg={page.primaryColor} c={fg} py="xl">
        <Container size="lg">
          <Group gap="md" wrap="nowrap">
            {page.logoDataUrl && (
              <Image src={page.logoDataUrl} alt={`${page.organisation} logo`} h={56} w="auto" fit="contain" />
            )}
            <div>
              {/* In the editor's preview the page sits under the admin page's own heading. */}
              <Title order={page.preview ? 2 : 1}>{page.title}</Title>
              <Text>{page.organisation}</Text>
            </div>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main">
        <Stack gap="xl">
          {page.overview && (
            <section aria-labelledby="trust-overview">
              <Title order={2} id="trust-overview" size="h3" mb="xs">
                Overview
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{page.overview}</Text>
            </section>
          )}
          {page.visitor && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Signed in as {page.visitor.email ?? 'a link holder'}
                {page.visitor.verified ? ' (verified)' : ''}
                {page.visitor.viaLink ? ' through a shared link' : ''}.
              </Text>
              {onSignOut && (
                <Button size="compact-xs" variant="subtle" onClick={onSignOut}>
                  Sign out
                </Button>
              )}
            </Group>
          )}
          {page.certificates.length > 0 && (
            <section aria-labelledby="trust-certificates">
              <Title order={2} id="trust-certificates" size="h3" mb="xs">
                Certificates
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {page.certificates.map((c) => (
                  <Card withBorder key={c.number}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Group gap="xs" wrap="nowrap">
                        <IconShieldCheck aria-hidden />
                        <Text fw={600}>
                          {c.standard}:{c.edition}
                        </Text>
                      </Group>
                      <Badge color={certificateColour[c.status]}>{certificateLabel[c.status]}</Badge>
                    </Group>
                    <Text size="sm" mt="xs">
                      Certificate {c.number} by {c.certificationBody}
                    </Text>
                    <Text size="sm">
                      Issued {c.issuedOn}, valid until {c.expiresOn}
                    </Text>
                    {c.scope && (
                      <Text size="sm" c="dimmed" mt={4}>
                        Scope: {c.scope}
                      </Text>
                    )}
                  </Card>
                ))}
              </SimpleGrid>
            </section>
          )}
          {page.frameworks.length > 0 && (
            <section aria-labelledby="trust-frameworks">
              <Title order={2} id="trust-frameworks" size="h3" mb="xs">
                Frameworks
              </Title>
              <Group gap="sm">
                {page.frameworks.map((f) => (
                  <Card withBorder key={f.name} p="sm">
                    <Text fw={600}>{f.name}</Text>
                    <Badge
                      variant="light"
                      color={f.status === 'certified' || f.status === 'compliant' ? 'teal' : 'blue'}
                    >
                      {frameworkStatusLabels[f.status]}
                    </Badge>
                    {f.note && (
                      <Text size="xs" c="dimmed">
                        {f.note}
                      </Text>
                    )}
                  </Card>
                ))}
              </Group>
            </section>
          )}
          <section aria-labelledby="trust-documents">
            <Group justify="space-between" mb="xs">
              <Title order={2} id="trust-documents" size="h3">
                Security documents
              </Title>
              {page.documents.some((d) => d.access === 'needs_request') && (
                <Button variant="default" size="xs" onClick={() => onNeedRequest(null)}>
                  Request access to all
                </Button>
              )}
            </Group>
            <Stack gap="xs">
              {page.documents.map((d) => (
                <Card withBorder key={d.id} p="sm">
                  <Group justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={600}>{d.title}</Text>
                      <Text size="xs" c="dimmed">
                        {trustCategoryLabels[d.category]}
                        {d.fileName ? ` · ${d.fileName} ${sizeText(d.sizeBytes)}` : ''}
                      </Text>
                      {d.description && <Text size="sm">{d.description}</Text>}
                    </div>
                    {d.access === 'granted' ? (
                      <Button
                        component="a"
                        href={`/api/v1/trust/${slug}/documents/${d.id}`}
                        leftSection={<IconDownload size={16} aria-hidden />}
                        aria-label={`Download ${d.title}`}
                        variant="light"
                      >
                        Download
                      </Button>
                    ) : d.access === 'needs_nda' ? (
                      <Button
                        leftSection={<IconLock size={16} aria-hidden />}
                        variant="default"
                        onClick={() => onNeedNda(d)}
                        aria-label={`Accept the NDA to open ${d.title}`}
                      >
                        Accept NDA to view
                      </Button>
                    ) : (
                      <Button
                        leftSection={<IconLock size={16} aria-hidden />}
                        variant="default"
                        onClick={() => onNeedRequest(d)}
                        aria-label={`Request access to ${d.title}`}
                      >
                        Request access
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
              {page.documents.length === 0 && <Text c="dimmed">No documents published yet.</Text>}
            </Stack>
          </section>
          {page.faq.length > 0 && (
            <section aria-labelledby="trust-faq">
              <Title order={2} id="trust-faq" size="h3" mb="xs">
                Frequently asked questions
              </Title>
              <Accordion variant="separated">
                {page.faq.map((f) => (
                  <Accordion.Item key={f.question} value={f.question}>
                    <Accordion.Control>{f.question}</Accordion.Control>
                    <Accordion.Panel>
                      <Text style={{ whiteSpace: 'pre-line' }}>{f.answer}</Text>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </section>
          )}
          {page.contactEmail && (
            <section aria-labelledby="trust-contact">
              <Title order={2} id="trust-contact" size="h3" mb="xs">
                Security questions
              </Title>
              <Anchor href={`mailto:${page.contactEmail}`}>
                <Group gap={4}>
                  <IconMail size={16} aria-hidden />
                  {page.contactEmail}
                </Group>
              </Anchor>
            </section>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
