// The SMTP transport from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the start), through
// nodemailer. Built once in the server's entry point; no pooling, since mails go out a few at a time.
import nodemailer from 'nodemailer';
import type { MailTransport } from './deliver.js';

export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  return nodemailer.createTransport(smtpUrl);
}
