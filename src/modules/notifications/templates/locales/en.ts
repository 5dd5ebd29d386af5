import { LocaleTemplates } from '../template.types';

export const en: LocaleTemplates = {
  application_received: {
    subject: 'Application received: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      'Your application for the job "{{vacancyTitle}}" at {{employerName}} has been received. The employer will review it and may invite you to an interview. The invitation will come by SMS or e-mail.',
      'Applying is free. Never pay anyone for a job: not the employer and not an agent.',
      'Questions and free legal help: {{hotline}}.',
    ],
    sms: 'Application for "{{vacancyTitle}}" received. Never pay anyone for a job. Help: {{hotline}}',
  },
  new_application: {
    subject: 'New application: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      'There is a new application for your vacancy "{{vacancyTitle}}".\nCandidate: {{candidateName}}',
      'The candidate agreed to show their details to employers. Use them only for hiring.',
      'Open the application and invite the candidate to an interview: {{applicationUrl}}',
    ],
    sms: 'New application for "{{vacancyTitle}}": {{candidateName}}. {{applicationUrl}}',
  },
  interview_invitation: {
    subject: 'Interview invitation: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      '{{employerName}} invites you to an interview for the job "{{vacancyTitle}}".',
      'When: {{startsAt}}\nWhere: {{location}}',
      'Bring your passport and other documents (migration card, patent if you have one). You may show your documents, but do not hand them over: an employer has no right to keep them.',
      'Confirm or decline: {{interviewUrl}}',
      'The interview is free. If anyone asks you for money, report it: {{hotline}}.',
    ],
    sms: 'Interview {{startsAt}}, {{location}}: "{{vacancyTitle}}". Reply: {{interviewUrl}}',
  },
  interview_rescheduled: {
    subject: 'Interview moved: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      'Your interview for the job "{{vacancyTitle}}" at {{employerName}} has been moved.',
      'New time: {{startsAt}}\nWhere: {{location}}',
      'If the new time does not suit you, reply here: {{interviewUrl}}',
    ],
    sms: 'Interview for "{{vacancyTitle}}" moved to {{startsAt}}, {{location}}. {{interviewUrl}}',
  },
  interview_cancelled: {
    subject: 'Interview cancelled: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      'Your interview for the job "{{vacancyTitle}}" at {{employerName}} has been cancelled.\nIt was planned for: {{startsAt}}',
      'You can apply for other jobs at a kiosk at the fair or on the website.',
    ],
    sms: 'Interview for "{{vacancyTitle}}" ({{startsAt}}) is cancelled.',
  },
  interview_reminder_migrant: {
    subject: 'Reminder: interview {{startsAt}}',
    body: [
      'Hello {{recipientName}},',
      'This is a reminder of your interview for the job "{{vacancyTitle}}" at {{employerName}}.',
      'When: {{startsAt}}\nWhere: {{location}}',
      'Bring your passport. If you cannot come, let us know: {{interviewUrl}}',
    ],
    sms: 'Reminder: interview {{startsAt}}, {{location}}. Bring your passport.',
  },
  interview_reminder_employer: {
    subject: 'Reminder: interview {{startsAt}}',
    body: [
      'Hello {{recipientName}},',
      'This is a reminder of an interview for your vacancy "{{vacancyTitle}}".\nCandidate: {{candidateName}}',
      'When: {{startsAt}}\nWhere: {{location}}',
      'Move or cancel: {{interviewUrl}}',
    ],
    sms: 'Interview {{startsAt}}: {{candidateName}}, "{{vacancyTitle}}". {{interviewUrl}}',
  },
  offer: {
    subject: 'Job offer: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      '{{employerName}} offers you a job: "{{vacancyTitle}}". Terms: {{offerUrl}}',
      'Before you accept, check that the pay, working hours, housing and deductions are the same as in the vacancy. The employment contract must be in writing, and one copy stays with you.',
      'Your rights:',
      '• The employer pays for recruitment. Never pay anyone for the job, documents, travel, training or a medical check.\n• Always keep your passport and other documents yourself. Nobody has the right to take them.\n• Free legal help: {{hotline}}.',
    ],
    sms: 'Job offer: "{{vacancyTitle}}". Never pay for a job, keep your passport. Help: {{hotline}}',
  },
  hired: {
    subject: 'You are hired: {{vacancyTitle}}',
    body: [
      'Hello {{recipientName}},',
      'Congratulations! {{employerName}} is hiring you: "{{vacancyTitle}}".\nFirst working day: {{startDate}}',
      'Your rights:',
      '• You must get a written employment contract, and one copy stays with you.\n• Do not pay for the job, neither to the employer nor to an agent.\n• Keep your passport and other documents yourself. The employer has no right to take them.\n• Your wages must be paid in full and on time, as written in the contract.\n• If you work with a patent, pay for it on time every month, or it stops being valid.',
      'Free legal help: {{hotline}}.',
    ],
    sms: 'You are hired: "{{vacancyTitle}}" from {{startDate}}. Never pay for a job, keep your passport. Help: {{hotline}}',
  },
  obligation_due: {
    subject: 'Notify the Interior Ministry by {{dueDate}}: {{workerName}}',
    body: [
      'Hello {{recipientName}},',
      'Worker: {{workerName}}\nDate the employment contract was concluded or ended: {{eventDate}}\nNotify the Interior Ministry (MVD) by: {{dueDate}}',
      'An employer must notify the regional office of the Russian Interior Ministry within 3 working days of concluding and of ending an employment contract with a foreign national, including EAEU citizens (Federal Law No. 115-FZ, art. 13 p. 8; forms of MVD Order No. 536 of 30.07.2020). Failing to notify, or notifying late, is an administrative offence (Code of Administrative Offences, art. 18.15).',
      'When you have sent the notification, record it here: {{obligationUrl}}',
    ],
    sms: 'Notify the MVD of the contract with {{workerName}} by {{dueDate}}. {{obligationUrl}}',
  },
  obligation_overdue: {
    subject: 'Overdue Interior Ministry notification: {{workerName}}',
    body: [
      'Hello {{recipientName}},',
      'The deadline to notify the Interior Ministry has passed, and the notification is not recorded as sent.',
      'Worker: {{workerName}}\nDate the employment contract was concluded or ended: {{eventDate}}\nNotify the Interior Ministry (MVD) by: {{dueDate}}',
      'Send the notification as soon as possible (Federal Law No. 115-FZ, art. 13 p. 8). Failing to notify, or notifying late, is an administrative offence (Code of Administrative Offences, art. 18.15). If you have already sent it, record the date it was sent: {{obligationUrl}}',
    ],
    sms: 'Overdue: notify the MVD about {{workerName}} (due {{dueDate}}). {{obligationUrl}}',
  },
  patent_expiring_migrant: {
    subject: 'Your patent is paid until {{paidUntil}}',
    body: [
      'Hello {{recipientName}},',
      'Your work patent ({{regionName}}) is paid until {{paidUntil}} inclusive.',
      'To keep working legally, pay for the next month (the fixed advance payment of income tax) no later than that date. If you pay late, the patent stops being valid the next day and you may not work. Keep the payment receipt.',
      'Questions and free legal help: {{hotline}}.',
    ],
    sms: 'Your patent ({{regionName}}) is paid until {{paidUntil}}. Pay in time or it stops being valid.',
  },
  patent_expiring_employer: {
    subject: "Worker's patent paid until {{paidUntil}}: {{workerName}}",
    body: [
      'Hello {{recipientName}},',
      'Worker: {{workerName}}\nPatent: {{regionName}}\nPaid until: {{paidUntil}}',
      'If the next payment is not made by that date, the patent stops being valid the next day and the worker may no longer legally work for you. Remind the worker to pay and ask for a copy of the new receipt.',
    ],
    sms: "{{workerName}}'s patent is paid until {{paidUntil}}. Ask for a copy of the new receipt.",
  },
  access_code: {
    subject: 'Your access code',
    body: [
      'Hello,',
      'Your access code: {{code}}',
      'Enter this code at {{loginUrl}} to see your applications and invitations from a phone or computer.',
      'Do not share the code with anyone. Fair staff and employers will never ask for it.',
    ],
    sms: 'Access code: {{code}}. Sign in: {{loginUrl}}. Do not share the code.',
  },
  kiosk_identification_code: {
    subject: 'Your job fair kiosk code',
    body: [
      'Hello!',
      'Your code to confirm who you are at the job fair kiosk: {{code}}. It is valid for {{minutes}} minutes.',
      'If you did not ask for a code, do not share it and tell the fair staff.',
    ],
    sms: 'Job fair kiosk code: {{code}} ({{minutes}} min). Do not share it.',
  },
  grievance_state_changed: {
    subject: 'Your report: {{stateLabel}}',
    body: [
      'Hello {{recipientName}},',
      'The state of your report has changed: {{stateLabel}}.',
      'Details and messages from staff: {{grievanceUrl}}',
    ],
    sms: 'Your report: {{stateLabel}}. {{grievanceUrl}}',
  },
  grievance_message: {
    subject: 'New message about your report',
    body: [
      'Hello {{recipientName}},',
      'A staff member has answered your report.',
      'Read the message: {{grievanceUrl}}',
    ],
    sms: 'New message about your report: {{grievanceUrl}}',
  },
  grievance_shared: {
    subject: "A worker's grievance about your company",
    body: [
      'Hello {{recipientName}},',
      "Fair staff have shared a worker's grievance with you. You may answer it once.",
      'Grievance: {{grievanceUrl}}',
    ],
    sms: "A worker's grievance was shared with you: {{grievanceUrl}}",
  },
  grievance_overdue: {
    subject: 'First response to a grievance is overdue',
    body: [
      'Hello {{recipientName}},',
      'The first response to a grievance was due on {{dueDate}} and has not been given.',
      'Grievance: {{grievanceUrl}}',
    ],
    sms: 'Grievance response overdue (due {{dueDate}}): {{grievanceUrl}}',
  },
  employer_suspended: {
    subject: 'Publishing of your vacancies is suspended',
    body: [
      'Hello {{recipientName}},',
      'Fair staff have suspended the publishing of your vacancies. Your published vacancies were unpublished.',
      'Reason: {{reason}}',
    ],
    sms: 'Publishing of your vacancies is suspended. Reason: {{reason}}',
  },
  legal_consultation_reminder: {
    subject: 'Reminder: legal consultation {{startsAt}}',
    body: [
      'Hello {{recipientName}},',
      'You are booked for a free legal consultation.',
      'When: {{startsAt}}\nWhere: {{location}}',
    ],
    sms: 'Legal consultation {{startsAt}}, {{location}}',
  },
  legal_consultation_rescheduled: {
    subject: 'Legal consultation moved: {{startsAt}}',
    body: [
      'Hello {{recipientName}},',
      'Your free legal consultation has been moved.',
      'New time: {{startsAt}}\nWhere: {{location}}',
    ],
    sms: 'Legal consultation moved to {{startsAt}}, {{location}}',
  },
  legal_consultation_cancelled: {
    subject: 'Legal consultation cancelled: {{startsAt}}',
    body: [
      'Hello {{recipientName}},',
      'Your legal consultation on {{startsAt}} ({{location}}) has been cancelled.',
      'Reason: {{reason}}',
      'You can book another time.',
    ],
    sms: 'Legal consultation {{startsAt}} cancelled. You can book another time.',
  },
  pre_departure_reminder: {
    subject: 'Deadline {{dueDate}}: a step of your plan',
    body: [
      'Hello {{recipientName}},',
      '{{stepText}}',
      'When it is done, tick it off in your plan and the reminders stop: {{planUrl}}',
    ],
    sms: 'Reminder: {{stepText}}',
  },
};
