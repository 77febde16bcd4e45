// Public face of the certificates module: other modules, src/http, src/cli and src/demo import only this file.
export { attachCertificateFile } from './certificate-file.service.ts';
export { effectiveStatus } from './certificates.presenter.ts';
export { type CertificateRow, presentedCertificate, recentCertificates } from './certificates.read.ts';
export { addCertificate } from './certificates.service.ts';
export { certificationCalendar } from './cycle-history.service.ts';
export { sendCycleReminders } from './reminders.service.ts';
