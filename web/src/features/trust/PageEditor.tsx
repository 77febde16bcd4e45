import {
  Alert,
  Button,
  Card,
  ColorInput,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { trustPage, trustPageInput } from '../../../../src/contracts/trust.ts';
import { ApiError, errorMessage, get, put } from '../../api/client.ts';
import { Loading } from '../../components/common.tsx';
import { FaqEditor, FrameworksEditor } from './ListEditors.tsx';
import { type PublicPage, TrustView } from './TrustView.tsx';

type PageInput = z.infer<typeof trustPageInput>;
export type TrustPageDto = z.infer<typeof trustPage>;

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** Customers as "Name, domain" lines: easy to paste from a CRM export. */
const customersText = (c: PageInput['customers']) => c.map((x) => `${x.name}, ${x.domain}`).join('\n');
const parseCustomers = (text: string) =>
  text
    .split('\n')
    .map((l) => l.split(',').map((s) => s.trim()))
    .filter(([n, d]) => n && d)
    .map(([name, domain]) => ({ name: name!, domain: domain! }));

export function PageEditor({ slug, page, canEdit }: { slug: string; page: TrustPageDto; canEdit: boolean }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<PageInput>(page);
  const [customers, setCustomers] = useState(customersText(page.customers));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setForm(page);
    setCustomers(customersText(page.customers));
  }, [page]);
  const preview = useQuery({
    queryKey: ['trust', slug, 'preview'],
    queryFn: () => get<PublicPage>(`/api/v1/orgs/${slug}/trust/preview`),
  });
  const set = <K extends keyof PageInput>(k: K, v: PageInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const {
        title,
        overview,
        contactEmail,
        primaryColor,
        logoDataUrl,
        faq,
        frameworks,
        autoApproveDomains,
        customDomain,
        showCertificates,
      } = form;
      await put(`/api/v1/orgs/${slug}/trust`, {
        title,
        overview,
        contactEmail,
        primaryColor,
        logoDataUrl,
        faq,
        frameworks,
        autoApproveDomains,
        customDomain,
        showCertificates,
        customers: parseCustomers(customers),
      });
      await qc.invalidateQueries({ queryKey: ['trust', slug] });
      notifications.show({ color: 'teal', message: 'Trust page saved' });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  }
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      <form onSubmit={save}>
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <TextInput
              label="Title"
              required
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
            />
            <Textarea
              label="Overview"
              autosize
              minRows={3}
              value={form.overview}
              onChange={(e) => set('overview', e.currentTarget.value)}
              error={errors.overview}
            />
            <Group grow>
              <TextInput
                label="Security contact email"
                value={form.contactEmail}
                onChange={(e) => set('contactEmail', e.currentTarget.value)}
                error={errors.contactEmail}
              />
              <ColorInput
                label="Brand colour"
                value={form.primaryColor}
                onChange={(v) => set('primaryColor', v)}
                format="hex"
                eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }}
                error={errors.primaryColor}
              />
            </Group>
            <Group align="end">
              <FileInput
                label="Logo (PNG or JPEG, up to 150 kB)"
                accept="image/png,image/jpeg"
                clearable
                onChange={async (f) => set('logoDataUrl', f ? await readAsDataUrl(f) : '')}
                error={errors.logoDataUrl}
                w={280}
              />
              {form.logoDataUrl && <img src={form.logoDataUrl} alt="Current logo" height={36} />}
            </Group>
            <FrameworksEditor value={form.frameworks} onChange={(v) => set('frameworks', v)} />
            <FaqEditor value={form.faq} onChange={(v) => set('faq', v)} />
            <TagsInput
              label="Approve requests automatically from these email domains"
              value={form.autoApproveDomains}
              onChange={(v) => set('autoApproveDomains', v)}
              error={errors.autoApproveDomains}
            />
            <Textarea
              label="Existing customers (one per line: Name, domain) — their requests are approved automatically"
              autosize
              minRows={2}
              value={customers}
              onChange={(e) => setCustomers(e.currentTarget.value)}
            />
            <TextInput
              label="Custom domain pointing at this page (optional)"
              value={form.customDomain}
              onChange={(e) => set('customDomain', e.currentTarget.value)}
              error={errors.customDomain}
            />
            <Switch
              label="Show certificates (live from the certification cycle)"
              checked={form.showCertificates}
              onChange={(e) => set('showCertificates', e.currentTarget.checked)}
            />
            {canEdit && (
              <Button type="submit" loading={saving}>
                Save page
              </Button>
            )}
          </Stack>
        </fieldset>
      </form>
      <Card withBorder p={0} aria-label="Preview">
        <Text size="xs" c="dimmed" p="xs">
          Preview: what an anonymous visitor sees (saved version)
        </Text>
        {preview.isLoading ? (
          <Loading />
        ) : preview.data ? (
          <TrustView
            page={preview.data}
            slug={slug}
            onNeedNda={() => undefined}
            onNeedRequest={() => undefined}
          />
        ) : (
          <Alert color="red">Preview unavailable</Alert>
        )}
      </Card>
    </SimpleGrid>
  );
}
