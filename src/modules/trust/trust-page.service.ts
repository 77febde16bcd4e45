import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import type { trustPage, trustPageInput } from '../../contracts/trust.ts';
import type { Db } from '../../db/connection.ts';
import type { TrustPageTable } from '../../db/schema.ts';
import { anonymous } from '../../domain/trust/access.ts';
import { authorize } from '../authorize.ts';
import { recentCertificates } from '../certificates/index.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import * as repo from './trust.repository.ts';
import { pageUrl } from './trust-notify.ts';
import { pageJson, presentPublicPage, type VisitorView } from './trust-public.presenter.ts';

// Editing, previewing and publishing the trust page, and the NDA text with its versions.

function presentPage(p: TrustPageTable, ctx: OrgContext): z.infer<typeof trustPage> {
  const json = pageJson(p);
  return {
    title: p.title,
    overview: p.overview,
    contactEmail: p.contact_email,
    primaryColor: p.primary_color,
    logoDataUrl: p.logo_data_url,
    faq: json.faq,
    frameworks: json.frameworks,
    autoApproveDomains: json.autoApproveDomains,
    customers: json.customers,
    customDomain: p.custom_domain,
    showCertificates: Boolean(Number(p.show_certificates)),
    publishedAt: p.published_at,
    publicUrl: pageUrl(ctx),
    updatedAt: p.updated_at,
  };
}

/** A page that was never saved reads as an unpublished draft titled after the organisation. */
function draft(ctx: OrgContext): TrustPageTable {
  const at = ctx.now().toISOString();
  return {
    organisation_id: ctx.organisation.id,
    title: `${ctx.organisation.name} Trust Center`,
    overview: '',
    contact_email: '',
    primary_color: '#1c7ed6',
    logo_data_url: '',
    faq_json: '[]',
    frameworks_json: '[]',
    auto_approve_domains_json: '[]',
    customers_json: '[]',
    custom_domain: '',
    show_certificates: 1,
    published_at: null,
    created_at: at,
    updated_at: at,
  };
}

export async function showPage(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  return presentPage((await repo.findPage(ctx.db, ctx.organisation.id)) ?? draft(ctx), ctx);
}

export async function savePage(input: z.infer<typeof trustPageInput>, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await inTransaction(ctx, async (tx) => {
    const current = (await repo.findPage(tx.db, tx.organisation.id)) ?? draft(tx);
    await repo.upsertPage(tx.db, {
      ...current,
      title: input.title,
      overview: input.overview,
      contact_email: input.contactEmail,
      primary_color: input.primaryColor,
      logo_data_url: input.logoDataUrl,
      faq_json: JSON.stringify(input.faq),
      frameworks_json: JSON.stringify(input.frameworks),
      auto_approve_domains_json: JSON.stringify(input.autoApproveDomains),
      customers_json: JSON.stringify(input.customers),
      custom_domain: input.customDomain,
      show_certificates: input.showCertificates ? 1 : 0,
      updated_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'trust_page.update',
      entityType: 'trust_page',
      entityId: tx.organisation.id,
      data: {
        title: input.title,
        autoApproveDomains: input.autoApproveDomains,
        customers: input.customers.length,
        customDomain: input.customDomain,
      },
    });
  });
  return showPage({}, ctx);
}

export async function setPublished(input: { published: boolean }, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findPage(tx.db, tx.organisation.id);
    if (!current) {
      if (!input.published) return;
      await repo.upsertPage(tx.db, draft(tx));
    }
    if (Boolean(current?.published_at) === input.published) return;
    const at = tx.now().toISOString();
    await repo.setPublished(tx.db, tx.organisation.id, input.published ? at : null, at);
    await tx.audit({
      action: input.published ? 'trust_page.publish' : 'trust_page.unpublish',
      entityType: 'trust_page',
      entityId: tx.organisation.id,
      data: {},
    });
  });
  return showPage({}, ctx);
}

/** The certificates a page shows: the five most recent, live status computed by the certificate rule. */
export async function pageCertificates(db: Db, organisationId: string) {
  return recentCertificates(db, organisationId, 5);
}

/** What an anonymous visitor would see, for the editor's preview (published or not). */
export async function previewPage(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  const page = (await repo.findPage(ctx.db, ctx.organisation.id)) ?? draft(ctx);
  const visitor: VisitorView = { viewer: anonymous, name: '', viaLink: false, identified: false };
  const nda = await repo.currentNda(ctx.db, ctx.organisation.id);
  return presentPublicPage({
    organisation: ctx.organisation.name,
    page,
    documents: await repo.listDocuments(ctx.db, ctx.organisation.id),
    certificates: await pageCertificates(ctx.db, ctx.organisation.id),
    nda: nda ? { version: Number(nda.version), text: nda.text } : null,
    visitor,
    now: ctx.now(),
    preview: true,
  });
}

export async function listNdaVersions(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'trust.read');
  const rows = await repo.ndaVersions(ctx.db, ctx.organisation.id);
  return {
    items: rows.map((r) => ({
      version: Number(r.version),
      text: r.text,
      createdBy: r.created_by,
      createdAt: r.created_at,
    })),
  };
}

/** A new NDA version; visitors who accepted an older one are asked to accept again. */
export async function addNdaVersion(input: { text: string }, ctx: OrgContext) {
  authorize(ctx, 'trust.manage');
  const version = await inTransaction(ctx, async (tx) => {
    const current = await repo.currentNda(tx.db, tx.organisation.id);
    if (current && current.text === input.text)
      throw new AppError('conflict', 'this text is already the current NDA version');
    const next = (current ? Number(current.version) : 0) + 1;
    await repo.insertNdaVersion(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      version: next,
      text: input.text,
      created_by: tx.actor.label,
      created_at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'trust_nda.version',
      entityType: 'trust_nda',
      entityId: String(next),
      data: {},
    });
    return next;
  });
  return { version, text: input.text, createdBy: ctx.actor.label, createdAt: ctx.now().toISOString() };
}
