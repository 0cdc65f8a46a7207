import { ReportSubmissionSchema } from '@haven/shared';
import { PayloadTooLargeError, TooManyRequestsError, ValidationError } from '../../errors';
import { formProblemsOf, reportFormValues, reportFromForm } from './reportForm';

describe('the report form’s fields as a submission', () => {
  it('when a form is filled in, then the topic splits, lists are one item a line, and empty fields are left out', () => {
    const values = reportFormValues({
      topic: 'online_hate/threats',
      narrative: 'They threatened me for my religion, again and again.',
      targets: ['religion', 'ethnicity'],
      country: '',
      occurredOn: '2026-01',
      platform: '  ',
      urls: 'https://a.example/1\r\n\r\n  https://a.example/2  ',
      handles: '@someone',
      contactChannel: 'none',
      'proofOfWork.challenge': 'challenge',
      'proofOfWork.nonce': '',
    });

    const report = ReportSubmissionSchema.parse(reportFromForm(values, 'fr'));

    expect(report).toEqual({
      category: 'online_hate',
      subcategory: 'threats',
      narrative: 'They threatened me for my religion, again and again.',
      occurredOn: '2026-01',
      urls: ['https://a.example/1', 'https://a.example/2'],
      handles: ['@someone'],
      targets: ['religion', 'ethnicity'],
      language: 'fr',
    });
  });

  it('when contact details are given, then they travel with the channel chosen', () => {
    const values = reportFormValues({
      topic: 'cyberattack',
      contactEmail: 'me@example.org',
      contactChannel: 'email',
    });

    expect(reportFromForm(values, 'en').contact).toEqual({
      email: 'me@example.org',
      preferredChannel: 'email',
    });
  });

  it('when the body is missing or odd, then every field is empty rather than a crash', () => {
    expect(reportFormValues(undefined).narrative).toBe('');
    expect(reportFormValues({ narrative: ['first', 'second'], targets: 'age' })).toMatchObject({
      narrative: 'first',
      targets: ['age'],
    });
  });
});

describe('the problems a refused form is shown again with', () => {
  it('when the schema refuses fields, then each names the form field that holds it, in form order', () => {
    const error = new ValidationError('invalid', [
      { path: 'contact.email', message: 'invalid' },
      { path: 'urls.1', message: 'invalid' },
      { path: 'subcategory', message: 'invalid' },
    ]);

    expect(formProblemsOf(error)).toEqual({ fields: ['topic', 'urls', 'contactEmail'] });
  });

  it('when a file is refused or the sender must wait, then the form says so; anything else is not the form’s', () => {
    expect(formProblemsOf(new PayloadTooLargeError())).toEqual({
      fields: ['files'],
      files: 'payload_too_large',
    });
    expect(formProblemsOf(new TooManyRequestsError(120))).toEqual({
      fields: [],
      retryAfterSeconds: 120,
    });
    expect(formProblemsOf(new ValidationError('bad key', [{ path: '', message: 'x' }]))).toBeNull();
    expect(formProblemsOf(new Error('disk full'))).toBeNull();
  });
});
