import type { Notification } from '@portico/shared/jobs';
import { translator } from '../i18n';

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Builds text and HTML from the same blocks so the two never drift apart. */
function compose(subject: string, blocks: ({ text: string } | { quote: string } | { link: string; label: string })[]): RenderedEmail {
  const text = blocks.map((b) => ('text' in b ? b.text : 'quote' in b ? b.quote : `${b.label}: ${b.link}`)).join('\n\n');
  const html = blocks
    .map((b) =>
      'text' in b
        ? paragraphs(b.text)
        : 'quote' in b
          ? `<blockquote style="border-left:3px solid #ccc;margin:0;padding:0 12px">${paragraphs(b.quote)}</blockquote>`
          : `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`,
    )
    .join('\n');
  return { subject, text, html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${html}</body></html>` };
}

/**
 * Issue 12 SHELL: the landlord's branding in an e-mail's header, looked up when the e-mail goes out
 * (jobs/deliver.ts). `colour` is the landlord's validated brand colour (white text passes on it);
 * `logoCid` names an inline attachment the caller sends with the e-mail.
 */
export type EmailBrand = { displayName: string; colour: string | null; logoCid: string | null };

/** The default header colour without a brand colour (the portal's own blue). */
const DEFAULT_BRAND_COLOUR = '#1864ab';
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function brandHeader(brand: EmailBrand): string {
  const colour = brand.colour && HEX_COLOUR.test(brand.colour) ? brand.colour : DEFAULT_BRAND_COLOUR;
  const logo = brand.logoCid
    ? `<img src="cid:${escapeHtml(brand.logoCid)}" alt="" height="32" style="height:32px;width:auto;vertical-align:middle;margin-right:10px;background:#fff;border-radius:4px;padding:2px">`
    : '';
  return `<div style="background:${colour};color:#ffffff;padding:12px 16px;font-size:18px;font-weight:bold;margin:0 0 16px">${logo}<span style="vertical-align:middle">${escapeHtml(brand.displayName)}</span></div>`;
}

/** Every e-mail the product sends, in the recipient's language, with the landlord's header when given. */
export function renderEmail(n: Notification, brand?: EmailBrand | null): RenderedEmail {
  const email = renderContent(n);
  if (!brand) return email;
  return { ...email, html: email.html.replace(/^(<!doctype html><html><body[^>]*>)/, `$1${brandHeader(brand)}`) };
}

/** Every e-mail the product sends, in the recipient's language, from the shared catalogue. */
function renderContent(n: Notification): RenderedEmail {
  const t = translator(n.locale);
  const greeting = { text: t('email:greeting') };
  const signature = { text: t('email:signature', { landlordName: n.landlordName }) };
  switch (n.template) {
    case 'staff_new_tenant_message':
      return compose(t('email:staffNewTenantMessage.subject', n), [
        { text: t('email:staffNewTenantMessage.intro', n) },
        { quote: n.body },
        { link: n.link, label: t('email:staffNewTenantMessage.cta') },
      ]);
    case 'tenant_new_staff_message':
      return compose(t('email:tenantNewStaffMessage.subject', n), [
        greeting,
        { text: t('email:tenantNewStaffMessage.intro', n) },
        { quote: n.body },
        ...(n.invitationLink
          ? [
              { text: t('email:tenantNewStaffMessage.inviteIntro') },
              { link: n.invitationLink, label: t('email:tenantNewStaffMessage.inviteCta') },
            ]
          : n.link
            ? [{ link: n.link, label: t('email:tenantNewStaffMessage.cta') }]
            : []),
        signature,
      ]);
    case 'invitation':
      return compose(t('email:invitation.subject', n), [
        greeting,
        { text: t('email:invitation.intro', n) },
        { link: n.link, label: t('email:invitation.cta') },
        { text: t('email:invitation.expiry') },
        signature,
      ]);
    case 'staff_invitation':
      return compose(t('email:staffInvitation.subject', n), [
        { text: t('email:staffInvitation.greeting', n) },
        { text: t('email:staffInvitation.intro', n) },
        { link: n.link, label: t('email:staffInvitation.cta') },
        { text: t('email:staffInvitation.expiry') },
        signature,
      ]);
    case 'webhook_endpoint_disabled':
      return compose(t('email:webhookEndpointDisabled.subject'), [
        greeting,
        { text: t('email:webhookEndpointDisabled.intro', n) },
        { link: n.link, label: t('email:webhookEndpointDisabled.cta') },
        signature,
      ]);
    case 'password_reset':
      return compose(t('email:passwordReset.subject'), [
        greeting,
        { text: t('email:passwordReset.intro') },
        { link: n.link, label: t('email:passwordReset.cta') },
        signature,
      ]);
    case 'password_reset_no_account':
      return compose(t('email:passwordResetNoAccount.subject'), [
        greeting,
        { text: t(n.audience === 'staff' ? 'email:passwordResetNoAccount.introStaff' : 'email:passwordResetNoAccount.introPortal') },
        { text: t('email:passwordResetNoAccount.ignore') },
      ]);
    case 'email_in_use':
      return compose(t('email:emailInUse.subject'), [
        greeting,
        { text: t('email:emailInUse.intro', n) },
        { link: n.link, label: t('email:emailInUse.cta') },
        { text: t('email:emailInUse.ignore') },
        signature,
      ]);
    case 'signup_code':
      return compose(t('email:signupCode.subject', n), [
        greeting,
        { text: t('email:signupCode.intro') },
        { quote: n.code },
        ...(n.link ? [{ link: n.link, label: t('email:signupCode.cta') }] : []),
        signature,
      ]);
    case 'email_change_activation':
      return compose(t('email:emailChangeActivation.subject'), [
        greeting,
        { text: t('email:emailChangeActivation.intro') },
        { link: n.link, label: t('email:emailChangeActivation.cta') },
        signature,
      ]);
    case 'email_change_notice':
      return compose(t('email:emailChangeNotice.subject'), [greeting, { text: t('email:emailChangeNotice.intro', n) }, signature]);
    case 'notice_issued':
      return compose(t(n.period ? 'email:noticeIssued.subject' : 'email:noticeIssued.subjectNoPeriod', n), [
        greeting,
        { text: t(n.period ? 'email:noticeIssued.intro' : 'email:noticeIssued.introNoPeriod', n) },
        ...(n.directDebit ? [{ text: t('email:noticeIssued.directDebit') }] : []),
        ...(n.payTo ? [{ text: t('email:noticeIssued.reference', n.payTo) }] : []),
        ...(n.attachments?.length ? [{ text: t('email:noticeIssued.attached') }] : []),
        { link: n.link, label: t('email:noticeIssued.cta') },
        signature,
      ]);
    // Issue 12, DOCS
    case 'document_added':
      return compose(t('email:documentAdded.subject', n), [
        greeting,
        { text: t('email:documentAdded.intro', n) },
        { link: n.link, label: t('email:documentAdded.cta') },
        signature,
      ]);
    case 'notice_reminder':
      return compose(t('email:noticeReminder.subject', n), [
        greeting,
        { text: t('email:noticeReminder.intro', n) },
        ...(n.payTo ? [{ text: t('email:noticeReminder.reference', n.payTo) }] : []),
        { text: t('email:noticeReminder.ignore') },
        { link: n.link, label: t('email:noticeReminder.cta') },
        signature,
      ]);
    case 'case_confirmation':
      return compose(t('email:caseConfirmation.subject', n), [
        greeting,
        { text: t('email:caseConfirmation.intro', n) },
        { link: n.link, label: t('email:caseConfirmation.cta') },
        signature,
      ]);
    case 'case_update':
      return compose(t('email:caseUpdate.subject', n), [
        greeting,
        ...(n.status ? [{ text: t('email:caseUpdate.status', { status: t(`email:caseStatus.${n.status}`) }) }] : []),
        ...(n.body ? [{ text: t('email:caseUpdate.reply') }, { quote: n.body }] : []),
        { link: n.link, label: t('email:caseUpdate.cta') },
        signature,
      ]);
    case 'case_staff_update':
      return compose(t('email:caseStaffUpdate.subject', n), [{ quote: n.body }, { link: n.link, label: t('email:caseStaffUpdate.cta') }]);
    case 'case_information':
      return compose(t('email:caseInformation.subject', n), [
        greeting,
        { quote: n.body },
        ...(n.link ? [{ link: n.link, label: t('email:caseInformation.cta') }] : []),
        signature,
      ]);
    // Issue 12, OPS: an urgent operational notice or an update to it.
    case 'operational_notice':
      return compose(t(n.update ? 'email:operationalNotice.updateSubject' : 'email:operationalNotice.subject', n), [
        { text: t('email:operationalNotice.greeting', n) },
        { text: t(`email:operationalNotice.intro.${n.kind}`, n) },
        { quote: n.body },
        { link: n.link, label: t('email:operationalNotice.cta') },
        signature,
      ]);
    case 'mandate_updated': {
      const values = { ...n, kindName: t(`email:mandateUpdated.kind.${n.kind}`) };
      return compose(t(`email:mandateUpdated.${n.status}.subject`, values), [
        greeting,
        { text: t(`email:mandateUpdated.${n.status}.intro`, values) },
        ...(n.link ? [{ link: n.link, label: t('email:mandateUpdated.cta') }] : []),
        signature,
      ]);
    }
  }
}

/** The SMS text of a notification that may go by SMS. */
export function renderSms(n: Notification): string {
  const t = translator(n.locale);
  if (n.template === 'signup_code') return t('email:signupCode.sms', n);
  if (n.template === 'case_information') return t('email:caseInformation.sms', n);
  if (n.template === 'operational_notice') return t('email:operationalNotice.sms', n);
  throw new Error(`template ${n.template} has no SMS form`);
}
