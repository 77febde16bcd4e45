import { Anchor, Badge, Button, Group, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../../api/client.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { AccessTab } from './AccessTab.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { LogTab, NdaTab } from './NdaLogTabs.tsx';
import { PageEditor, type TrustPageDto } from './PageEditor.tsx';
import { RequestsTab } from './RequestsTab.tsx';

/** Administration of the trust page: content, documents, requests, grants and links, NDA, access log. */
export function TrustAdminPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const page = useQuery({
    queryKey: ['trust', org.slug, 'page'],
    queryFn: () => get<TrustPageDto>(`/api/v1/orgs/${org.slug}/trust`),
  });
  const manage = can.manageTrust(org.role);
  async function publish(published: boolean) {
    try {
      await post(`/api/v1/orgs/${org.slug}/trust/publish`, { published });
      await qc.invalidateQueries({ queryKey: ['trust', org.slug] });
      notifications.show({
        color: 'teal',
        message: published ? 'Trust page published' : 'Trust page unpublished',
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) });
    }
  }
  if (page.isLoading) return <Loading />;
  if (page.isError || !page.data) return <ErrorNote error={page.error} />;
  const published = page.data.publishedAt !== null;
  return (
    <>
      <PageHeader
        title="Trust page"
        description="What prospects and customers see of your certification, frameworks and security documents, and who may open what."
        actions={
          <Group>
            <Badge color={published ? 'teal' : 'gray'} size="lg">
              {published ? 'Published' : 'Not published'}
            </Badge>
            {published && (
              <Anchor href={page.data.publicUrl} target="_blank" rel="noreferrer">
                {page.data.publicUrl}
              </Anchor>
            )}
            {manage && (
              <Button variant={published ? 'default' : 'filled'} onClick={() => publish(!published)}>
                {published ? 'Unpublish' : 'Publish'}
              </Button>
            )}
          </Group>
        }
      />
      <Tabs defaultValue="page" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="page">Page</Tabs.Tab>
          <Tabs.Tab value="documents">Documents</Tabs.Tab>
          <Tabs.Tab value="requests">Requests</Tabs.Tab>
          <Tabs.Tab value="access">Grants & links</Tabs.Tab>
          <Tabs.Tab value="nda">NDA</Tabs.Tab>
          <Tabs.Tab value="log">Access log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="page">
          <PageEditor slug={org.slug} page={page.data} canEdit={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsTab slug={org.slug} canEdit={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="requests">
          <RequestsTab slug={org.slug} canDecide={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="access">
          <AccessTab slug={org.slug} canEdit={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="nda">
          <NdaTab slug={org.slug} canEdit={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <LogTab slug={org.slug} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
